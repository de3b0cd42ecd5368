#!/usr/bin/env bash
# Usage: test_render_order.sh BUILD_DIR SOURCE_DIR. vanban-render's hot code comes first
# (engine/cli/CMakeLists.txt, LLD and vanban-render.order): checks that the order file still
# names the functions a render runs (it goes stale as the code changes: then run
# scripts/order-render.sh), and that the linker placed them together at the start of .text.
set -euo pipefail
build=$1
src=$2
fail() { echo "FAILED: $*"; exit 1; }
if ! grep -q '^VANBAN_HAVE_LLD_ORDER:INTERNAL=1' "$build/CMakeCache.txt"; then
  echo "SKIPPED: this build does not order vanban-render (no LLD >= 15, or VANBAN_STATIC_LIBS=OFF)"
  exit 77
fi
command -v valgrind >/dev/null || fail "needs valgrind (scripts/install-deps.sh --test)"
bin=$(readlink -f "$build/vanban-render")
order=$src/engine/cli/vanban-render.order
ran=$(mktemp)
trap 'rm -f "$ran"' EXIT
bash "$src/scripts/order-render.sh" --list "$bin" > "$ran"
[ "$(wc -l < "$ran")" -gt 300 ] || fail "callgrind saw only $(wc -l < "$ran") functions of vanban-render run"

nm -S --defined-only "$bin" | /usr/bin/python3 -c '
import sys
ran = set(open(sys.argv[1]).read().split())
listed = set(open(sys.argv[2]).read().split())
text = {}
for line in sys.stdin:
    p = line.split()
    if len(p) == 4 and p[2] in "tTW" and p[3] in ran:
        text[p[3]] = (int(p[0], 16), int(p[1], 16))
covered = [n for n in text if n in listed]
share = len(covered) / max(1, len(text))
print(f"{len(text)} functions of vanban-render ran; {len(covered)} ({share:.0%}) are in the order file")
if share < 0.9:
    sys.exit("FAILED: the order file is stale: run scripts/order-render.sh and commit engine/cli/vanban-render.order")
lo = min(text[n][0] for n in covered)
hi = max(text[n][0] + text[n][1] for n in covered)
size = sum(text[n][1] for n in covered)
print(f"they take {size // 1024} KB and lie in {(hi - lo) // 1024} KB of code")
# In the compiler order they spread over all ~4 MB of .text; in order, over their size plus
# the few archives whose objects are one section (pugixml, libdeflate): ~1.4x here.
if hi - lo > 2.5 * size:
    sys.exit("FAILED: the functions a render runs are not placed together")
' "$ran" "$order"
