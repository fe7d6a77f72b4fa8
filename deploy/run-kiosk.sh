#!/usr/bin/env bash
# The main job: build the kiosk, the pack tool and the default pack (not the tests), then start
# the kiosk on the default pack. The first build on 2 cores takes a few minutes; later ones only
# rebuild what changed.
# Arguments go to pavilion, e.g. --windowed 1280x720 or --lang zh (see pavilion --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh pavilion pavilion-pack default_pack
echo "pavilion: starting the kiosk" >&2
exec ./build/pavilion "$@"
