#!/usr/bin/env bash
# Start-up and frame times of two builds side by side, in one run on one machine: runs
# `pavilion --bench` of each build in turn (alternating, so both meet the same load), each with
# its own font and catalog cache warmed by one unmeasured run, on the same pack, and prints the
# median start-up to the first complete Home frame and every screen's median frame p99.
#
#   deploy/compare-bench.sh BASE_BUILD_DIR [NEW_BUILD_DIR] [RUNS] [PACK]
#
# For the text engine (issue 21): BASE_BUILD_DIR is a build of the commit before it (ImGui's font
# atlas), NEW_BUILD_DIR this tree's build/. Needs an X server (run under xvfb-run -a).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?"usage: deploy/compare-bench.sh BASE_BUILD_DIR [NEW_BUILD_DIR] [RUNS] [PACK]"}
new=${2:-build}
runs=${3:-3}
pack=${4:-$new/packs/default.pack}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench() { # build label run
  "$1/pavilion" --pack "$pack" --cache "$work/cache-$2" --bench --size 1920x1080 >"$work/$2-$3.json" 2>/dev/null
}
for label in base new; do
  dir=$base; [ "$label" = new ] && dir=$new
  bench "$dir" "$label" warm # fills this build's caches: the runs below are warm starts
done
for run in $(seq 1 "$runs"); do
  bench "$base" base "$run"
  bench "$new" new "$run"
done
python3 - "$work" "$runs" <<'PY'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
load = lambda label: [json.load(open(f"{work}/{label}-{r}.json")) for r in range(1, runs + 1)]
base, new = load("base"), load("new")
def median(reports, get):
    return statistics.median(get(r) for r in reports)
def row(name, get):
    b, n = median(base, get), median(new, get)
    print(f"| {name} | {b:.2f} | {n:.2f} | {n / b:.2f}x |")
print(f"median of {runs} runs each, alternating; ms")
print("| figure | before | after | after / before |")
print("| --- | --- | --- | --- |")
row("start to first complete Home frame", lambda r: r["start_to_first_home_ms"])
row("of which fonts (from the cache)", lambda r: r["content_parts_ms"]["fonts"])
for screen in base[0]["screens"]:
    if screen in new[0]["screens"]:
        row(f"{screen}: frame p99", lambda r, s=screen: r["screens"][s]["frame_p99_ms"])
row("peak RSS (MB)", lambda r: r["memory_mb"]["peak_rss"])
PY
