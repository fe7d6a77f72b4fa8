#!/usr/bin/env bash
# Prints a pack source folder as a fuzz archive (targets/fuzz_archive.hpp), the input form of the
# authoring fuzz target: every file under FOLDER, sorted, as "=== <path>" and its text. Pictures
# and map files stand in as one line: the parser only checks that they exist.
#
#   tests/fuzz/make-source-archive.sh tests/fixtures/mini-pack > tests/fuzz/corpus/authoring/mini-pack.txt
set -euo pipefail
folder="${1:?usage: make-source-archive.sh PACK_SOURCE_FOLDER}"
cd "$folder"
find . -type f | sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r path; do
  printf '=== %s\n' "$path"
  case "$path" in
    *.toml|*.md) cat "$path"; [ -z "$(tail -c1 "$path")" ] || printf '\n' ;;
    *) printf 'stand-in for %s\n' "$path" ;;
  esac
done
