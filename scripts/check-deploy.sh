#!/usr/bin/env bash
# Checks the scheduler recipes in deploy/ (docs/scale-out.md): every shell
# script parses (bash -n) and passes shellcheck where it is installed; the
# Kubernetes manifests parse as YAML (python3-yaml, where installed) and the
# Indexed Job maps JOB_COMPLETION_INDEX to --shard with N = completions.
# Exit 1 on the first problem. The CTest DeployRecipes runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "check-deploy: $*" >&2; exit 1; }
scripts=(deploy/docpipe-shard.sh deploy/slurm/*.sh deploy/slurm/*.sbatch deploy/parallel/*.sh)
for s in "${scripts[@]}"; do bash -n "$s" || fail "$s does not parse"; done
if command -v shellcheck >/dev/null; then
  shellcheck -s bash "${scripts[@]}" || fail "shellcheck"
else
  echo "check-deploy: shellcheck not installed; skipped" >&2
fi
grep -q 'SLURM_ARRAY_TASK_ID' deploy/slurm/docpipe-array.sbatch || fail "the Slurm array does not use SLURM_ARRAY_TASK_ID"
grep -q -- '--shard' deploy/docpipe-shard.sh || fail "docpipe-shard.sh does not pass --shard"
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - <<'PY' || fail "Kubernetes manifests"
import sys, yaml
job = yaml.safe_load(open("deploy/kubernetes/docpipe-indexed-job.yaml"))
spec = job["spec"]
assert job["kind"] == "Job" and spec["completionMode"] == "Indexed", "not an Indexed Job"
container = spec["template"]["spec"]["containers"][0]
script = " ".join(container["command"] + container["args"])
assert '--shard "${JOB_COMPLETION_INDEX}/${SHARDS}"' in script, script
shards = {e["name"]: e["value"] for e in container["env"]}["SHARDS"]
assert int(shards) == spec["completions"], "SHARDS %s != completions %s" % (shards, spec["completions"])
merge = yaml.safe_load(open("deploy/kubernetes/docpipe-merge-job.yaml"))
assert merge["kind"] == "Job" and "docpipe export" in " ".join(merge["spec"]["template"]["spec"]["containers"][0]["args"])
PY
else
  echo "check-deploy: python3-yaml not installed; YAML not checked" >&2
fi
echo "check-deploy: ok"
