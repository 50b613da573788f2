#!/usr/bin/env bash
# Reproduces the recorded what-if cost matrices bench/matrices/*.json from scratch, on a
# PostgreSQL server with HypoPG (postgresql-NN-hypopg): loads the TPC-H-like workload
# (bench/tpch) and seeds the spec workloads (bench/spec/prepare.sh) into scratch databases, then
# records each matrix with MatrixRecorder (candidates selected per query, then every set of at
# most two relevant candidates, each query's minimal multi-index set and all its candidates:
# nothing the search asks, so the matrices do not flatter it). Prints each recording's time and
# what-if calls. About 8 minutes on 2 cores, most of it loading. The data is deterministic but
# ANALYZE samples rows at random, so a re-recorded matrix has the same shape with costs that
# differ by up to ~20% on some entries (and now and then another kept candidate).
#
# Usage: bench/record-matrices.sh [SERVER_URL] [--skip-load]
#   SERVER_URL  default postgresql://postgres@127.0.0.1:5432 (databases ${PREFIX}tpch, ${PREFIX}shop,
#               ${PREFIX}saas, ${PREFIX}content are dropped and created; PREFIX defaults to ap_bench_)
#   --skip-load record on databases loaded by an earlier run
# Matrices:
#   tpch.json           bench/tpch/tpch.sql on TPC-H-like data at sf 0.167 (1M lineitem), keys only;
#                       the 2 best single candidates of each query kept (49 candidates)
#   tpch-top1.json      the same with the best one only (38 candidates: small enough for the
#                       optimum to be proved at more budgets)
#   shop.json           examples/shop.yaml's patterns, scale 0.02 (400k orders, 1.2M order lines,
#                       20k products, 400 categories), the designed secondary indexes dropped
#   shop-existing.json  the same with the designed indexes in place: they are candidates the
#                       advisor keeps or proposes to drop
#   saas.json           examples/saas.yaml, scale 0.01 (300k tasks, 900k comments), indexes dropped
#   content.json        examples/content.yaml, scale 0.1 (50k articles, 1M comments), indexes dropped
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
server="postgresql://postgres@127.0.0.1:5432"
load=true
for arg in "$@"; do
  case "$arg" in
    --skip-load) load=false ;;
    *) server="${arg%/}" ;;
  esac
done
prefix="${PREFIX:-ap_bench_}"
mvn -B -q -pl cli -am package -DskipTests 1>&2
mvn -B -q -pl core,postgres,bench package -DskipTests -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 1>&2
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p bench/matrices

if [ "$load" = true ]; then
  bench/tpch/load.sh "$server/${prefix}tpch" 0.167
  bench/spec/prepare.sh examples/shop.yaml "$server/${prefix}shop" 0.02 --rows product=20k --rows category=400
  bench/spec/prepare.sh examples/saas.yaml "$server/${prefix}saas" 0.01
  bench/spec/prepare.sh examples/content.yaml "$server/${prefix}content" 0.1
fi
for db in tpch shop saas content; do
  psql "$server/${prefix}$db" -Xqc "CREATE EXTENSION IF NOT EXISTS hypopg"
done

record() { # NAME DB ARGS...
  local name="$1" db="$2"; shift 2
  echo "== $name" >&2
  java -cp "$cp" io.accesspath.bench.MatrixRecorder --url "$server/${prefix}$db" --out "bench/matrices/$name.json" "$@" \
    2> "bench/out/record-$name.log"
  echo "   $(du -h "bench/matrices/$name.json" | cut -f1)" >&2
}
mkdir -p bench/out
record tpch tpch --workload bench/tpch/tpch.sql
record tpch-top1 tpch --workload bench/tpch/tpch.sql --top 1
record shop shop --spec examples/shop.yaml
record saas saas --spec examples/saas.yaml
record content content --spec examples/content.yaml

# shop again, with the designed secondary indexes in place (the advisor may keep or drop them;
# with HypoPG < 1.4, which has no hypopg_hide_index, they stay and only additions are weighed)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
java -jar cli/target/accesspath.jar design examples/shop.yaml --out "$work" --no-apply >/dev/null
grep -E '^CREATE INDEX ' "$work/schema.sql" | psql "$server/${prefix}shop" -Xq -v ON_ERROR_STOP=1
psql "$server/${prefix}shop" -Xqc "ANALYZE"
record shop-existing shop --spec examples/shop.yaml
# back to the bare schema, so a --skip-load run starts from the same state
grep -E '^CREATE INDEX ' "$work/schema.sql" | sed -E 's/^CREATE INDEX ([^ ]+) .*/DROP INDEX \1;/' \
  | psql "$server/${prefix}shop" -Xq -v ON_ERROR_STOP=1
