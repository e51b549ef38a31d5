#!/usr/bin/env bash
# One job of a sharded docpipe run: `docpipe run IN OUT --shard K/N`, for
# the scheduler recipes in this folder (docs/scale-out.md).
#
#   deploy/docpipe-shard.sh K N IN_DIR OUT_DIR [docpipe run options...]
#
# IN_DIR and OUT_DIR are the same shared folders on every machine. Exit 10
# (some documents failed; each is in OUT_DIR/index-shard-K-of-N.jsonl with
# its reason) is this job's success: a scheduler must not retry a shard for
# a document that will fail again. Any other non-zero exit (8: the output
# folder cannot be written or the shard is running elsewhere; 130: stopped)
# is the job's failure; a retry resumes where it stopped.
# DOCPIPE: the docpipe binary (default: docpipe on PATH).
set -uo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 K N IN_DIR OUT_DIR [docpipe run options...]" >&2
  exit 2
fi
k="$1" n="$2" in_dir="$3" out_dir="$4"
shift 4
"${DOCPIPE:-docpipe}" run "$in_dir" -o "$out_dir" --shard "$k/$n" -q "$@"
code=$?
if [ "$code" -eq 10 ]; then
  echo "docpipe-shard: shard $k/$n: some documents failed; see $out_dir/index-shard-$k-of-$n.jsonl" >&2
  exit 0
fi
exit "$code"
