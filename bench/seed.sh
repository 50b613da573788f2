#!/usr/bin/env bash
# Seed benchmark: shop.yaml at >= 10 million rows (default --scale 0.125) into the PostgreSQL
# server named by --url (default: postgresql://postgres@127.0.0.1:5432/postgres; scratch
# databases are created and dropped there), compared in the same run with the server's own
# COPY FROM of the same rows as CSV files and with JDBC batched INSERT. Prints Markdown on
# stdout (progress on stderr) and keeps a copy under bench/out/ (not committed).
# Extra arguments go to the benchmark: --scale F --threads N --insert-rows N --url URL --dir DIR
# --rounds N (default 2: the seed and the server COPYs measured N times, interleaved; the best of each
# is compared) --seed-only (stop after the seed, e.g. to profile it).
# The CSV files go to --dir (default /tmp/accesspath-bench), which the server must be able to read.
# The JVM runs with -Xmx512m: the seed's peak heap is part of the result.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -pl core,postgres,bench package -DskipTests -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 1>&2
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p bench/out
out="bench/out/seed-$(date -u +%Y%m%dT%H%M%SZ).md"
java -Xmx512m -cp "$cp" io.accesspath.bench.SeedBenchmark --spec examples/shop.yaml "$@" | tee "$out"
echo "results kept in $out" >&2
