#!/usr/bin/env bash
# Creates the TPC-H-like tables (schema.sql: primary and foreign keys, no secondary index) in
# the database named by URL and loads the deterministic data (load.sql) at scale factor SF.
# Usage: bench/tpch/load.sh URL [SF]     e.g. bench/tpch/load.sh postgresql://postgres@127.0.0.1:5432/ap_tpch_bench
# The database is created when it does not exist; existing TPC-H tables in it are dropped first.
# SF defaults to 0.167 (~1M lineitem rows, 250k orders; about 1.5 minutes on 2 cores).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:?usage: load.sh URL [SF]}"
sf="${2:-0.167}"
db="${url##*/}"; db="${db%%\?*}"
admin="${url%/*}/postgres"
if [ "$(psql "$admin" -XAtc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
  psql "$admin" -Xqc "CREATE DATABASE \"$db\""
fi
psql "$url" -Xq -v ON_ERROR_STOP=1 \
  -c 'DROP TABLE IF EXISTS lineitem, orders, customer, partsupp, part, supplier, nation, region CASCADE' \
  -f "$here/schema.sql"
t0=$(date +%s)
psql "$url" -Xq -v ON_ERROR_STOP=1 -v sf="$sf" -f "$here/load.sql"
echo "tpch: loaded sf=$sf in $(( $(date +%s) - t0 )) s" >&2
