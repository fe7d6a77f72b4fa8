#!/usr/bin/env bash
# Installs what is missing, configures and builds Pavilion into build/: everything by default,
# or only the targets named (deploy/run-kiosk.sh builds just the kiosk, the pack tool and the
# default pack).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "pavilion: $*" >&2; }
say "checking the Debian packages it builds with"
./deploy/install-build-deps.sh
./deploy/fetch-world-atlas.sh
say "configuring build/"
cmake -S . -B build -DCMAKE_BUILD_TYPE="${PAVILION_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
if (($# == 0)); then
  say "building everything, tests included (-j2)"
  cmake --build build -j2
else
  say "building $* (-j2)"
  cmake --build build -j2 --target "$@"
fi
