#!/usr/bin/env bash
# Install dependencies, build, and run the whole test suite; then the same suite under
# ASan+UBSan (the `asan` preset, build-asan/) and a short fuzz run (scripts/fuzz-smoke.sh).
# VANBAN_ASAN=0 / VANBAN_FUZZ=0 skip those two.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
bash scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")

if [ "${VANBAN_ASAN:-1}" != "0" ]; then
  werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  launcher=()
  if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake --preset asan -DVANBAN_WERROR="$werror" "${launcher[@]}" >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ctest --preset asan -j"$(nproc)"
fi

if [ "${VANBAN_FUZZ:-1}" != "0" ]; then
  bash scripts/fuzz-smoke.sh
fi
