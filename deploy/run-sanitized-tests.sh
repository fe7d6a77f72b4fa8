#!/usr/bin/env bash
# The test suite again, built with AddressSanitizer, UndefinedBehaviorSanitizer and
# LeakSanitizer (clang-14, in build-san), under a virtual X server; then a short run of every
# fuzz target. Any sanitizer report fails the test it happened in (suppressions for libraries we
# do not build: tests/sanitizers/). Prints how long each phase took.
#
# CI runs this after the normal suite, so it must stay short on 2 cores: each test executable
# runs once (one process, fixtures built once, not one process per test as ctest does), and
# the slowest tests that add no new code paths under a sanitizer are left to the normal suite:
# the kill -9 and flipped-byte sweeps (the same install code, 1,300 times), the whole-world
# base map checks (the same geometry code on every country), and the kiosk's screenshot and X
# tests (the same screens the script, map, update and soak tests drive). PAVILION_SAN_ALL=1
# runs everything through ctest instead (about 25 min here).
#
#   deploy/run-sanitized-tests.sh [FUZZ_SECONDS_PER_TARGET]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds="${1:-10}"
build_dir="${PAVILION_SAN_BUILD_DIR:-build-san}"
export PAVILION_SAN_BUILD_DIR="$build_dir"

# Before the build too: it runs the sanitized pavilion-pack to make the default pack.
source tests/sanitizers/sanitizer-env.sh

phase_start=$SECONDS
./deploy/configure-sanitized.sh "$build_dir"
# Only what this run uses (not the benchmarks): the test executables pull in the kiosk, the
# pack tool and the default pack; the fuzz targets are for run-fuzz.sh below.
cmake --build "$build_dir" -j2 --target core_tests model_tests screens_tests platform_tests shell_tests fuzz_tests \
  content_tests kiosk_tests \
  fuzz-pack_reader fuzz-authoring fuzz-signature fuzz-media
build_seconds=$((SECONDS - phase_start))

phase_start=$SECONDS
tests_status=0
# Mesa unloads its GL driver at exit, before LeakSanitizer looks, so the driver's own allocations
# would show as leaks from "<unknown module>" that no suppression can name: keep modules loaded.
cc -shared -fPIC -O2 -o "$build_dir/libkeep_modules.so" tests/sanitizers/keep_modules.c
export LD_PRELOAD="$PWD/$build_dir/libkeep_modules.so"
xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24")
if [ "${PAVILION_SAN_ALL:-0}" = 1 ]; then
  "${xvfb[@]}" ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 900 || tests_status=$?
else
  run() { # executable [gtest filter]
    echo "sanitized: $1 ${2:-}"
    "${xvfb[@]}" "$build_dir/$1" --gtest_brief=1 ${2:+"--gtest_filter=$2"} || tests_status=1
  }
  run core_tests
  run model_tests
  run screens_tests
  run platform_tests
  run shell_tests
  run fuzz_tests
  run content_tests '-KilledInstall.*:FlippedBytes.*:*WorldAtlas*:BaseMapCli.*'
  run kiosk_tests 'KioskSoak.*:KioskScript.*:KioskMap.*:KioskUpdate.*:KioskErrors.*'
fi
tests_seconds=$((SECONDS - phase_start))

phase_start=$SECONDS
fuzz_status=0
./deploy/run-fuzz.sh "$fuzz_seconds" || fuzz_status=$?
fuzz_seconds_taken=$((SECONDS - phase_start))

echo "sanitized run: build ${build_seconds} s, tests ${tests_seconds} s, fuzz ${fuzz_seconds_taken} s"
if [ "$tests_status" -ne 0 ] || [ "$fuzz_status" -ne 0 ]; then
  echo "sanitized run failed (tests exit $tests_status, fuzz exit $fuzz_status)" >&2
  exit 1
fi
