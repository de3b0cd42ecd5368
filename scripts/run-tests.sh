#!/usr/bin/env bash
# Install dependencies, build, and run the whole test suite; then the same suite under
# ASan+UBSan (the `asan` preset, build-asan/) and a short fuzz run (scripts/fuzz-smoke.sh).
# VANBAN_ASAN=0 / VANBAN_FUZZ=0 skip those two. Each phase prints how long it took (CI
# must stay under 30 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
phase() {  # phase NAME COMMAND...: run it, then say how long it took
  local name="$1" t0=$SECONDS
  shift
  "$@"
  echo "run-tests: $name took $((SECONDS - t0)) s (total $((SECONDS - started)) s)"
}

phase "install-deps" bash scripts/install-deps.sh --test
phase "build" bash scripts/build.sh
phase "ctest" bash -c 'cd build && ctest --output-on-failure -j"$(nproc)"'

if [ "${VANBAN_ASAN:-1}" != "0" ]; then
  werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  launcher=()
  if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake --preset asan -DVANBAN_WERROR="$werror" "${launcher[@]}" >/dev/null
  phase "asan build" cmake --build build-asan -j"$(nproc)"
  # The browser and package tests judge Chromium pages and the .deb (the plain run has
  # them); under ASan they would only re-run the same engine paths slower.
  phase "asan ctest" ctest --preset asan -j"$(nproc)" -E '^(browser|package):'
fi

if [ "${VANBAN_FUZZ:-1}" != "0" ]; then
  phase "fuzz smoke" bash scripts/fuzz-smoke.sh
fi
