#!/usr/bin/env bash
# The whole test suite: build everything, then run every test under a virtual X server with
# Mesa's software OpenGL ES (the same GLES 3 code path as the device).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh
xvfb-run -a -s "-screen 0 1920x1080x24" \
  ctest --test-dir build --output-on-failure -j2 --timeout 600
