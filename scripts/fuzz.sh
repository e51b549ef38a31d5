#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) into build-fuzz/ and runs
# each for SECONDS (default 60) on 1 core, seeded from samples/ and
# fuzz/corpus/<target>/. New interesting inputs are kept in fuzz/corpus/.
# Exits 1 when a target finds a crash, a timeout or a leak (CI's smoke run:
# `scripts/fuzz.sh 20`).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
bash scripts/install-deps.sh
command -v clang++ >/dev/null || { sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo; $sudo_ apt-get install -y -qq clang libclang-rt-14-dev; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DDOCPIPE_BUILD_FUZZERS=ON -DDOCPIPE_BUILD_TESTS=OFF -DDOCPIPE_BUILD_BENCHMARKS=OFF >/dev/null
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(sed -n 's/^docpipe_fuzzer(\([a-z_]*\).*/\1/p' fuzz/CMakeLists.txt))
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
failed=()
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  seeds=()
  case "$t" in
    normalize_text_fuzzer) seeds=(samples/text) ;;
    rule_set_fuzzer) mkdir -p build-fuzz/seeds/rules && cp normalize/repair/rules.json build-fuzz/seeds/rules/; seeds=(build-fuzz/seeds/rules) ;;
    layout_json_fuzzer) seeds=(fuzz/seeds/layout) ;;
    index_record_fuzzer) seeds=(fuzz/seeds/index) ;;
    document_reader_fuzzer) seeds=(out/text) ;;
    catalogue_fuzzer)
      # Versions of one standard, NUL-separated, as export meets them.
      mkdir -p build-fuzz/seeds/catalogue
      for a in out/text/I*.json; do
        { cat "$a"; printf '\0'; cat out/text/INM2529-002v2.json; } > "build-fuzz/seeds/catalogue/$(basename "$a" .json)"
      done
      seeds=(build-fuzz/seeds/catalogue out/real) ;;
    markup_fuzzer) seeds=(fuzz/seeds/markup) ;;
    diff_fuzzer)
      # Pairs of committed outputs, NUL-separated: identical, and two versions.
      mkdir -p build-fuzz/seeds/diff
      for a in out/text/I*.json; do
        for b in out/text/I*.json; do
          { cat "$a"; printf '\0'; cat "$b"; } > "build-fuzz/seeds/diff/$(basename "$a" .json)-$(basename "$b" .json)"
        done
      done
      seeds=(build-fuzz/seeds/diff) ;;
  esac
  existing=()
  for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
  echo "== $t: ${seconds}s"
  log="build-fuzz/$t.log"
  "build-fuzz/fuzz/$t" -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "${existing[@]}" > "$log" 2>&1 || true
  grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|crash-|timeout-|leak-" "$log" || true
  if grep -qE "^==[0-9]+==ERROR|Test unit written to|ERROR: libFuzzer" "$log"; then failed+=("$t"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]} (see build-fuzz/*.log)" >&2
  exit 1
fi
