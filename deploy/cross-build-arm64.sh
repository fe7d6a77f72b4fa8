#!/usr/bin/env bash
# Cross-builds Pavilion for Raspberry Pi OS bookworm arm64 on a Debian bookworm amd64 machine,
# then runs the test suites that need no GL (content_tests, core_tests) under qemu-aarch64.
#
#   deploy/cross-build-arm64.sh [--no-tests] [--package]
#
# Steps, each timed:
#   1. host tools: crossbuild-essential-arm64, qemu-user (amd64 packages) and the normal build deps;
#   2. sysroot: the arm64 .debs of every -dev package in deploy/install-build-deps.sh and their
#      dependency closure, downloaded by a private apt (its own state under .deps/apt-arm64, so the
#      host's dpkg never learns about arm64) and unpacked with dpkg -x into .deps/sysroot-arm64
#      (cached; rebuilt when the package list changes);
#   3. host pavilion-pack (build-host/): builds the default pack, byte-identical on every arch;
#   4. configure + build into build-arm64/ with deploy/toolchain-aarch64.cmake;
#   5. content_tests and core_tests under qemu-aarch64 -L sysroot (all of them: programs the tests
#      start run under qemu too);
#   6. with --package: cpack -G DEB in build-arm64/ (pavilion_<version>_arm64.deb).
#
# Nothing is installed for arm64 into the host system.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

run_tests=1
make_package=0
for arg in "$@"; do
  case "$arg" in
    --no-tests) run_tests=0 ;;
    --package) make_package=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "cross-build-arm64: unknown argument $arg" >&2; exit 2 ;;
  esac
done

sysroot="${PAVILION_SYSROOT:-$root/.deps/sysroot-arm64}"
# shellcheck source=deploy/apt-arm64.sh
. "$root/deploy/apt-arm64.sh"
aptdir="$apt_arm64_dir"
host_build="$root/build-host"
arm_build="$root/build-arm64"

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

timings=()
step_start=0
step_name=""
begin() { echo "== $1" >&2; step_name="$1"; step_start=$SECONDS; }
end() { timings+=("$(printf '%-40s %4d s' "$1" $((SECONDS - step_start)))"); step_name=""; }
print_times() {
  [ -z "$step_name" ] || timings+=("$(printf '%-40s %4d s (failed)' "$step_name" $((SECONDS - step_start)))")
  echo "== times" >&2
  printf '%s\n' "${timings[@]}" >&2
}
trap print_times EXIT

# --- 1. host tools ----------------------------------------------------------------------------
begin "host tools"
host_tools=(crossbuild-essential-arm64 qemu-user dpkg-dev)
missing=()
for package in "${host_tools[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
./deploy/install-build-deps.sh
./deploy/fetch-world-atlas.sh
end "host tools"

# --- 2. sysroot -------------------------------------------------------------------------------
# The -dev packages of install-build-deps.sh, plus the C and C++ runtime the cross compiler links.
mapfile -t dev_packages < <(
  sed -n '/^packages=(/,/^)/p' deploy/install-build-deps.sh | sed 's/#.*//' |
    tr -s ' \t' '\n' | grep -- '-dev$' | sort -u)
# libmd4c-html0-dev: md4c's CMake config (in libmd4c-dev) names libmd4c-html.so, which
# libmd4c-dev does not depend on.
dev_packages+=(libc6-dev libstdc++-12-dev libmd4c-html0-dev)
wanted="$(printf '%s\n' "${dev_packages[@]}" "$apt_arm64_mirror" | sha256sum | cut -c1-16)"

begin "sysroot (.deps/sysroot-arm64)"
if [ "$(cat "$sysroot/.pavilion-sysroot" 2>/dev/null)" != "$wanted" ]; then
  apt_arm64_setup
  apt_arm64 clean
  # With an empty dpkg status, "install --download-only" resolves the whole dependency closure.
  apt_arm64 install -y --download-only "${dev_packages[@]}"
  rm -rf "$sysroot"
  mkdir -p "$sysroot"
  for deb in "$aptdir"/archives/*.deb; do dpkg-deb -x "$deb" "$sysroot"; done
  # Absolute symlinks (e.g. /lib/ld-linux-aarch64.so.1, some lib*.so) must point into the sysroot
  # for the linker and for qemu -L: make them relative.
  while IFS= read -r -d '' link; do
    target="$(readlink "$link")"
    case "$target" in
      /*) ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$sysroot$target")" "$link" ;;
    esac
  done < <(find "$sysroot" -type l -print0)
  echo "$wanted" >"$sysroot/.pavilion-sysroot"
  echo "sysroot: $(find "$aptdir/archives" -name '*.deb' | wc -l) packages, $(du -sh "$sysroot" | cut -f1)" >&2
fi
end "sysroot (.deps/sysroot-arm64)"

# --- 3. host pack tool ------------------------------------------------------------------------
begin "host pavilion-pack (build-host/)"
cmake -S . -B "$host_build" -DCMAKE_BUILD_TYPE=Release -DPAVILION_BUILD_TESTS=OFF >/dev/null
cmake --build "$host_build" -j2 --target pavilion-pack
end "host pavilion-pack (build-host/)"

# --- 4. cross build ---------------------------------------------------------------------------
begin "arm64 configure + build (build-arm64/)"
PAVILION_SYSROOT="$sysroot" cmake -S . -B "$arm_build" \
  -DCMAKE_TOOLCHAIN_FILE="$root/deploy/toolchain-aarch64.cmake" \
  -DCMAKE_BUILD_TYPE="${PAVILION_BUILD_TYPE:-RelWithDebInfo}" -DCMAKE_INSTALL_PREFIX=/usr \
  -DPAVILION_HOST_PACK_TOOL="$host_build/pavilion-pack" >/dev/null
PAVILION_SYSROOT="$sysroot" cmake --build "$arm_build" -j2
file "$arm_build/pavilion" "$arm_build/pavilion-pack" >&2
end "arm64 configure + build (build-arm64/)"

# --- 5. tests under qemu ----------------------------------------------------------------------
# Some tests start pavilion-pack (an arm64 binary here) as a child process. Without binfmt_misc
# for arm64 (a container has none) the kernel cannot exec it, so for the test run the binary is
# moved aside and a shell script that runs it under qemu takes its place; restored afterwards.
wrapped=()
unwrap_programs() {
  local program
  for program in "${wrapped[@]}"; do mv -f "$program.arm64" "$program"; done
  wrapped=()
}
if ((run_tests)); then
  begin "content_tests + core_tests (qemu)"
  export QEMU_LD_PREFIX="$sysroot"
  trap 'unwrap_programs; print_times' EXIT
  if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    for program in "$arm_build/pavilion-pack" "$arm_build/pavilion"; do
      [ -f "$program" ] || continue
      mv "$program" "$program.arm64"
      wrapped+=("$program")
      printf '#!/bin/sh\nexec qemu-aarch64 -L "%s" "%s" "$@"\n' "$sysroot" "$program.arm64" >"$program"
      chmod +x "$program"
    done
  fi
  failed=0
  for suite in core_tests content_tests; do
    echo "-- $suite (arm64, under qemu-aarch64)" >&2
    (cd "$arm_build" && qemu-aarch64 "./$suite" --gtest_brief=1) || failed=1
  done
  unwrap_programs
  end "content_tests + core_tests (qemu)"
  ((failed == 0)) || { echo "cross-build-arm64: tests failed under qemu" >&2; exit 1; }
fi

# --- 6. package -------------------------------------------------------------------------------
if ((make_package)); then
  begin "cpack -G DEB (arm64)"
  (cd "$arm_build" && PAVILION_SYSROOT="$sysroot" cpack -G DEB)
  end "cpack -G DEB (arm64)"
fi

