#!/usr/bin/env bash
# bench/README.md "Wave 10: zygote": `docpipe run` over CORPUS (default
# /tmp/corp50z: the four text samples replicated to 50 MB, see there) with
# the BASE and NEW binaries, process and thread isolation, -j 1 and -j 2, in
# alternation; prints wall, user and sys seconds of each run.
#   BASE=/path/to/old/docpipe bash bench/run_isolation_bench.sh [ROUNDS]
set -euo pipefail
rounds=${1:-3}
new=${NEW:-build/docpipe}
base=${BASE:?the docpipe binary to compare with}
corpus=${CORPUS:-/tmp/corp50z}
out=$(mktemp -d)
times=$(mktemp)
trap 'rm -rf "$out" "$times"' EXIT
uptime
for r in $(seq 1 "$rounds"); do
  for j in 1 2; do
    for iso in process thread; do
      for which in base new; do
        bin=$base
        [ "$which" = new ] && bin=$new
        rm -rf "$out/o"
        /usr/bin/time -o "$times" -f "%e %U %S" "$bin" run "$corpus" -o "$out/o" -j "$j" -q --isolation "$iso" \
          >/dev/null 2>&1 || true
        echo "round=$r j=$j iso=$iso bin=$which $(cat "$times")"
      done
    done
  done
done
uptime
