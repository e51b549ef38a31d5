#!/usr/bin/env bash
# Installs the dependencies (scripts/install-deps.sh), then configures and
# builds docpipe, its tests and benchmarks into build/ (Release with debug info).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
