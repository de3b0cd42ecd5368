#!/usr/bin/env bash
# Runs the benchmarks: warm in-process medians (Google Benchmark), then the cold CLI
# and peak RSS of whole processes. Usage: bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
echo "== warm, one process (median of repetitions) =="
build/bench/vanban_bench --benchmark_filter="${1:-.}" 2>/dev/null | grep -E "median|Benchmark|---" || true
echo
echo "== cold CLI: build/vanban render samples/cong-van-1996.json (whole process), 20 runs =="
tmp=$(mktemp -d)
times=()
for i in $(seq 20); do
  s=$(date +%s%N)
  build/vanban render samples/cong-van-1996.json -o "$tmp/cv.pdf"
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms\n", a[int((NR+1)/2)]/1000}'
echo "size $(stat -c %s "$tmp/cv.pdf") bytes"
echo
echo "== peak RSS =="
/usr/bin/time -f "seed letter: %M KB" build/vanban render samples/cong-van-1996.json -o "$tmp/cv.pdf"
rm -rf "$tmp"
