#!/usr/bin/env bash
# Times `accesspath design SPEC --out DIR` end to end (JVM start, spec read, design, rendering,
# embedded PostgreSQL start, DDL applied, server stopped, files written), N runs per spec.
# Usage: bench/design.sh [RUNS] [SPEC...]   (default: 5 runs of every example)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"; shift || true
specs=("$@"); [ ${#specs[@]} -gt 0 ] || specs=(examples/*.yaml)
jar=cli/target/accesspath.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package >&2
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
printf '%-22s %6s %8s %8s %8s\n' spec runs min_s median_s max_s
for spec in "${specs[@]}"; do
  times=()
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    java -jar "$jar" design "$spec" --out "$out/$(basename "$spec" .yaml)" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  n=${#sorted[@]}
  printf '%-22s %6d %8.2f %8.2f %8.2f\n' "$spec" "$n" "$(echo "${sorted[0]}/1000" | bc -l)" \
    "$(echo "${sorted[$((n / 2))]}/1000" | bc -l)" "$(echo "${sorted[$((n - 1))]}/1000" | bc -l)"
done
