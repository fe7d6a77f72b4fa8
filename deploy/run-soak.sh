#!/usr/bin/env bash
# The soak run: `pavilion --monkey` drives the real kiosk off-screen under xvfb-run for FRAMES
# frames (default 100000) with seed SEED (default 1): random taps, strokes, pinches, Back, Home,
# languages, the operator keypad, idle timeouts ("Still there?", the attract loop) and pack
# reloads between the default pack and the test fixture pack. Prints the JSON report (also kept
# in BUILD/soak/soak-SEED.json); the kiosk's log goes to BUILD/soak/soak-SEED.log. Exits non-zero
# on a crash, or when RSS did not stay flat after warm-up.
#
#   deploy/run-soak.sh [FRAMES] [SEED]
#   PAVILION_BUILD_DIR=build     where to build (configured and built here if needed)
#   PAVILION_SOAK_SIZE=960x540   the frame size: the 1080p layout at half scale; llvmpipe's
#                                pixel filling is most of a frame's cost, and a quarter of the
#                                pixels keeps 100,000 frames well under an hour on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."
frames="${1:-100000}"
seed="${2:-1}"
build="${PAVILION_BUILD_DIR:-build}"
size="${PAVILION_SOAK_SIZE:-960x540}"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  ./deploy/install-build-deps.sh
  ./deploy/fetch-world-atlas.sh
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${PAVILION_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
fi
cmake --build "$build" --target pavilion pavilion-pack default_pack -j2 >/dev/null

out="$build/soak"
mkdir -p "$out"
"$build/pavilion-pack" build tests/fixtures/mini-pack -o "$out/mini.pack" >/dev/null
log="$out/soak-$seed.log"
json="$out/soak-$seed.json"
echo "soak: $frames frames, seed $seed, $size; log in $log" >&2
status=0
xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$build/pavilion" --pack "$build/packs/default.pack" --reload-pack "$out/mini.pack" \
  --monkey "$seed" --frames "$frames" --size "$size" >"$json" 2>"$log" || status=$?
cat "$json"
if [[ $status -ne 0 ]]; then
  echo "soak: FAILED (exit $status); the end of $log:" >&2
  tail -n 5 "$log" >&2
fi
exit "$status"
