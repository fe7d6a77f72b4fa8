#!/usr/bin/env bash
# The README's figures: builds what is needed, then runs pavilion-bench under a virtual X server
# (Mesa's llvmpipe; on a Pi run build/pavilion-bench directly on the kiosk's display) and prints
# its JSON. Extra arguments go to pavilion-bench (see build/pavilion-bench --help).
#
#   deploy/run-bench.sh [--runs N] [--size WxH] [--work-dir DIR] [--quick]
#   PAVILION_BUILD_DIR=build   where to build (configured and built here if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${PAVILION_BUILD_DIR:-build}"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  ./deploy/install-build-deps.sh
  ./deploy/fetch-world-atlas.sh
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${PAVILION_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
fi
cmake --build "$build" --target pavilion-bench -j2 >/dev/null
# The kiosk's screen log goes to stderr; only the JSON reaches stdout.
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/pavilion-bench" "$@"
