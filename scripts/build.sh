#!/usr/bin/env bash
# Configures and builds vanban into build/ (warnings are errors when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi
launcher=()
# ccache, when installed, makes rebuilds in several work trees cheap; nothing depends on it.
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_WERROR="$werror" "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"
