#!/usr/bin/env bash
# Usage: test_front.sh BUILD_DIR. The front as the package ships it (/usr/bin/vanban): in the
# optimised x86-64 build it has no C library (cli/front_sys.h), so its messages, exit codes,
# hand-over and errno words are checked here on that build; the sanitizer build's tests
# (tests/cli/test_front.cpp) check the C-library variant.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }
front=$build/vanban

# Nothing to load in the build the package is made from (the sanitizer build's front is dynamic).
if grep -q '^VANBAN_STATIC_LIBS:BOOL=ON' "$build/CMakeCache.txt" && readelf -lW "$front" | grep -q INTERP; then
  fail "the front asks for a dynamic loader"
fi

out=$("$front" --version) || fail "--version exited $?"
[[ "$out" =~ ^vanban\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$out'"

rc=0; err=$("$front" 2>&1 >/dev/null) || rc=$?
[ "$rc" = 2 ] || fail "no command: exit $rc"
[ "$err" = $'vanban: no command given\n(see vanban --help)' ] || fail "no command: '$err'"

rc=0; err=$("$front" --version 2>&1 >/dev/full) || rc=$?
[ "$rc" = 1 ] || fail "--version to a full disk: exit $rc"
[ "$err" = "error: cannot write to standard output: No space left on device" ] || fail "full disk: '$err'"

# Handed over with argv, the exit code and the environment intact.
rc=0; err=$("$front" lint "$work/none.json" 2>&1) || rc=$?
rc2=0; err2=$("$build/vanban-render" lint "$work/none.json" 2>&1) || rc2=$?
[ "$rc" = "$rc2" ] && [ "$rc" != 0 ] || fail "lint of a missing file: exit $rc, vanban-render's $rc2"
[ "$err" = "$err2" ] || fail "lint's message changed on the way: '$err' against '$err2'"
LD_DEBUG=statistics "$front" templates 2>"$work/ld.txt" >/dev/null || fail "templates exited $?"
grep -q "runtime linker statistics" "$work/ld.txt" || fail "the environment did not reach vanban-render"

# Alone, it names the program it could not find.
cp "$front" "$work/vanban"
rc=0; err=$("$work/vanban" render x.json 2>&1) || rc=$?
[ "$rc" = 1 ] || fail "alone, render: exit $rc"
[ "$err" = "error: cannot run $work/../libexec/vanban/vanban-render: No such file or directory (vanban runs this command there; is vanban installed whole?)" ] ||
  fail "alone, render: '$err'"
rc=0; err=$("$work/vanban" check x.pdf 2>&1) || rc=$?
[ "$rc" = 1 ] && [[ "$err" == *"vanban-full: No such file or directory"* ]] || fail "alone, check: exit $rc, '$err'"

# A program it may not run: the errno in glibc's words.
mkdir "$work/p"
cp "$front" "$work/p/vanban"
printf 'not a program\n' >"$work/p/vanban-render"
chmod 644 "$work/p/vanban-render"
rc=0; err=$("$work/p/vanban" render x.json 2>&1) || rc=$?
[ "$rc" = 1 ] && [ "$err" = "error: cannot run $work/p/vanban-render: Permission denied" ] || fail "not executable: exit $rc, '$err'"
chmod 755 "$work/p/vanban-render"
printf '\x7fELF-broken' >"$work/p/vanban-render"
rc=0; err=$("$work/p/vanban" render x.json 2>&1) || rc=$?
[ "$rc" = 1 ] && [ "$err" = "error: cannot run $work/p/vanban-render: Exec format error" ] || fail "not a program: exit $rc, '$err'"
echo "the front: --version, messages, exit codes, hand-over and errno words as expected"
