#!/usr/bin/env bash
# Builds the pack reader's seed packs into OUT_DIR with PACK_TOOL (pavilion-pack): the mini-pack
# fixture with 32-pixel pictures (decoding 1920-pixel ones would slow the fuzzer a hundredfold),
# with the base-map fixture countries, and with a route at the limit of points a line may have.
# Built, not committed: a pack is ~100 KB of binary and a committed one would go stale at the
# next schema change, after which it would only exercise the "schema mismatch" refusal. Builds are deterministic, so the seeds are too.
#
#   tests/fuzz/make-pack-seeds.sh build-san/pavilion-pack /tmp/pack-seeds
set -euo pipefail
pack_tool="${1:?usage: make-pack-seeds.sh PACK_TOOL OUT_DIR}"
out_dir="${2:?usage: make-pack-seeds.sh PACK_TOOL OUT_DIR}"
fixtures="$(cd "$(dirname "$0")/../fixtures" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source="$work/mini-pack"
cp -r "$fixtures/mini-pack" "$source"
for svg in "$source"/images/*.svg; do
  rsvg-convert --width 32 --keep-aspect-ratio --format png --output "${svg%.svg}.png" "$svg"
  rm "$svg"
done
sed -i 's/\.svg"/.png"/' "$source"/*.toml "$source"/*/*/item.toml
mkdir -p "$out_dir"
"$pack_tool" build "$source" -o "$out_dir/mini-pack.pack" >/dev/null

mkdir -p "$source/maps"
cp "$fixtures"/base-map/countries-*.json "$source/maps/"
cat >> "$source/map.toml" <<'TOML'

[base_map]
files = ["maps/countries-coarse.json", "maps/countries-fine.json"]
highlight = ["001"]
TOML
"$pack_tool" build "$source" -o "$out_dir/mini-pack-base-map.pack" >/dev/null

# A route at the limit of points a line may have (content/src/pack_limits.hpp: 20,000), the
# size of line that crashed the kiosk's drawing when it was unbounded (issue 19): the fuzzer
# starts from the largest map a pack may hold. (A pack over the limit cannot be built; the
# replay test forges one, tests/fuzz/fuzz_replay_test.cpp.)
{
  printf '\n[[line]]\nid = "longest-route"\nrole = "route"\nname = { en = "Longest", zh = "最长" }\ncoords = [\n'
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "  [%.3f, %d],\n", 60 + i * 0.005, 18 + i % 2 }'
  printf ']\n'
} >> "$source/map.toml"
"$pack_tool" build "$source" -o "$out_dir/mini-pack-longest-route.pack" >/dev/null
ls -l "$out_dir"/*.pack
