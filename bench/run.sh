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
echo "== cold CLI (whole process; bench/README.md), 40 runs each =="
tmp=$(mktemp -d)
build/bench/vanban_cold_start 40 build/vanban --version | sed 's/^/vanban --version: /'
# The output on tmpfs (no disk under fsync) and next to the other temporaries (with it).
shm=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
build/bench/vanban_cold_start 40 build/vanban render samples/cong-van-1996.json -o "$shm/cv.pdf" | sed 's/^/render, output on tmpfs: /'
build/bench/vanban_cold_start 40 build/vanban render samples/cong-van-1996.json -o "$tmp/cv.pdf" | sed 's/^/render, output fsynced to disk: /'
rm -rf "$shm"
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
# Issue 11: 100,000 rows (the same table; its rows wrap to two lines, 5,100 pages). Target ≤ 250 MB.
/usr/bin/python3 - "$tmp/rows10000.json" "$tmp/rows100000.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["body"][1]["table"]
t["rows"] = [[str(i + 1), "Công đoàn cơ sở Công ty số %d khu công nghiệp" % (i + 1), 1000 + i, 12.5 + i] for i in range(100000)]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
/usr/bin/time -f "100,000-row table, PDF: %M KB, %e s" build/vanban render "$tmp/rows100000.json" --max-pages 10000 -o "$tmp/rows100k.pdf"
/usr/bin/time -f "100,000-row table, DOCX: %M KB, %e s" build/vanban render "$tmp/rows100000.json" --max-pages 10000 --format docx -o "$tmp/rows100k.docx"
echo
echo "== register: allocation (fsynced) and search over 100,000 entries =="
build/bench/vanban_bench_register 2>/dev/null | grep -E "median|Benchmark|---" || true
echo
echo "== vanban serve: POST /api/render (seed letter) from 1, 8, 64 loopback clients =="
# The load comes from one address, which the defaults (4 renders, 32 connections) would refuse.
build/vanban serve --port 0 --quiet --max-per-client 64 --max-connections 128 > "$tmp/serve.out" &
serve_pid=$!
for _ in $(seq 50); do grep -q "http://" "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out")
for c in 1 8 64; do
  build/bench/vanban_serve_load "$port" samples/cong-van-1996.json "$c" $(( c == 1 ? 200 : c == 8 ? 50 : 10 )) || true
done
kill "$serve_pid"; wait "$serve_pid" || true
echo
echo "== reporting campaign: 63 units submit at once to vanban serve --data, then the summary from the store =="
build/bench/vanban_bench_campaign "$tmp/campaign-data"
rm -rf "$tmp"
