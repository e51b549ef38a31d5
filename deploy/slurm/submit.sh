#!/usr/bin/env bash
# Queues a sharded docpipe run on Slurm: N array tasks, then the merge and
# export once all of them ended (whatever their state).
#   deploy/slurm/submit.sh IN_DIR OUT_DIR N
# Run from the repository's folder (the tasks find deploy/ there).
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 IN_DIR OUT_DIR N" >&2
  exit 2
fi
export IN="$1" OUT="$2"
n="$3"
dir="$(dirname "$0")"
array=$(sbatch --parsable --export=ALL --array=0-$((n - 1)) "$dir/docpipe-array.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterany:${array%%;*}" "$dir/docpipe-merge.sbatch")
echo "array job $array ($n shards), merge job $merge"
