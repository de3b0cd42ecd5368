#!/usr/bin/env bash
# Installs everything vanban needs to build, run and test on Debian 12.
# Idempotent; runs as root (or via sudo) with no prompt.
set -euo pipefail

PKGS=(
  build-essential cmake pkg-config clang-14 libclang-rt-14-dev
  libhpdf-dev libharfbuzz-dev libdeflate-dev libicu-dev
  libkainjow-mustache-dev libpugixml-dev nlohmann-json3-dev catch2 libzip-dev
  libxlsxwriter-dev  # vanban summarize --data X.xlsx
  # the embedded store (campaigns, register) and hashes/tokens/signatures
  libsqlite3-dev sqlite3 libssl-dev
  fonts-liberation2
  # PDF/A-1b (render --pdfa): the sRGB OutputIntent profile, found at run time
  icc-profiles-free
  # benchmarks (bench/run.sh)
  libbenchmark-dev time
  # test oracles
  poppler-utils qpdf python3-jsonschema
  python3-openpyxl  # the campaign XLSX form round trip (tests/campaign)
  # vanban check reads PDFs back through QPDF
  libqpdf-dev
  libcpp-httplib-dev chromium  # vanban serve (engine/server) and its browser test (tests/browser)
  # DOCX oracles: LibreOffice (headless conversion), python-docx, xmllint
  libreoffice-writer-nogui python3-docx libxml2-utils unzip
  # vanban sign: PNG signature/seal images; PKCS#11 tokens through the libp11 engine;
  # test oracles: a SoftHSM2 token, certutil for pdfsig's NSS trust store
  libpng-dev libengine-pkcs11-openssl softhsm2 libnss3-tools
  # PDF/A oracle: Apache PDFBox Preflight (PDF/A-1b validator) and a JRE to run it
  libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless
)

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

# The browser test (tests/browser) drives Chromium with playwright-core from npm,
# pinned by its package-lock.json; skipped when node is not installed.
browser_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
if command -v npm >/dev/null 2>&1 && [ ! -d "$browser_tests/node_modules/playwright-core" ]; then
  echo "install-deps: npm ci --prefix tests/browser"
  npm ci --prefix "$browser_tests" --no-audit --no-fund >/dev/null
fi
