#!/usr/bin/env bash
# The main job: install dependencies, build, and render every sample into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh --app
mkdir -p out
build/vanban render samples/*.json -o out/ --format pdf,docx
# The so-ket-nq20 campaign: each unit's report, then the national summary with its data.
build/vanban render samples/so-ket-nq20 -o out/so-ket-nq20/
build/vanban summarize --form templates/so-ket-nq20/form.json samples/so-ket-nq20 -o out/ --format pdf,docx \
  --data out/so-ket-nq20-tong-hop.json --data out/so-ket-nq20-tong-hop.csv --data out/so-ket-nq20-tong-hop.xlsx
ls -l out/
