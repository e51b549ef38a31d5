#!/usr/bin/env bash
# bench/README.md "Wave 10: zygote": `docpipe run` over CORPUS (default
# /tmp/corp50z: the four text samples replicated to 50 MB, see there) with
# the BASE and NEW binaries, process and thread isolation, -j 1 and -j 2, in
# alternation; prints wall, user and sys seconds of each run, and before and
# after them pdftotext's time on the gazette as the machine's speed.
#   BASE=/path/to/old/docpipe bash bench/run_isolation_bench.sh [ROUNDS]
# The outputs go to OUT_PARENT (default /dev/shm, a tmpfs, when there is
# one), and each run's are removed after it, outside the time taken: the
# bench measures docpipe, not a file system. On this machine's / (ext4
# without a journal) removed files cost the runs after them: a new inode is
# not taken from those deleted in the last minute (five, while their inode
# table block is unwritten), and ext4_new_inode looks at each of them in turn
# (`recently_deleted`), 8-9 % of a `-j 2` run's samples in `perf` when the
# last run's 1,616 outputs (or a test suite's files) were just removed;
# keeping every run's outputs instead (3.3 GB of tmpfs over four rounds),
# the later rounds' system time doubled (bench/README.md, "Wave 15, lead").
set -euo pipefail
rounds=${1:-3}
new=${NEW:-build/docpipe}
base=${BASE:?the docpipe binary to compare with}
corpus=${CORPUS:-/tmp/corp50z}
parent=${OUT_PARENT:-/dev/shm}
[ -d "$parent" ] || parent=${TMPDIR:-/tmp}
out=$(mktemp -d "$parent/run-bench.XXXXXX")
times=$(mktemp)
trap 'rm -rf "$out" "$times"' EXIT
# This VM's speed moves by 10-15 % over hours: pdftotext of the gazette,
# timed before and after, says how fast the machine was during the runs.
reference() {
  local pdf=samples/real/control-yuan-gazette-114.pdf
  command -v pdftotext >/dev/null && [ -f "$pdf" ] || return 0
  local best= t
  for _ in 1 2 3 4 5; do
    /usr/bin/time -o "$times" -f "%e" pdftotext -layout "$pdf" /dev/null 2>/dev/null || return 0
    t=$(cat "$times")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$t; fi
  done
  echo "reference: pdftotext -layout of the 181-page gazette, best of 5: $best s"
}
uptime
reference
for r in $(seq 1 "$rounds"); do
  for j in 1 2; do
    for iso in process thread; do
      for which in base new; do
        bin=$base
        [ "$which" = new ] && bin=$new
        /usr/bin/time -o "$times" -f "%e %U %S" "$bin" run "$corpus" -o "$out/o" -j "$j" -q --isolation "$iso" \
          >/dev/null 2>&1 || true
        rm -rf "$out/o"
        echo "round=$r j=$j iso=$iso bin=$which $(cat "$times")" | tee -a "$out/runs"
      done
    done
  done
done
uptime
reference
# Medians of the wall times, and the corpus's bytes over them.
bytes=$(du -sb "$corpus" | cut -f1)
for j in 1 2; do
  for iso in process thread; do
    for which in base new; do
      grep " j=$j iso=$iso bin=$which " "$out/runs" | awk '{print $5}' | sort -n |
        awk -v b="$bytes" -v what="-j $j $iso $which" \
          '{w[NR]=$1} END {m = NR % 2 ? w[(NR+1)/2] : (w[NR/2]+w[NR/2+1])/2;
                           printf "%-22s median %.2f s  %.1f MB/s (%d runs)\n", what, m, b/1e6/m, NR}'
    done
  done
done
