#!/usr/bin/env bash
# Installs what is missing, configures and builds Pavilion (and the default pack) into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/install-build-deps.sh
./deploy/fetch-world-atlas.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE="${PAVILION_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build build -j2
