#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer + UBSan) and runs each one
# for SECONDS (default 30) on a copy of its seed corpus and regressions, one after the other.
# Exits non-zero if any target crashed, with one line per crash naming the target and the input.
#
#   deploy/run-fuzz.sh [SECONDS]
#
# Environment: PAVILION_SAN_BUILD_DIR (default build-san, shared with run-sanitized-tests.sh),
# PAVILION_FUZZ_TARGETS (default "pack_reader authoring signature media"),
# PAVILION_FUZZ_OUT (default $PAVILION_SAN_BUILD_DIR/fuzz-runs/<time>: logs, grown corpora and
# crash inputs; copy a crash into tests/fuzz/regressions/<target>/ once it is fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
build_dir="${PAVILION_SAN_BUILD_DIR:-build-san}"
read -r -a targets <<<"${PAVILION_FUZZ_TARGETS:-pack_reader authoring signature media}"
out="${PAVILION_FUZZ_OUT:-$build_dir/fuzz-runs/$(date +%Y%m%d-%H%M%S)}"

source tests/sanitizers/sanitizer-env.sh # the build runs the sanitized pavilion-pack
./deploy/configure-sanitized.sh "$build_dir"
fuzzers=()
for target in "${targets[@]}"; do fuzzers+=("fuzz-$target"); done
mkdir -p "$out"
if ! cmake --build "$build_dir" -j2 --target pavilion-pack "${fuzzers[@]}" >"$out/build.log" 2>&1; then
  tail -n 40 "$out/build.log"
  echo "run-fuzz: the build failed (log: $out/build.log)" >&2
  exit 1
fi

failed=0
for target in "${targets[@]}"; do
  corpus="$out/$target/corpus"
  artifacts="$out/$target/crashes"
  mkdir -p "$corpus" "$artifacts"
  cp tests/fuzz/corpus/"$target"/* "$corpus"/
  cp tests/fuzz/regressions/"$target"/* "$corpus"/ 2>/dev/null || true
  if [ "$target" = pack_reader ]; then
    tests/fuzz/make-pack-seeds.sh "$build_dir/pavilion-pack" "$corpus" >/dev/null
  fi
  log="$out/$target/fuzz.log"
  echo "fuzz $target: ${seconds} s on $(find "$corpus" -mindepth 1 -maxdepth 1 | wc -l) inputs (log: $log)"
  status=0
  # -timeout: one input taking this long is a finding (a hang; a 40-megapixel picture takes
  # up to 20 s under ASan on a busy machine); -rss_limit_mb: so is one that needs more memory
  # than a Pi 4 has spare.
  "$build_dir/fuzz-$target" "$corpus" -max_total_time="$seconds" -timeout=60 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  grep -E '^#[0-9]+ +DONE|^Done [0-9]+ runs' "$log" | tail -n 1 | sed "s/^/  /" || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" |
    tr '\n' ' ' | sed 's/stat:://g; s/^/  /; s/$/\n/' || true
  if [ "$status" -ne 0 ]; then
    failed=1
    crash="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)"
    reason="$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|fuzz invariant broken' "$log" || true)"
    echo "FUZZ CRASH: target $target, input ${crash:-<none written, see $log>}: ${reason:-exit $status}"
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "fuzzing found crashes: reproduce with $build_dir/fuzz-<target> <input>" >&2
  exit 1
fi
echo "fuzzing: no crash in ${#targets[@]} targets x ${seconds} s"
