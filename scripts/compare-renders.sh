#!/usr/bin/env bash
# Renders every sample (and a few big tables) with two vanban binaries and compares the
# files byte for byte: a change meant to save memory or time must not change one byte
# of any PDF, PDF/A or DOCX. Usage:
#   bash scripts/compare-renders.sh OLD_VANBAN NEW_VANBAN
# Exits non-zero and names the files that differ.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600  # undated documents print this year in both runs

inputs=(samples/*.json samples/so-ket-nq20/bc-*.json)
# Big tables (bench/table_rows.sh's shape), and one with header rows and a total row.
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
seed = json.load(open("samples/cong-van-1996.json"))
seed["template"] = "bao-cao"; seed["symbol"] = "BC-TLĐ"; seed.pop("recipients", None)
cols = [{"title": "STT", "width": 0.5, "align": "center"}, {"title": "Đơn vị", "width": 3},
        {"title": "Số đoàn viên", "width": 1.2, "align": "right"}, {"title": "Tỷ lệ (%)", "width": 1, "align": "right"}]
for n in (3000, 10000):
    rows = [[str(i + 1), "Công đoàn cơ sở Công ty số %d khu công nghiệp & <Nhà máy> \"A\"" % (i + 1), 1000 + i, 12.5 + i]
            for i in range(n)]
    seed["body"] = ["Số liệu tổng hợp như sau:", {"table": {"columns": cols, "rows": rows}}]
    json.dump(seed, open("%s/table-%d.json" % (sys.argv[1], n), "w"), ensure_ascii=False)
rows = [["", "Nhóm", "Số", "Tỷ lệ"]] + [[str(i + 1), "Đơn vị **%d**" % i, i * 7, "%d.25" % i] for i in range(500)]
rows.append(["", "Tổng cộng", 3500, "99.5"])
seed["body"] = ["Mở đầu.", {"heading": "I. SỐ LIỆU"}, {"table": {"columns": cols, "rows": rows, "header_rows": 2, "total_row": True}},
                {"list": ["một", "hai"]}, "Kết thúc."]
seed["appendices"] = [{"title": "Bảng phụ", "body": [{"table": {"columns": cols, "rows": rows[1:200]}}]}]
json.dump(seed, open("%s/table-totals.json" % sys.argv[1], "w"), ensure_ascii=False)
PY
inputs+=("$tmp"/table-*.json)

differ=0
count=0
for f in "${inputs[@]}"; do
  base=$(basename "$f" .json)
  for variant in pdf pdfa docx; do
    args=(--format "${variant%a}" --max-pages 10000)
    [ "$variant" = pdfa ] && args+=(--pdfa)
    ext=${variant%a}
    for side in old new; do
      bin=$old; [ $side = new ] && bin=$new
      if ! "$bin" render "$f" "${args[@]}" -o "$tmp/$side-$base-$variant.$ext" 2>"$tmp/$side.err"; then
        echo "$side failed on $f ($variant): $(head -c 300 "$tmp/$side.err")"
      fi
    done
    if [ -f "$tmp/old-$base-$variant.$ext" ] || [ -f "$tmp/new-$base-$variant.$ext" ]; then
      count=$((count + 1))
      if ! cmp -s "$tmp/old-$base-$variant.$ext" "$tmp/new-$base-$variant.$ext"; then
        echo "DIFFERS: $f ($variant)"
        differ=$((differ + 1))
      fi
    fi
    rm -f "$tmp"/old-* "$tmp"/new-*
  done
done
# The national summary (summarize → the bao-cao-tong-hop template with its per-unit table).
for side in old new; do
  bin=$old; [ $side = new ] && bin=$new
  "$bin" summarize --form templates/so-ket-nq20/form.json samples/so-ket-nq20 -o "$tmp/$side-sum" >/dev/null 2>&1 || true
done
for f in "$tmp"/old-sum/*; do
  [ -e "$f" ] || continue
  count=$((count + 1))
  if ! cmp -s "$f" "$tmp/new-sum/$(basename "$f")"; then echo "DIFFERS: summary $(basename "$f")"; differ=$((differ + 1)); fi
done
echo "$count files compared, $differ differ"
[ "$differ" -eq 0 ]
