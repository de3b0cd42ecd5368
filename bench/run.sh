#!/usr/bin/env bash
# Runs the benchmarks: warm in-process medians (Google Benchmark), then the cold CLI
# and peak RSS of whole processes. Usage: bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
echo "== warm, one process (median of repetitions) =="
build/bench/vanban_bench --benchmark_filter="${1:-.}" 2>/dev/null | grep -E "median|Benchmark|---" || true
build/bench/vanban_bench_sign --benchmark_filter="${1:-.}" 2>/dev/null | grep -E "median" || true
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
echo "== 1,000 letters in one batch (JSON Lines), --jobs 1 vs --jobs 2 =="
/usr/bin/python3 - "$tmp/letters.jsonl" <<'PY'
import json, sys
seed = json.load(open("samples/cong-van-1996.json"))
with open(sys.argv[1], "w") as f:
    for i in range(1000):
        seed["number"] = i + 1
        f.write(json.dumps(seed, ensure_ascii=False) + "\n")
PY
for j in 1 2; do
  s=$(date +%s%N)
  build/vanban render "$tmp/letters.jsonl" -o "$tmp/batch$j" --jobs $j 2>/dev/null
  e=$(date +%s%N)
  echo "--jobs $j: $(( (e - s) / 1000000 )) ms"
done
echo
echo "== national summary: vanban summarize, 60 reports -> PDF + XLSX (whole process), 5 runs =="
times=()
for i in $(seq 5); do
  s=$(date +%s%N)
  build/vanban summarize --form templates/so-ket-nq20/form.json samples/so-ket-nq20 -o "$tmp/sum" --data "$tmp/sum.xlsx" 2>/dev/null
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms\n", a[int((NR+1)/2)]/1000}'
echo
echo "== peak RSS =="
/usr/bin/python3 - "$tmp/rows10000.json" <<'PY'
import json, sys
seed = json.load(open("samples/cong-van-1996.json"))
seed["template"] = "bao-cao"; seed["symbol"] = "BC-TLĐ"; seed.pop("recipients", None)
rows = [[str(i + 1), "Công đoàn cơ sở Công ty số %d khu công nghiệp" % (i + 1), 1000 + i, 12.5 + i] for i in range(10000)]
seed["body"] = ["Số liệu tổng hợp như sau:", {"table": {"columns": [
    {"title": "STT", "width": 0.5, "align": "center"}, {"title": "Đơn vị", "width": 3},
    {"title": "Số đoàn viên", "width": 1.2, "align": "right"}, {"title": "Tỷ lệ (%)", "width": 1, "align": "right"}],
    "rows": rows}}]
json.dump(seed, open(sys.argv[1], "w"), ensure_ascii=False)
PY
/usr/bin/time -f "10,000-row table: %M KB" build/vanban render "$tmp/rows10000.json" -o "$tmp/rows.pdf"
/usr/bin/time -f "seed letter: %M KB" build/vanban render samples/cong-van-1996.json -o "$tmp/cv.pdf"
/usr/bin/time -f "1,000 letters --jobs 2: %M KB" build/vanban render "$tmp/letters.jsonl" -o "$tmp/batch" --jobs 2 2>/dev/null
rm -rf "$tmp"
