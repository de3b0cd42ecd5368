#!/usr/bin/env bash
# Writes engine/cli/vanban-render.order: the functions of vanban-render that a render runs,
# one mangled name per line, sorted. The linker (LLD, engine/cli/CMakeLists.txt) places them
# first in .text, so a cold render touches ~0.9 MB of code instead of pieces of all 4 MB: on
# a machine where a page's first touch costs ~11 µs this was ~25 page faults and ~0.9 ms of a
# ~11 ms cold render (bench/README.md, "Sixth round").
#
#   bash scripts/order-render.sh [VANBAN_RENDER]          (default build/vanban-render)
#   bash scripts/order-render.sh --list [VANBAN_RENDER]   the same list on standard output
#
# Run it after changes to the render path; a stale file costs speed, never correctness (a
# name the linker does not find is skipped), and the test "package: vanban-render's hot
# functions are ordered first …" says when it has gone stale. Needs valgrind (callgrind
# lists every function executed, whatever the layout of the binary it runs).
set -euo pipefail
cd "$(dirname "$0")/.."
to=engine/cli/vanban-render.order
if [ "${1:-}" = "--list" ]; then to=/dev/stdout; shift; fi
bin=${1:-build/vanban-render}
[ -x "$bin" ] || { echo "order-render: $bin is not built" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "order-render: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The training set: what a cold `vanban render` does — every sample letter to PDF, and the
# seed letter to DOCX too.
runs=()
for f in samples/*.json; do runs+=("render $f -o $work/out.pdf"); done
runs+=("render samples/cong-van-1996.json -o $work/out.docx")
i=0
for r in "${runs[@]}"; do
  i=$((i + 1))
  # shellcheck disable=SC2086  # the run's words are split on purpose
  valgrind -q --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$i" "$bin" $r >/dev/null
done
/usr/bin/python3 - "$(basename "$bin")" "$work"/cg.* > "$to" <<'EOF'
import collections, re, sys
# Functions that ran in the program itself (ob= the program), from callgrind's files, where
# names are given once as "(id) name" and then as "(id)". Those that ran in more of the
# training runs come first (every render, then the PDF path, then the DOCX path), so that
# the code of a letter's render is packed tightest; ties by name, for a stable file.
program, runs = sys.argv[1], collections.Counter()
for path in sys.argv[2:]:
    objects, functions, current, names = {}, {}, None, set()
    def lookup(table, text):
        m = re.match(r'\((\d+)\)(?: (.*))?$', text)
        if not m:
            return text
        if m.group(2) is not None:
            table[m.group(1)] = m.group(2)
        return table.get(m.group(1))
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        if line.startswith('ob='):
            current = lookup(objects, line[3:])
        elif line.startswith('cob='):
            lookup(objects, line[4:])
        elif line.startswith('cfn='):
            lookup(functions, line[4:])
        elif line.startswith('fn='):
            name = lookup(functions, line[3:])
            if current and current.endswith('/' + program) and name and not name.startswith(('0x', '(')):
                names.add(name.split("'")[0])  # callgrind marks recursion as name'2
    runs.update(names)
print('\n'.join(sorted(runs, key=lambda name: (-runs[name], name))))
EOF
if [ "$to" != /dev/stdout ]; then echo "order-render: $(wc -l < "$to") functions in $to"; fi
