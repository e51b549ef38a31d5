#!/usr/bin/env bash
# bench/README.md "Wave 10: zygote": `docpipe run` over CORPUS (default
# /tmp/corp50z: the four text samples replicated to 50 MB, see there) with
# the BASE and NEW binaries, process and thread isolation, -j 1 and -j 2, in
# alternation; prints wall, user and sys seconds of each run.
#   BASE=/path/to/old/docpipe bash bench/run_isolation_bench.sh [ROUNDS]
# Each run writes into a new output folder, and all are removed at the end
# (OUT_PARENT: where they go; default a new folder under TMPDIR). Removing
# the last run's outputs just before the next run wrote its own made that
# run pay for the removal: on an ext4 file system without a journal (this
# machine's /), a new inode is not taken from those deleted in the last
# minute (five, while their inode table block is not yet written), and
# ext4_new_inode looks at each of them in turn (`recently_deleted`): 9 % of a
# `-j 2` run's samples in `perf` (bench/README.md, "Wave 15, lead").
set -euo pipefail
rounds=${1:-3}
new=${NEW:-build/docpipe}
base=${BASE:?the docpipe binary to compare with}
corpus=${CORPUS:-/tmp/corp50z}
out=$(mktemp -d "${OUT_PARENT:-${TMPDIR:-/tmp}}/run-bench.XXXXXX")
times=$(mktemp)
trap 'rm -rf "$out" "$times"' EXIT
uptime
for r in $(seq 1 "$rounds"); do
  for j in 1 2; do
    for iso in process thread; do
      for which in base new; do
        bin=$base
        [ "$which" = new ] && bin=$new
        /usr/bin/time -o "$times" -f "%e %U %S" "$bin" run "$corpus" -o "$out/$r-$j-$iso-$which" -j "$j" -q \
          --isolation "$iso" \
          >/dev/null 2>&1 || true
        echo "round=$r j=$j iso=$iso bin=$which $(cat "$times")" | tee -a "$out/runs"
      done
    done
  done
done
uptime
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
