#!/usr/bin/env bash
# Builds docpipe and runs the whole test suite (unit, CLI and golden tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-browser
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
