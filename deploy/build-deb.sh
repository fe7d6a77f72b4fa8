#!/usr/bin/env bash
# Builds the Debian package of this tree for this machine's architecture and prints its path:
#
#   deb="$(deploy/build-deb.sh)"        # build-deb/pavilion_<version>_<arch>.deb
#
# build-deb/ is configured for /usr (the kiosk finds its default pack through the prefix it was
# compiled with; cpack refuses anything else), Release, without the tests. Everything but the
# path goes to stderr. Used by test-deploy.sh and test-system.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
{
  ./deploy/install-build-deps.sh
  ./deploy/fetch-world-atlas.sh
  cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DPAVILION_BUILD_TESTS=OFF >/dev/null
  cmake --build build-deb -j2
  rm -f build-deb/pavilion_*.deb
  (cd build-deb && cpack -G DEB >/dev/null)
} >&2
deb="$(ls build-deb/pavilion_*.deb)"
echo "package: $deb ($(du -h "$deb" | cut -f1))" >&2
realpath "$deb"
