#!/usr/bin/env bash
# Install dependencies, build, and run the whole test suite under ASan+UBSan (the `asan`
# preset, build-asan/) and the Chromium and .deb tests against the optimised build (build/);
# then a short fuzz run (scripts/fuzz-smoke.sh). VANBAN_ASAN=0 runs the whole suite in the
# optimised build instead; VANBAN_FUZZ=0 skips the fuzz run. Each phase prints how long it took (CI
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

if [ "${VANBAN_ASAN:-1}" = "0" ]; then
  # The whole suite in the optimised build only.
  phase "build" bash scripts/build.sh
  phase "ctest" bash -c 'cd build && ctest --output-on-failure -j"$(nproc)"'
else
  # Every test runs once. The suite runs in the ASan+UBSan build (every engine path under
  # the sanitizers); the Chromium and .deb tests judge the optimised build an office runs
  # (under ASan they would re-run the same engine paths slower, and a .deb is not built
  # from a sanitised tree). Compiling the suite twice was a third of CI's 42 minutes.
  phase "build" bash scripts/build.sh --no-unit-tests
  phase "ctest (Chromium, .deb)" bash -c 'cd build && ctest --output-on-failure -R "^(browser|package):"'
  werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  launcher=()
  if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake --preset asan -DVANBAN_WERROR="$werror" "${launcher[@]}" >/dev/null
  phase "asan build" cmake --build build-asan -j"$(nproc)"
  phase "asan ctest" ctest --preset asan -j"$(nproc)" -E '^(browser|package):'
fi

if [ "${VANBAN_FUZZ:-1}" != "0" ]; then
  phase "fuzz smoke" bash scripts/fuzz-smoke.sh
fi
