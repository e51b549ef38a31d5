#!/usr/bin/env bash
# Batch throughput of `docpipe run`: documents/s with -j1 and -j2, process and
# thread isolation, and peak RSS, on the sample inputs repeated to about N
# documents (default 200). Baseline in the same run: a shell loop calling
# `docpipe normalize` once per document, sequentially.
# Usage: bench/run_bench.sh [N] [KIND]   KIND: text (default) or all (text + PDFs)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
kind="${2:-text}"
bin=${DOCPIPE:-build/docpipe}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
sources=(samples/text/*.txt)
[ "$kind" = all ] && sources+=(samples/pdf/*.pdf)
i=0
while [ "$i" -lt "$n" ]; do
  for f in "${sources[@]}"; do
    [ "$i" -ge "$n" ] && break
    ext="${f##*.}"
    cp "$f" "$work/in/doc$(printf %04d "$i").$ext"
    i=$((i + 1))
  done
done
measure() {  # label, command...
  local label="$1"; shift
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work/out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r secs rss < <(tail -n 1 "$work/time")
  python3 -c "import sys; n=$n; s=$secs; print(f'| {sys.argv[1]} | {s:.2f} | {n/s:.1f} | {int(sys.argv[2])//1024} |')" "$label" "$rss"
}
echo "inputs: $n documents ($kind), $(nproc) cores"
echo
echo "| configuration | seconds | documents/s | peak RSS (MB) |"
echo "|---|---|---|---|"
measure "baseline: shell loop, one docpipe normalize per document" \
  bash -c "for f in $work/in/*; do $bin normalize \"\$f\" -o $work/out/\$(basename \"\$f\").json || true; done"
measure "docpipe run -j1 (process isolation)" $bin run "$work/in" -o "$work/out" -j1 -q
measure "docpipe run -j2 (process isolation)" $bin run "$work/in" -o "$work/out" -j2 -q
measure "docpipe run -j1 --isolation thread" $bin run "$work/in" -o "$work/out" -j1 -q --isolation thread
measure "docpipe run -j2 --isolation thread" $bin run "$work/in" -o "$work/out" -j2 -q --isolation thread
rm -rf "$work/out"; $bin run "$work/in" -o "$work/out" -j2 -q >/dev/null 2>&1 || true
KEEP=1 measure "re-run, all unchanged (-j2)" $bin run "$work/in" -o "$work/out" -j2 -q
