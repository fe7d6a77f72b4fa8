#!/usr/bin/env bash
# No function in app/ longer than 80 lines (issue 18): clang-tidy's readability-function-size
# over every source file of the kiosk's layers, with the compile commands of a configured
# build (default build/). Prints each offender as file:line and fails if there is one.
#
#   deploy/check-function-size.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[ -n "$tidy" ] || { echo "check-function-size: needs clang-tidy (deploy/install-build-deps.sh)" >&2; exit 1; }
[ -f "$build/compile_commands.json" ] || { echo "check-function-size: configure $build first" >&2; exit 1; }
config='{CheckOptions: [{key: readability-function-size.LineThreshold, value: 80}]}'
found=$(find app -name '*.cpp' -print0 | sort -z |
  xargs -0 -P2 -n6 "$tidy" -p "$build" --quiet -checks='-*,readability-function-size' -config="$config" 2>/dev/null |
  grep 'warning:' | sort -u || true)
if [ -n "$found" ]; then
  echo "$found" >&2
  echo "check-function-size: functions over 80 lines in app/ (split them by meaning)" >&2
  exit 1
fi
echo "check-function-size: every function in app/ is at most 80 lines" >&2
