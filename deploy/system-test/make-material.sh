#!/usr/bin/env bash
# Test material for the whole-system test, made with the tools of the tree under test:
#
#   make-material.sh PAVILION_PACK PAVILION OUT_DIR
#
# OUT_DIR/
#   test.pub, test.key        the operator key the image trusts (provisioned into keys/)
#   foreign.pub, foreign.key  a key the image does not trust
#   sticks/<kind>.img         64 MB+ FAT sticks (label PAVSTICK) holding PAVILION/expo.pack and
#                             PAVILION/expo.pack.minisig:
#       newer    the default pack as version 2, its title changed (so it shows), test key
#       older    the default pack as version 1, test key (refused once version 2 is in)
#       foreign  version 3, signed with the foreign key
#       damaged  version 3, test key, then one byte of the pack flipped after signing
#       large    a synthetic pack of the same id (pavilion-pack synth), version 4, for the power
#                cuts: large enough that an install takes a few seconds in the VM
#   refs/<name>.ppm           the kiosk's own --screenshot at 1920x1080 (built-in pack's Home and
#                             Stories, version 2's Home, the large pack's Home), through pngtopnm
#
# Rebuilt only when the tools or this script change (OUT_DIR/stamp).
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: make-material.sh PAVILION_PACK PAVILION OUT_DIR" >&2; exit 2; }
pack_tool="$(realpath "$1")"
kiosk="$(realpath "$2")"
out="$3"
root="$(cd "$(dirname "$0")/../.." && pwd)"
atlas="$root/.deps/world-atlas"
default_pack="$(dirname "$kiosk")/packs/default.pack"
large_stories="${PAVILION_SYSTEM_TEST_STORIES:-150}"

stamp="$(cat "$pack_tool" "$kiosk" "$default_pack" "$0" | sha256sum | cut -d' ' -f1)-$large_stories"
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp" ]; then
  echo "make-material: $out is up to date" >&2
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/sticks" "$out/refs" "$out/work"
work="$out/work"
say() { echo "make-material: $*" >&2; }

"$pack_tool" keygen -p "$out/test.pub" -s "$out/test.key" >/dev/null
"$pack_tool" keygen -p "$out/foreign.pub" -s "$out/foreign.key" >/dev/null

# build_pack KIND SOURCE VERSION TITLE_SUFFIX: SOURCE copied, its version and title set, built
# as $work/KIND/expo.pack (the name the signature vouches for).
build_pack() {
  local kind="$1" source="$2" version="$3" suffix="$4"
  rm -rf "$work/src-$kind"
  cp -r "$source" "$work/src-$kind"
  sed -i -e "s/^version = .*/version = $version/" -e 's/^id = .*/id = "belt-and-road"/' \
    "$work/src-$kind/pack.toml"
  if [ -n "$suffix" ]; then
    # The first English title line of pack.toml: what Home shows in big letters.
    sed -i "0,/^en = \"\\(.*\\)\"$/s//en = \"\\1$suffix\"/" "$work/src-$kind/pack.toml"
  fi
  mkdir -p "$work/$kind"
  "$pack_tool" build "$work/src-$kind" -o "$work/$kind/expo.pack" --world-atlas "$atlas" >/dev/null
}

sign() { "$pack_tool" sign "$work/$1/expo.pack" -s "$out/$2.key" >/dev/null; }

say "packs: newer (v2), older (v1), foreign key (v3), damaged (v3), large (v4, $large_stories stories)"
build_pack newer "$root/content/default-pack" 2 " (2)"
sign newer test
build_pack older "$root/content/default-pack" 1 ""
sign older test
build_pack foreign "$root/content/default-pack" 3 " (3)"
sign foreign foreign
mkdir -p "$work/damaged"
cp "$work/foreign/expo.pack" "$work/damaged/expo.pack"
sign damaged test
# One byte in the middle of the file, after signing: the signature no longer matches.
size=$(stat -c %s "$work/damaged/expo.pack")
offset=$((size / 2))
byte=$(od -An -tu1 -j "$offset" -N1 "$work/damaged/expo.pack" | tr -d ' ')
printf '%b' "$(printf '\\%03o' $(((byte + 1) % 256)))" |
  dd of="$work/damaged/expo.pack" bs=1 seek="$offset" conv=notrunc status=none
"$pack_tool" synth --stories "$large_stories" --seed 19 --picture-size 1920x1080 "$work/synth" >/dev/null
build_pack large "$work/synth" 4 ""
sign large test

for kind in newer older foreign damaged large; do
  pack_mb=$(( $(stat -c %s "$work/$kind/expo.pack") / 1048576 ))
  image="$out/sticks/$kind.img"
  mkfs.vfat -F 32 -n PAVSTICK -C "$image" $(( (pack_mb + 64) * 1024 )) >/dev/null
  mmd -i "$image" ::PAVILION
  mcopy -i "$image" "$work/$kind/expo.pack" "$work/$kind/expo.pack.minisig" ::PAVILION/
  say "stick $kind: $(du -h --apparent-size "$work/$kind/expo.pack" | cut -f1) pack"
done

# reference PACK NAME ROUTE: the kiosk's own picture of ROUTE, as the VM's screen will be.
reference() {
  xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --pack "$1" --lang en --size 1920x1080 \
    --screen "$3" --screenshot "$work/$2.png" >/dev/null 2>&1
  pngtopnm "$work/$2.png" >"$out/refs/$2.ppm"
}
reference "$default_pack" builtin-home home
reference "$default_pack" builtin-stories stories
reference "$work/newer/expo.pack" newer-home home
reference "$work/large/expo.pack" large-home home
cp "$work"/*.png "$out/refs/"
rm -rf "$work"/src-* "$work/synth"
echo "$stamp" >"$out/stamp"
