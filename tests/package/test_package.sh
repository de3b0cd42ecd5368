#!/usr/bin/env bash
# Usage: test_package.sh BUILD_DIR SOURCE_DIR. Exit 77 = skipped (no cpack/dpkg-deb).
set -euo pipefail
build=$1 src=$2
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "SKIPPED: cpack or dpkg-deb missing"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/pkg/vanban_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no vanban_<version>_amd64.deb in $(ls "$work/pkg")"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

info=$(dpkg-deb -I "$deb")
depends=$(printf '%s\n' "$info" | sed -n 's/^ Depends: //p')
echo "Depends: $depends"
# libicu and libzip come from vanban-full (vanban-render has ICU linked in and loads
# libzip with dlopen: VANBAN_STATIC_LIBS, cli/lazy_zip.cpp).
for lib in libharfbuzz libicu libhpdf libzip libqpdf libsqlite3 fonts-liberation2 icc-profiles-free; do
  printf '%s' "$depends" | grep -q "$lib" || fail "Depends lacks $lib"
done
for oracle in libreoffice chromium java jre pdfbox poppler python3 catch2 node; do
  if printf '%s' "$depends" | grep -qi "$oracle"; then fail "Depends names the test oracle '$oracle'"; fi
done
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/vanban ./usr/libexec/vanban/vanban-render ./usr/libexec/vanban/vanban-full ./usr/share/vanban/templates/cong-van.mustache ./usr/lib/systemd/system/vanban.service; do
  printf '%s' "$contents" | grep -q " $f\$" || fail "the package lacks $f"
done

# Unpacked anywhere, the program finds its own templates next to it (share/vanban), not
# the source tree: a template that exists only in the unpacked tree must be listed.
dpkg-deb -x "$deb" "$work/root"
cp "$work/root/usr/share/vanban/templates/cong-van.mustache" "$work/root/usr/share/vanban/templates/chi-trong-goi.mustache"
"$work/root/usr/bin/vanban" templates | grep -qx "chi-trong-goi" || fail "the unpacked vanban does not read usr/share/vanban/templates"
# The commands the front hands over run in usr/libexec/vanban/vanban-render (templates,
# above) and vanban-full, which find the same templates (cli/hand_off.h): --check goes
# there, and --help lists every command. A DOCX loads libzip in vanban-render.
sed 's/"template": *"cong-van"/"template": "chi-trong-goi"/' "$src/samples/cong-van-1996.json" >"$work/own.json"
grep -q '"chi-trong-goi"' "$work/own.json" || fail "the sample no longer names its template as expected"
"$work/root/usr/bin/vanban" render "$work/own.json" --check -o "$work/own.pdf" || fail "the unpacked vanban could not render --check"
[ -s "$work/own.pdf" ] || fail "render --check wrote no PDF"
"$work/root/usr/bin/vanban" render "$work/own.json" -o "$work/own.docx" || fail "the unpacked vanban could not write a DOCX"
[ -s "$work/own.docx" ] || fail "render wrote no DOCX"
help=$("$work/root/usr/bin/vanban" --help) || fail "vanban --help failed (vanban-full not found?)"
printf '%s' "$help" | grep -q "vanban serve" || fail "vanban --help does not list serve"

# Installed for real (root only: CI runs as root), used from another directory.
if [ "$(id -u)" = 0 ] && [ "${CI:-}" = "true" ]; then
  dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
  trap 'dpkg -r vanban >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  mkdir -p "$work/elsewhere" && cd "$work/elsewhere"
  /usr/bin/vanban render "$src"/samples/*.json -o out/ || fail "installed vanban could not render the samples"
  n=$(ls out/*.pdf | wc -l)
  [ "$n" -eq "$(ls "$src"/samples/*.json | wc -l)" ] || fail "$n PDFs"
  if command -v pdftotext >/dev/null; then pdftotext out/cong-van-1996.pdf - | grep -q "Số: 1996/TLĐ" || fail "text"; fi
  if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /usr/lib/systemd/system/vanban.service 2>"$work/verify.log" || { cat "$work/verify.log"; fail "systemd-analyze verify"; }
    if grep -v "^$" "$work/verify.log" | grep -qi "vanban.service"; then cat "$work/verify.log"; fail "systemd-analyze warned about the unit"; fi
  fi
  echo "installed and rendered $n samples from $work/elsewhere"
else
  echo "(not root in CI: installing the package skipped)"
fi
echo "package test passed"
