#!/usr/bin/env bash
# The main job: build everything, then start the kiosk on the default pack.
# Arguments go to pavilion, e.g. --windowed 1280x720 or --lang zh (see pavilion --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh
exec ./build/pavilion "$@"
