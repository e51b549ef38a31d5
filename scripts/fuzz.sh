#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) into build-fuzz/ and runs
# each for SECONDS (default 60) on 1 core, over its seeds (samples/ cut into
# pieces, fuzz/seeds/, and out/ cut down to small documents of the same
# shape by fuzz/make_small_seeds.py) and its committed corpus
# fuzz/corpus/<target>/. Inputs found
# on the way go to build-fuzz/corpus/<target>/ (the checkout is not
# touched); with MERGE=1 each target's committed corpus is then replaced by
# the minimised union of both (libFuzzer -merge=1). Prints, per target, the
# executions, the time, the executions per second and the coverage (cov:
# edges, ft: features) of the run. Exits 1 when a target finds a crash, a
# timeout or a leak: the CI smoke (`.ci/run`) is `scripts/fuzz.sh 30`.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Environment: MERGE=1 (update fuzz/corpus), NICE (default 10: the budget
# runs share the machine), JOBS (build jobs, default: cores), ENTROPIC
# (default 0: libFuzzer's entropic schedule off; 1 turns it on).
#
# Why entropic is off: these targets reach 7,000-30,000 features an input,
# and the entropic schedule updates a frequency for each of them on every
# execution (fuzzer::InputCorpus::UpdateFeatureFrequency, a linear search
# among the rare features): 43% of normalize_text's samples in `perf`, and
# the same inputs took 0.49-0.56x the CPU time without it (normalize_text,
# markup, index_record; docs/corpus.md).
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
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(sed -n 's/^docpipe_fuzzer(\([a-z_]*\).*/\1/p' fuzz/CMakeLists.txt)
cmake --build build-fuzz -j"${JOBS:-$(nproc)}" --target "${targets[@]}"
failed=()
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  found="build-fuzz/corpus/$t"
  mkdir -p "$corpus" "$found"
  seeds=()
  max_len=262144
  case "$t" in
    normalize_text_fuzzer)
      # The samples cut at line ends into pieces of at most 4 KB: a 12 KB
      # standard costs about 4 ms per execution before the sanitizers, so
      # small inputs (max_len 8192) give many more executions per second.
      mkdir -p build-fuzz/seeds/text
      python3 - samples/text build-fuzz/seeds/text <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    piece, n = b"", 0
    for line in open(os.path.join(src, name), "rb").read().splitlines(keepends=True):
        if piece and len(piece) + len(line) > 4096:
            open(os.path.join(dst, "%s.%02d" % (name, n)), "wb").write(piece)
            piece, n = b"", n + 1
        piece += line
    if piece:
        open(os.path.join(dst, "%s.%02d" % (name, n)), "wb").write(piece)
PY
      seeds=(build-fuzz/seeds/text)
      max_len=8192 ;;
    rule_set_fuzzer) mkdir -p build-fuzz/seeds/rules && cp normalize/repair/rules.json build-fuzz/seeds/rules/; seeds=(build-fuzz/seeds/rules) ;;
    # The JSON targets: the committed outputs cut down to documents of the
    # same shape (fuzz/make_small_seeds.py: 1-12 KB instead of 30 KB-2.8 MB;
    # time per execution grows with the input), and inputs capped to match.
    layout_json_fuzzer)
      python3 fuzz/make_small_seeds.py layout build-fuzz/seeds/layout fuzz/seeds/layout/*.json
      seeds=(build-fuzz/seeds/layout)
      max_len=32768 ;;
    index_record_fuzzer) seeds=(fuzz/seeds/index) ;;
    document_reader_fuzzer)
      python3 fuzz/make_small_seeds.py document build-fuzz/seeds/documents out/text/*.json out/real/*.json
      seeds=(build-fuzz/seeds/documents)
      max_len=16384 ;;
    markup_fuzzer) seeds=(fuzz/seeds/markup); max_len=8192 ;;
    catalogue_fuzzer)
      # Pairs of documents of one type, NUL-separated (identical, and two
      # versions), as export meets them.
      python3 fuzz/make_small_seeds.py pair build-fuzz/seeds/pairs out/text/*.json out/real/*.json
      seeds=(build-fuzz/seeds/pairs)
      max_len=32768 ;;
    diff_fuzzer)
      # Pairs of standards, NUL-separated: identical, and two versions.
      python3 fuzz/make_small_seeds.py pair build-fuzz/seeds/diff out/text/I*.json
      seeds=(build-fuzz/seeds/diff)
      max_len=32768 ;;
  esac
  existing=()
  for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
  echo "== $t: ${seconds}s"
  log="build-fuzz/$t.log"
  start=$(date +%s)
  nice -n "${NICE:-10}" "build-fuzz/fuzz/$t" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -entropic="${ENTROPIC:-0}" -print_final_stats=1 "$found" "$corpus" "${existing[@]}" > "$log" 2>&1 || true
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
  echo "$t: ${execs:-?} executions in ${elapsed} s ($(( ${execs:-0} / (elapsed > 0 ? elapsed : 1) ))/s), ${coverage:-no coverage line}"
  grep -E "stat::peak_rss|ERROR|SUMMARY|crash-|timeout-|leak-" "$log" || true
  if grep -qE "^==[0-9]+==ERROR|Test unit written to|ERROR: libFuzzer" "$log"; then failed+=("$t"); fi
  if [ "${MERGE:-0}" = 1 ]; then
    merged="build-fuzz/merged/$t"
    rm -rf "$merged" && mkdir -p "$merged"
    nice -n "${NICE:-10}" "build-fuzz/fuzz/$t" -merge=1 -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
      "$merged" "$corpus" "$found" > "build-fuzz/$t.merge.log" 2>&1
    rm -rf "$corpus" && mv "$merged" "$corpus"
    echo "$t: corpus minimised to $(find "$corpus" -type f | wc -l) files ($(du -sk "$corpus" | cut -f1) KB)"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]} (see build-fuzz/*.log)" >&2
  exit 1
fi
