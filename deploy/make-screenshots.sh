#!/usr/bin/env bash
# Renders the README's screenshots from the default pack: every screen in English (landscape)
# and Chinese (portrait), at half size. Needs a built tree (deploy/build.sh) and an X server
# (run under xvfb-run -a), plus ImageMagick's convert for the scaling.
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/screenshots
mkdir -p "$out"
rm -f "$out"/*.png
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
routes=(attract home initiatives stories story/china-laos-railway initiative/overview figures sources map)
for route in "${routes[@]}"; do
  name=${route//\//-}
  build/pavilion --screen "$route" --lang en --size 1920x1080 --screenshot "$tmp/$name-en.png" 2>/dev/null
  build/pavilion --screen "$route" --lang zh --size 1080x1920 --screenshot "$tmp/$name-zh-portrait.png" 2>/dev/null
  convert "$tmp/$name-en.png" -resize 50% -strip "$out/$name-en.png"
  convert "$tmp/$name-zh-portrait.png" -resize 40% -strip "$out/$name-zh-portrait.png"
done
# Accessibility: larger text and high contrast, by script (taps on the two switches).
printf 'tap 960 540\ntap 1455 55\ntap 1545 55\ntap 960 650\ntap 280 420\nshot %s\n' "$tmp/a11y.png" > "$tmp/a11y.txt"
build/pavilion --script "$tmp/a11y.txt" 2>/dev/null
convert "$tmp/a11y.png" -resize 50% -strip "$out/story-larger-text-high-contrast-en.png"
ls -1 "$out"
