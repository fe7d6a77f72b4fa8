#!/usr/bin/env bash
# Installs the Debian bookworm packages Pavilion builds, runs and tests with: only those missing,
# non-interactively. Works on Debian bookworm and Raspberry Pi OS bookworm (same archive).
set -euo pipefail

packages=(
  # toolchain
  cmake g++ make pkg-config
  # libraries
  libimgui-dev libglfw3-dev libgles-dev libegl-dev libstb-dev libsqlite3-dev libsodium-dev
  libtoml11-dev libmd4c-dev libfreetype-dev nlohmann-json3-dev libqrencode-dev libevdev-dev
  libsystemd-dev libmd4c-html0-dev
  # the text engine (app/text): shaping and bidi/line breaking
  libharfbuzz-dev libicu-dev
  # tests
  libgtest-dev libgmock-dev minisign xvfb xauth xdotool proj-bin
  # references for the text engine's tests: hb-shape, and the fribidi command (libfribidi-bin)
  libharfbuzz-bin libfribidi-bin
  # evidence: Google Benchmark, and clang's sanitizer and libFuzzer runtimes
  libbenchmark-dev clang-14 libclang-rt-14-dev
  # llvm-symbolizer, so sanitizer reports name files and lines (not a clang-14 dependency)
  llvm-14
  # the function-size check of app/ (deploy/check-function-size.sh)
  clang-tidy
  # runtime: OpenGL ES through Mesa (llvmpipe under Xvfb, V3D on a Pi), fonts, SVG rasterizer
  libgles2 libegl1 libgl1-mesa-dri libglx-mesa0 libegl-mesa0
  fonts-noto-cjk fonts-noto-core librsvg2-bin
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
echo "pavilion: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
