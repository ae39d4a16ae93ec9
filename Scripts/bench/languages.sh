# Language tools on the BBC corpus (2,225 articles), in one run (Scripts/bench/languages/main.swift compiled
# with Sources/LedeText, swiftc -O):
#  - English stems of the BBC vocabulary: lede's SnowballEnglishStemmer against libstemmer's English (median of 5),
#    and how many stems differ (libstemmer 2.2.0 predates the current Snowball English);
#  - LanguageIdentifier: the cost of building it and of identifying each article (median of 3, one core).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$(dirname "$LEDE")"
bench=/tmp/lede-languages-bench
swiftc -O -wmo -parse-as-library -module-name LedeText -I "$root/Sources/CLibStemmer" -lstemmer "$root"/Sources/LedeText/*.swift \
  "$bin/LedeText.build/DerivedSources/resource_bundle_accessor.swift" "$here/languages/main.swift" -o "$bench"
echo "load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
"$bench" "$SHARED/corpora/bbc"
