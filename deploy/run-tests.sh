#!/usr/bin/env bash
# The whole test suite: build everything, then run every test under a virtual X server with
# Mesa's software OpenGL ES (the same GLES 3 code path as the device), and check that no function
# in app/ is longer than 80 lines. Then the evidence runs
# (issue 8): the suite again under AddressSanitizer and UndefinedBehaviorSanitizer, and a short
# run of every fuzz target (deploy/run-sanitized-tests.sh). The short soak and pavilion-bench
# runs are kiosk tests of the first pass. PAVILION_SKIP_SANITIZED=1 skips the second pass.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh
xvfb-run -a -s "-screen 0 1920x1080x24" \
  ctest --test-dir build --output-on-failure -j2 --timeout 600
./deploy/check-function-size.sh build
if [ "${PAVILION_SKIP_SANITIZED:-0}" != 1 ]; then
  ./deploy/run-sanitized-tests.sh 10
fi
