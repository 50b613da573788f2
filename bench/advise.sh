#!/usr/bin/env bash
# Index advisor benchmark: for every recorded cost matrix (default bench/matrices/*.json; give
# files or directories to use others, e.g. core/src/test/resources/advise) at several storage
# budgets (--budgets 5%,10%,25%,50%,100% of the candidates' total size; plain numbers are MB):
# the advisor's saving (1 - relativeCost) against the optimal saving (exact branch and bound over
# the matrix) and against plain greedy benefit-per-byte, with its wall time and what-if calls.
# Prints Markdown on stdout (progress on stderr) and keeps a copy under bench/out/ (not committed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -pl core,postgres,bench package -DskipTests -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 1>&2
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p bench/out
out="bench/out/advise-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
  echo
  java -cp "$cp" io.accesspath.bench.AdvisorBenchmark "$@"
} | tee "$out"
echo "results kept in $out" >&2
