#!/usr/bin/env bash
# Configures and builds vanban into build/ (warnings are errors when CI=true).
#   bash scripts/build.sh         everything: vanban, the test suite, the benchmarks
#   bash scripts/build.sh --app   only the vanban executable (what an office needs)
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi
extra=(-DVANBAN_TESTS=ON -DVANBAN_BENCH=ON)
target=()
if [ "${1:-}" = "--app" ]; then
  extra=(-DVANBAN_TESTS=OFF -DVANBAN_BENCH=OFF)
  target=(--target vanban)
fi
launcher=()
# ccache, when installed, makes rebuilds in several work trees cheap; nothing depends on it.
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_WERROR="$werror" "${extra[@]}" "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)" "${target[@]}"
