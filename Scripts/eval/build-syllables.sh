#!/usr/bin/env bash
# Rebuilds Sources/LedeText/Resources/cmudict/syllables.txt from CMUdict (../shared/data/cmudict):
# one line "word count" per headword, count = phones carrying a stress digit in the FIRST pronunciation
# (alternates "word(2)" are skipped, "# comments" dropped), sorted bytewise so lede can binary-search it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="${1:-$root/../shared/data/cmudict}"
out="$root/Sources/LedeText/Resources/cmudict"
mkdir -p "$out"
LC_ALL=C awk '
  $1 ~ /\(/ { next }                       # alternate pronunciations
  { n = 0
    for (i = 2; i <= NF; i++) { if ($i == "#") break; if ($i ~ /[0-9]$/) n++ }
    print $1, n }' "$src/cmudict.dict" | LC_ALL=C sort -u -k1,1 > "$out/syllables.txt"
cp "$src/LICENSE" "$out/LICENSE" && chmod 644 "$out/LICENSE"
echo "$(wc -l < "$out/syllables.txt") words → $out/syllables.txt" >&2
