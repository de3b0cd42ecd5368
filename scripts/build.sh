#!/usr/bin/env bash
# Configures and builds vanban into build/ (warnings are errors when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_WERROR="$werror" >/dev/null
cmake --build build -j"$(nproc)"
