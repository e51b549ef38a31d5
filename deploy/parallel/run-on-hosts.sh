#!/usr/bin/env bash
# A sharded docpipe run over SSH hosts with GNU parallel: one shard per
# host at a time, N shards in all (default: one per host), then the merge
# and the catalogue on this machine. Every host needs docpipe on PATH and
# IN_DIR and OUT_DIR at the same paths (a shared file system).
#   deploy/parallel/run-on-hosts.sh HOSTS_FILE IN_DIR OUT_DIR [N]
# HOSTS_FILE: one SSH login a line (GNU parallel's --sshloginfile; `:` is
# this machine). A shard whose host fails is run again (--retries), and
# resumes from its journal. See docs/scale-out.md.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 HOSTS_FILE IN_DIR OUT_DIR [N]" >&2
  exit 2
fi
hosts="$1" in_dir="$2" out_dir="$3"
n="${4:-$(grep -cv '^[[:space:]]*\(#\|$\)' "$hosts")}"
command -v parallel >/dev/null || { echo "$0: GNU parallel is not installed (apt-get install parallel)" >&2; exit 2; }
cd "$(dirname "$0")/../.."
# deploy/docpipe-shard.sh goes to each host (--basefile), into the same
# relative path under the login's home folder.
seq 0 $((n - 1)) | parallel --sshloginfile "$hosts" --jobs 1 --retries 2 --line-buffer --tag \
  --basefile deploy/docpipe-shard.sh \
  bash deploy/docpipe-shard.sh {} "$n" "$in_dir" "$out_dir"
docpipe run "$in_dir" -o "$out_dir" -q || [ $? -eq 10 ]
docpipe export "$out_dir"
