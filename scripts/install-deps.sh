#!/usr/bin/env bash
# Installs what vanban needs on Debian 12. Idempotent; runs as root (or via sudo) with no prompt.
#   bash scripts/install-deps.sh          building and running: compiler, CMake, the libraries,
#                                         fonts, the sRGB profile
#   bash scripts/install-deps.sh --test   also the test suite and its oracles (poppler, qpdf,
#                                         LibreOffice, Chromium, JRE + PDFBox, python3-docx,
#                                         npm packages …) and the benchmarks
set -euo pipefail

want_tests=0
for a in "$@"; do
  case "$a" in
    --test) want_tests=1 ;;
    *) echo "install-deps: unknown option $a (only --test)" >&2; exit 2 ;;
  esac
done

RUNTIME=(
  # g++ and make, not build-essential: its dpkg-dev (and Perl, patch, xz …, 14 MB of
  # downloads) is needed only by cpack -G DEB, which --test installs (dpkg-dev below)
  g++ make cmake pkg-config ninja-build
  # LLD links vanban-render with the functions a render runs first (engine/cli/CMakeLists.txt);
  # without it GNU ld links the same program, ~0.6 ms slower to start
  lld-16
  libhpdf-dev libharfbuzz-dev libdeflate-dev libicu-dev
  libkainjow-mustache-dev libpugixml-dev nlohmann-json3-dev libzip-dev
  libxlsxwriter-dev  # vanban summarize --data X.xlsx, register print
  # the embedded store (campaigns, register) and hashes/tokens/signatures
  libsqlite3-dev libssl-dev
  libqpdf-dev        # vanban check reads PDFs back through QPDF
  libcpp-httplib-dev # vanban serve
  # vanban sign: PNG signature/seal images; PKCS#11 tokens (USB keys) through the libp11 engine
  libpng-dev libengine-pkcs11-openssl
  fonts-liberation2
  # PDF/A-1b (render --pdfa): the sRGB OutputIntent profile, found at run time
  icc-profiles-free
)

TEST=(
  catch2 clang-14 libclang-rt-14-dev sqlite3
  # benchmarks (bench/run.sh); callgrind for scripts/order-render.sh and its test
  libbenchmark-dev time valgrind
  # test oracles
  poppler-utils qpdf python3-jsonschema
  python3-openpyxl  # the campaign XLSX form round trip (tests/campaign)
  # signatures: a SoftHSM2 token, certutil for pdfsig's NSS trust store
  softhsm2 libnss3-tools
  chromium  # the browser tests (tests/browser)
  # DOCX oracles: LibreOffice (headless conversion), python-docx, xmllint
  libreoffice-writer-nogui python3-docx libxml2-utils unzip
  # PDF/A oracle: Apache PDFBox Preflight (PDF/A-1b validator) and a JRE to run it
  libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless
  # packaging test (dpkg-shlibdeps for the .deb's Depends, systemd-analyze for the unit)
  dpkg-dev systemd
)

PKGS=("${RUNTIME[@]}")
if [ "$want_tests" = 1 ]; then PKGS+=("${TEST[@]}"); fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: all packages present"
fi

# The browser tests (tests/browser) drive Chromium with playwright-core from npm,
# pinned by its package-lock.json; skipped when node is not installed.
if [ "$want_tests" = 1 ]; then
  browser_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
  if command -v npm >/dev/null 2>&1 && [ ! -d "$browser_tests/node_modules/playwright-core" ]; then
    echo "install-deps: npm ci --prefix tests/browser"
    npm ci --prefix "$browser_tests" --no-audit --no-fund >/dev/null
  fi
fi
