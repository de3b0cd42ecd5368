#!/usr/bin/env bash
# The main job: install dependencies, build, and render every sample into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p out
build/vanban render samples/*.json -o out/
ls -l out/
