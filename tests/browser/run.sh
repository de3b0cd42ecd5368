#!/usr/bin/env bash
# CTest entry for the browser test: skips (77) only when node or Chromium is absent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null 2>&1; then echo "SKIP: node is not installed"; exit 77; fi
chromium=${VANBAN_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then echo "SKIP: $chromium is not installed"; exit 77; fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "tests/browser: playwright-core is missing; run 'npm ci --prefix tests/browser' (scripts/install-deps.sh does)" >&2
  exit 1
fi
exec node "$here/${VANBAN_BROWSER_TEST:-form.test.js}" "$@"
