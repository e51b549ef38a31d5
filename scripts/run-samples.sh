#!/usr/bin/env bash
# The main job: builds docpipe, then runs it over samples/ into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
build/docpipe run samples -o out "$@"
