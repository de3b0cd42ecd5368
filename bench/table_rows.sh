#!/usr/bin/env bash
# Peak RSS and wall time of whole `vanban render` processes on a báo cáo whose body is one
# big table (issue 18: 10,000 rows ≤ 48 MB and ≤ 0.5 s; 100,000 rows ≤ 250 MB), PDF and
# DOCX, medians of several runs. Usage:
#   bash bench/table_rows.sh [VANBAN] [RUNS] [ROWS…]      (defaults: build/vanban 5 10000 100000)
# A process per run, because peak RSS is a property of the whole process.
set -euo pipefail
cd "$(dirname "$0")/.."
vanban=${1:-build/vanban}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# )) || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The table of bench_render.cpp and bench/run.sh: four columns, the unit name wraps to two lines.
make_table() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
seed = json.load(open("samples/cong-van-1996.json"))
seed["template"] = "bao-cao"; seed["symbol"] = "BC-TLĐ"; seed.pop("recipients", None)
rows = [[str(i + 1), "Công đoàn cơ sở Công ty số %d khu công nghiệp" % (i + 1), 1000 + i, 12.5 + i] for i in range(n)]
seed["body"] = ["Số liệu tổng hợp như sau:", {"table": {"columns": [
    {"title": "STT", "width": 0.5, "align": "center"}, {"title": "Đơn vị", "width": 3},
    {"title": "Số đoàn viên", "width": 1.2, "align": "right"}, {"title": "Tỷ lệ (%)", "width": 1, "align": "right"}],
    "rows": rows}}]
json.dump(seed, open(out, "w"), ensure_ascii=False)
PY
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# CPU (user + system) is printed too: on a shared machine the wall time also measures the neighbours.
printf '%-8s %-5s %12s %10s %10s %10s\n' rows format "peak RSS MB" "wall s" "CPU s" "pages"
for n in "${sizes[@]}"; do
  make_table "$n" "$tmp/t$n.json"
  for fmt in pdf docx; do
    rss=(); wall=(); cpu=()
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "%M %e %U %S" -o "$tmp/time" "$vanban" render "$tmp/t$n.json" --max-pages 10000 \
        --format "$fmt" -o "$tmp/out.$fmt" 2>/dev/null
      read -r kb s u k < "$tmp/time"
      rss+=("$kb"); wall+=("$s"); cpu+=("$(echo "$u $k" | awk '{print $1 + $2}')")
    done
    pages=-
    if [ "$fmt" = pdf ] && command -v pdfinfo >/dev/null; then
      pages=$(pdfinfo "$tmp/out.pdf" | awk '/^Pages:/ {print $2}')
    fi
    printf '%-8s %-5s %12.1f %10.3f %10.3f %10s\n' "$n" "$fmt" \
      "$(printf '%s\n' "${rss[@]}" | median | awk '{print $1/1024}')" \
      "$(printf '%s\n' "${wall[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)" "$pages"
  done
done
