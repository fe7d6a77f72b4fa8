#!/usr/bin/env bash
# The operator-session stall benchmark (issue 18): a state directory with a large signed pack
# installed (by default the 2,000-story synthetic pack of deploy/run-scale.sh, about 500 MB) and
# an operator PIN, then `pavilion --bench-operator` off-screen under xvfb-run: the longest
# main-thread frame while the operator opens the panel (the installed packs are opened and
# hashed again, statistics read), changes the idle time five times, browses the statistics,
# installs the same pack again from an inbox (copied, hashed, checked: the 10 s watchdog must not
# fire) and leaves; and, in the same run, what gathering those facts costs on the render thread. One JSON
# object on stdout; progress on stderr.
#
#   deploy/run-operator-bench.sh [--build-dir DIR] [--work-dir DIR] [--stories N] [--pack PACK]
#                                [--runs N] [--size WxH]
#
# --pack     install this pack instead of a synthetic one (it is signed with a throwaway key)
# --stories  the synthetic pack's size (default 2000); it is kept in --work-dir and reused
# --runs     sessions to run (default 3); each run's figures are listed, and the worst frame of all
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
work=
stories=2000
pack=
runs=3
size=1920x1080
while (($#)); do
  case "$1" in
    --build-dir) build=$2; shift 2 ;;
    --work-dir) work=$2; shift 2 ;;
    --stories) stories=$2; shift 2 ;;
    --pack) pack=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-operator-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
work=${work:-$build/operator-bench}
say() { echo "run-operator-bench: $*" >&2; }
for tool in jq xvfb-run; do
  command -v "$tool" >/dev/null || { say "needs $tool (deploy/install-build-deps.sh)"; exit 1; }
done
if [ ! -f "$build/CMakeCache.txt" ]; then
  ./deploy/install-build-deps.sh
  ./deploy/fetch-world-atlas.sh
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${PAVILION_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
fi
say "building the kiosk and the pack tool"
cmake --build "$build" --target pavilion pavilion-pack -j2 >&2
mkdir -p "$work"
atlas=$(sed -n 's/^PAVILION_WORLD_ATLAS_DIR:PATH=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
atlas=${atlas:-.deps/world-atlas}

if [ -z "$pack" ]; then
  pack="$work/synthetic-$stories.pack"
  if [ -f "$pack" ]; then
    say "reusing $pack"
  else
    say "generating and building a $stories-story pack (minutes)"
    rm -rf "$work/src"
    "$build/pavilion-pack" synth --stories "$stories" --seed 1 "$work/src" >&2
    "$build/pavilion-pack" build "$work/src" -o "$pack" --world-atlas "$atlas" >&2
  fi
fi

# A kiosk's state: a throwaway key trusted, the pack signed and installed, a PIN set.
state="$work/state"
rm -rf "$state" "$work/signed"
mkdir -p "$state/keys" "$work/signed"
"$build/pavilion-pack" keygen -p "$state/keys/bench.pub" -s "$work/signed/bench.key" >&2
cp "$pack" "$work/signed/bench.pack"
"$build/pavilion-pack" sign "$work/signed/bench.pack" -s "$work/signed/bench.key" >&2
say "installing $(du -h "$pack" | cut -f1) into $state"
"$build/pavilion-pack" install "$work/signed/bench.pack" --state "$state" --force >&2
echo 2468 | "$build/pavilion" --state "$state" --set-pin
# The same signed pack offered again in an inbox: the operator installs it from the panel during
# the session (forced: copied, hashed and checked in full), while the frames are measured.
rm -rf "$work/inbox"
mkdir -p "$work/inbox"
ln "$work/signed/bench.pack" "$work/inbox/bench.pack" 2>/dev/null || cp "$work/signed/bench.pack" "$work/inbox/"
cp "$work/signed/bench.pack.minisig" "$work/inbox/"

reports=()
for ((run = 1; run <= runs; ++run)); do
  say "session $run of $runs"
  report=$(echo 2468 | xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$build/pavilion" --state "$state" --cache none --inbox "$work/inbox" --bench-operator --size "$size" \
    2>"$work/run-$run.log")
  echo "$report" > "$work/run-$run.json"
  reports+=("$report")
done
printf '%s\n' "${reports[@]}" | jq -s '{
  pack: .[0].pack,
  runs: [.[] | {longest_frame_ms, frame_p50_ms, frame_p99_ms, frames, pin_check_ms, panel_facts_ready_ms,
                install_ms: .install.ms, install_outcome: .install.outcome,
                install_longest_frame_ms: .install.longest_frame_ms,
                facts_on_the_render_thread_ms: .baseline.facts_on_the_render_thread_ms}],
  longest_frame_ms: ([.[].longest_frame_ms] | max),
  target_ms: .[0].target_ms,
  within_target: (([.[].longest_frame_ms] | max) <= .[0].target_ms),
  baseline_facts_on_the_render_thread_ms: ([.[].baseline.facts_on_the_render_thread_ms] | sort | .[length / 2 | floor]),
  baseline_times_per_session: .[0].baseline.times_per_session
}'
