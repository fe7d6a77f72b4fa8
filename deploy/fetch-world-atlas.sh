#!/usr/bin/env bash
# Fetches Natural Earth's country shapes (the npm package world-atlas, public domain) into
# .deps/world-atlas, where the build finds them for the default pack's base map. The version is
# pinned and checked by npm's integrity hash; an existing copy is reused, so builds stay offline.
set -euo pipefail

version=2.0.2
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/.deps/world-atlas"

if [ -f "$target/countries-50m.json" ] && [ -f "$target/countries-110m.json" ] &&
   grep -q "\"version\": \"$version\"" "$target/package.json" 2>/dev/null; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "pavilion: npm is needed once to fetch world-atlas@$version (or copy its files into $target)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "pavilion: fetching world-atlas@$version" >&2
(cd "$work" && npm pack --silent "world-atlas@$version" >/dev/null)
mkdir -p "$work/unpacked"
tar -xzf "$work"/world-atlas-*.tgz -C "$work/unpacked"
rm -rf "$target"
mkdir -p "$(dirname "$target")"
mv "$work/unpacked/package" "$target"
