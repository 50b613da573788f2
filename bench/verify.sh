#!/usr/bin/env bash
# Times a cold `accesspath verify SPEC --report DIR` from start to report: a fresh JVM, a fresh
# embedded PostgreSQL (initdb included), the design applied, the data seeded at verify's default
# scales (about 1.2M rows in all for shop.yaml, and a quarter of that), every pattern explained
# and timed, the write cost measured, the three report files written. N runs per spec; prints the
# wall time of each run, the rows loaded (from report.json) and the phase timings verify prints
# on stderr for the last run.
# Usage: bench/verify.sh [RUNS] [SPEC...]   (default: 3 runs of examples/shop.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"; shift || true
specs=("$@"); [ ${#specs[@]} -gt 0 ] || specs=(examples/shop.yaml)
jar=cli/target/accesspath.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package >&2
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %4s %10s %8s %6s\n' spec run rows wall_s exit
for spec in "${specs[@]}"; do
  name="$(basename "$spec" .yaml)"
  for run in $(seq 1 "$runs"); do
    rm -rf "$out/$name"
    t0=$(date +%s%N)
    set +e
    java -jar "$jar" verify "$spec" --report "$out/$name" >"$out/$name.out" 2>"$out/$name.err"
    rc=$?
    set -e
    t1=$(date +%s%N)
    rows=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(max(s.get("totalRows",0) for s in r.get("scales",[])))' "$out/$name/report.json" 2>/dev/null || echo "?")
    printf '%-22s %4d %10s %8.1f %6d\n' "$spec" "$run" "$rows" "$(echo "($t1 - $t0)/1000000000" | bc -l)" "$rc"
  done
  echo "--- $spec, last run: verdict and phase timings"
  tail -n 3 "$out/$name.out"
  grep -iE 'took|in [0-9.]+ s|seconds' "$out/$name.err" | tail -n 20 || true
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
