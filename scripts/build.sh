#!/usr/bin/env bash
# Configures and builds vanban into build/ (warnings are errors when CI=true).
#   bash scripts/build.sh         everything: vanban, the test suite, the benchmarks
#   bash scripts/build.sh --app   only the vanban executable (what an office needs)
#   bash scripts/build.sh --no-unit-tests
#                                 vanban and the benchmarks, optimised; the suite is configured
#                                 but not compiled (CI runs it in the ASan build; here only the
#                                 Chromium and .deb tests, which judge this build)
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi
# Always given, so that the cache never keeps the other mode's flags. CI keeps line
# tables only (-g1: backtraces still name file and line), which saves ~15 % of compile time.
debug=-g
if [ "${CI:-}" = "true" ]; then debug=-g1; fi
extra=(-DVANBAN_TESTS=ON -DVANBAN_BENCH=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 $debug -DNDEBUG" -DCMAKE_UNITY_BUILD=OFF)
target=()
if [ "${1:-}" = "--no-unit-tests" ]; then
  # Unity batches here too (as --app): CI then compiles both ways, this build in batches
  # and the ASan build file by file, so a name two files of a stage share fails CI.
  extra=(-DVANBAN_TESTS=ON -DVANBAN_BENCH=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 $debug -DNDEBUG"
         -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8)
  target=(--target vanban --target vanban_benchmarks)
elif [ "${1:-}" = "--app" ]; then
  # No debug information: the same code (-O2), and about 28% less compile time for an
  # office that only runs it (measured on five engine files: 38 s → 27 s of CPU).
  # Unity batches of 8 files per stage (engine/CMakeLists.txt): each batch parses the
  # nlohmann/json, QPDF, OpenSSL and standard headers once instead of 8 times, ~37 % less
  # CPU from scratch (bench/README.md, "Compile time"); the same bytes out.
  extra=(-DVANBAN_TESTS=OFF -DVANBAN_BENCH=OFF "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG"
         -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8)
  target=(--target vanban)
fi
launcher=()
# ccache, when installed, makes rebuilds in several work trees cheap; nothing depends on it.
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Ninja, when installed, for a new build tree: it compiles a library's files while the
# libraries it links are still being built (make waits for them), which keeps both cores
# busy through the unity batches of --app. An existing tree keeps its generator.
generator=()
if command -v ninja >/dev/null 2>&1 && [ ! -f build/CMakeCache.txt ]; then generator=(-G Ninja); fi
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_WERROR="$werror" "${extra[@]}" "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)" "${target[@]}"
