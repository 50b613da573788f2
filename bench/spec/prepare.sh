#!/usr/bin/env bash
# Prepares a database for an index advisor run on a spec workload: the designed schema
# (`accesspath design SPEC`), seeded at SCALE of the declared volume (`accesspath seed --url`),
# then, unless --keep-indexes, every secondary index that enforces nothing dropped (primary
# keys, unique constraints and unique indexes stay), so the advisor has to rediscover them.
# With --keep-indexes the designed indexes stay and are the advisor's "existing" ones (what it
# keeps, and what it proposes to drop).
# Usage: bench/spec/prepare.sh SPEC URL SCALE [--keep-indexes] [seed options, e.g. --rows product=20k]
# The database named by URL is dropped and created again (use a scratch name).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
spec="${1:?usage: prepare.sh SPEC URL SCALE [--keep-indexes] [seed options]}"
url="${2:?usage: prepare.sh SPEC URL SCALE [--keep-indexes] [seed options]}"
scale="${3:?usage: prepare.sh SPEC URL SCALE [--keep-indexes] [seed options]}"
shift 3
keep=false
if [ "${1:-}" = --keep-indexes ]; then keep=true; shift; fi
jar="$root/cli/target/accesspath.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -pl cli -am package -DskipTests >&2)
db="${url##*/}"; db="${db%%\?*}"
admin="${url%/*}/postgres"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

java -jar "$jar" design "$spec" --out "$work" --no-apply >/dev/null
psql "$admin" -Xq -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\""
psql "$url" -Xq -v ON_ERROR_STOP=1 -f "$work/schema.sql"
t0=$(date +%s)
java -jar "$jar" seed "$spec" --url "$url" --scale "$scale" "$@" >"$work/seed.json"
echo "$(basename "$spec"): seeded at scale $scale in $(( $(date +%s) - t0 )) s" >&2
if [ "$keep" = false ]; then
  psql "$url" -XAt -v ON_ERROR_STOP=1 <<'SQL' >&2
SELECT 'dropped ' || count(*) || ' secondary indexes: ' || coalesce(string_agg(c.relname, ', ' ORDER BY c.relname), '')
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND NOT i.indisunique AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid);
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT format('%I.%I', n.nspname, c.relname) AS name
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND NOT i.indisunique AND NOT i.indisprimary
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
  LOOP
    EXECUTE 'DROP INDEX ' || r.name;
  END LOOP;
END $$;
SQL
fi
psql "$url" -Xq -v ON_ERROR_STOP=1 -c "VACUUM ANALYZE"
psql "$url" -XA -F ' ' -v ON_ERROR_STOP=1 -c "SELECT relname, n_live_tup AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_stat_user_tables ORDER BY n_live_tup DESC" >&2
