#!/usr/bin/env bash
# The whole test suite: build everything, then run every test under a virtual X server with
# Mesa's software OpenGL ES (the same GLES 3 code path as the device), and check that no function
# in app/ is longer than 80 lines. Then the evidence runs
# (issue 8): the suite again under AddressSanitizer and UndefinedBehaviorSanitizer, and a short
# run of every fuzz target (deploy/run-sanitized-tests.sh). The short soak and pavilion-bench
# runs are kiosk tests of the first pass. PAVILION_SKIP_SANITIZED=1 skips the second pass.
# Last, deploy/test-system.sh when KVM works (the whole system booted in QEMU).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh
xvfb-run -a -s "-screen 0 1920x1080x24" \
  ctest --test-dir build --output-on-failure -j2 --timeout 600
./deploy/check-function-size.sh build
if [ "${PAVILION_SKIP_SANITIZED:-0}" != 1 ]; then
  ./deploy/run-sanitized-tests.sh 10
fi
# The whole system in QEMU, only where KVM runs guests (one line saying so otherwise): under TCG
# it takes far longer than CI's budget. PAVILION_SKIP_SYSTEM=1 skips it.
if [ "${PAVILION_SKIP_SYSTEM:-0}" = 1 ]; then
  echo "test-system: skipped (PAVILION_SKIP_SYSTEM=1)"
elif [ "$(id -u)" -ne 0 ]; then
  echo "test-system: skipped: it needs root (mmdebstrap, QEMU's /dev/kvm)"
else
  ./deploy/test-system.sh --kvm-or-skip
fi
