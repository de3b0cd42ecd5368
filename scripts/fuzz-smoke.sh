#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang-14, ASan+UBSan) into build-fuzz/ and runs
# each over its seed corpus (fuzz/corpus/<target>/) for FUZZ_SECONDS (default 20).
# Fails on any crash, hang, leak or sanitizer report; the input that caused it is
# saved in build-fuzz/artifacts/<target>/.
#   bash scripts/fuzz-smoke.sh [TARGET...]      (targets: input template markup render)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-20}"
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then targets=(input template markup render); fi

# -O1 -g1: a smoke run needs coverage and sanitizers more than speed, and CI time counts.
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
CC=clang-14 CXX=clang++-14 cmake -S fuzz -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

dict_of() {
  case "$1" in
    input|render) echo fuzz/json.dict ;;
    *) echo "fuzz/$1.dict" ;;
  esac
}

export TMPDIR="$PWD/build-fuzz/tmp"
status=0
for t in "${targets[@]}"; do
  work="build-fuzz/work/$t"
  artifacts="build-fuzz/artifacts/$t"
  mkdir -p "$work" "$artifacts" "$TMPDIR"
  log="build-fuzz/fuzz_$t.log"
  # The first directory collects what this run finds; the seed corpus is only read.
  if build-fuzz/"fuzz_$t" "$work" "fuzz/corpus/$t" -dict="$(dict_of "$t")" \
      -max_total_time="$seconds" -max_len=16384 -timeout=30 -rss_limit_mb=2560 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz-smoke: $t: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs," \
         "$(grep -o 'cov: [0-9]*' "$log" | tail -1), no crash"
  else
    echo "fuzz-smoke: $t FAILED (artifacts in $artifacts/):"
    grep -E -A40 '^==[0-9]+==ERROR|runtime error|deadly signal|Timeout|out-of-memory|leak' "$log" | head -80 || tail -40 "$log"
    status=1
  fi
done
rm -rf "$TMPDIR"
exit "$status"
