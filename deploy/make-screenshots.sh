#!/usr/bin/env bash
# Renders the README's screenshots from the default pack: every screen in English (landscape)
# and Chinese (portrait), Russian and Arabic ones (Arabic mirrored, right to left), and the
# seven-script fixture pack in Hindi, Thai and Hebrew, at half size. Needs a built tree (deploy/build.sh) and an X server
# (run under xvfb-run -a), plus ImageMagick's convert for the scaling.
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/screenshots
mkdir -p "$out"
rm -f "$out"/*.png
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
routes=(attract home initiatives stories story/china-laos-railway initiative/overview figures sources map
        map/story-china-laos-railway)
for route in "${routes[@]}"; do
  name=${route//\//-}
  build/pavilion --screen "$route" --lang en --size 1920x1080 --screenshot "$tmp/$name-en.png" 2>/dev/null
  build/pavilion --screen "$route" --lang zh --size 1080x1920 --screenshot "$tmp/$name-zh-portrait.png" 2>/dev/null
  convert "$tmp/$name-en.png" -resize 50% -strip "$out/$name-en.png"
  convert "$tmp/$name-zh-portrait.png" -resize 40% -strip "$out/$name-zh-portrait.png"
done
# Russian (portrait): Home, key figures, and the language sheet the globe button opens.
for route in home figures; do
  build/pavilion --screen "$route" --lang ru --size 1080x1920 --screenshot "$tmp/$route-ru.png" 2>/dev/null
  convert "$tmp/$route-ru.png" -resize 40% -strip "$out/$route-ru-portrait.png"
done
printf 'wait 2000\ntap 1000 55\nshot %s\n' "$tmp/sheet.png" > "$tmp/sheet.txt"
build/pavilion --script "$tmp/sheet.txt" --screen figures --lang ru --size 1080x1920 2>/dev/null
convert "$tmp/sheet.png" -resize 40% -strip "$out/language-sheet-ru-portrait.png"
# Arabic: the layout mirrored (landscape), key figures in portrait.
for route in home stories story/china-laos-railway map; do
  name=${route//\//-}
  build/pavilion --screen "$route" --lang ar --size 1920x1080 --screenshot "$tmp/$name-ar.png" 2>/dev/null
  convert "$tmp/$name-ar.png" -resize 50% -strip "$out/$name-ar.png"
done
build/pavilion --screen figures --lang ar --size 1080x1920 --screenshot "$tmp/figures-ar.png" 2>/dev/null
convert "$tmp/figures-ar.png" -resize 40% -strip "$out/figures-ar-portrait.png"
# The seven-script fixture pack: a story in Hindi and in Thai, and Hebrew (right to left) in portrait.
scripts=build/packs/scripts.pack
for lang in hi th; do
  build/pavilion --pack "$scripts" --screen story/calligraphy-table --lang "$lang" --size 1920x1080 \
    --screenshot "$tmp/scripts-$lang.png" 2>/dev/null
  convert "$tmp/scripts-$lang.png" -resize 50% -strip "$out/scripts-story-$lang.png"
done
build/pavilion --pack "$scripts" --screen story/music-workshop --lang he --size 1080x1920 \
  --screenshot "$tmp/scripts-he.png" 2>/dev/null
convert "$tmp/scripts-he.png" -resize 40% -strip "$out/scripts-story-he-portrait.png"
# Accessibility: larger text and high contrast, by script (taps on the two switches).
printf 'tap 960 540\ntap 1602 55\ntap 1512 55\ntap 960 650\ntap 280 420\nshot %s\n' "$tmp/a11y.png" > "$tmp/a11y.txt"
build/pavilion --script "$tmp/a11y.txt" 2>/dev/null
convert "$tmp/a11y.png" -resize 50% -strip "$out/story-larger-text-high-contrast-en.png"
# The map after a pinch and a tap on a place: its preview card.
printf 'pinch 1353 665 2.5 500\nwait 1000\ntap 1353 665\nwait 1000\nshot %s\n' "$tmp/map-card.png" > "$tmp/map.txt"
build/pavilion --script "$tmp/map.txt" --screen map 2>/dev/null
convert "$tmp/map-card.png" -resize 50% -strip "$out/map-card-en.png"
# Operator mode (a throwaway state with PIN 1234): hold the corner 5 s, type the PIN.
state="$tmp/state"
mkdir -p "$state/keys"
echo 1234 | build/pavilion --state "$state" --set-pin 2>/dev/null
printf 'tap 960 540\ndrag 20 20 21 21 5600\nwait 500\nshot %s\ntap 758 476\ntap 959 476\ntap 1159 476\ntap 758 596\ntap 1159 836\nwait 500\nshot %s\n' \
  "$tmp/keypad.png" "$tmp/panel.png" > "$tmp/operator.txt"
build/pavilion --script "$tmp/operator.txt" --state "$state" 2>/dev/null
convert "$tmp/keypad.png" -resize 50% -strip "$out/operator-pin-en.png"
convert "$tmp/panel.png" -resize 50% -strip "$out/operator-panel-en.png"
ls -1 "$out"
