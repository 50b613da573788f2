#!/usr/bin/env bash
# The index advisor's recommendations measured for real (AdvisorRealBenchmark): runs the
# weighted workload WORKLOAD.sql on the database URL (one warm-up, then N timed runs a
# statement; median), builds the indexes of INDEXES.sql (CREATE INDEX statements, e.g. the
# advisor's), VACUUM ANALYZE, runs it again, prints before/after per query and weighted in
# total (Markdown, also kept under bench/out/), then drops the indexes it built (unless --keep).
# It writes to the database: use a scratch one (bench/tpch/load.sh, bench/spec/prepare.sh).
# Usage: bench/advise-real.sh URL WORKLOAD.sql INDEXES.sql [--runs N] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
url="${1:?usage: advise-real.sh URL WORKLOAD.sql INDEXES.sql [--runs N] [--keep]}"
workload="${2:?usage: advise-real.sh URL WORKLOAD.sql INDEXES.sql [--runs N] [--keep]}"
indexes="${3:?usage: advise-real.sh URL WORKLOAD.sql INDEXES.sql [--runs N] [--keep]}"
shift 3
mvn -B -q -pl core,postgres,bench package -DskipTests -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 1>&2
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p bench/out
out="bench/out/advise-real-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  java -cp "$cp" io.accesspath.bench.AdvisorRealBenchmark --url "$url" --workload "$workload" --indexes "$indexes" "$@"
} | tee "$out"
echo "results kept in $out" >&2
