# Tokenising + interning 100 MB: the BBC corpus copied 20 times (/tmp/bbc20: 44,500 files) against
# `find … | xargs cat | wc -w` and Python's regex + collections.Counter over the same files, in one run.
#  - "LedeText": Scripts/bench/tokenize/main.swift compiled with swiftc -O together with Sources/LedeText:
#    read every file, tokenise, intern into one Vocabulary, split paragraphs and sentences, on all cores
#    (Tokenizer.tokenizeConcurrently) — the tokenizer alone, without the article loaders;
#  - "lede load": the whole `lede -c 'load /tmp/bbc20'` (loaders, normalisation, workspace) for reference.
# Median wall time of 3 runs each, plus CPU seconds (user + sys) of the median run. Bar: LedeText ≤ wc.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${BBC20:-/tmp/bbc20}"
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  for i in $(seq -w 1 20); do cp -r "$SHARED/corpora/bbc" "$corpus/c$i"; done
  rm -f "$corpus"/c*/README.TXT
fi
bin="$(dirname "$LEDE")"
bench=/tmp/lede-tokenize-bench
swiftc -O -wmo -parse-as-library -module-name LedeText -I "$root/Sources/CLibStemmer" -lstemmer "$root"/Sources/LedeText/*.swift \
  "$bin/LedeText.build/DerivedSources/resource_bundle_accessor.swift" "$here/tokenize/main.swift" -o "$bench"
export corpus bench
wc_words() { find "$corpus" -type f -print0 | xargs -0 cat | wc -w; }
py_counter() {
  python3 - "$corpus" <<'PY'
import os, re, sys
from collections import Counter
c = Counter()
word = re.compile(r"\w+(?:['’-]\w+)*")
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        with open(os.path.join(d, f), encoding="utf-8", errors="replace") as h:
            c.update(w.lower() for w in word.findall(h.read()))
print(len(c), "distinct")
PY
}
ledetext() { "$bench" "$corpus"; }
lede_load() { "$LEDE" --no-init -c "load $corpus"; }
export -f wc_words py_counter ledetext lede_load
# median3 NAME: runs NAME three times; prints "wall cpu" of the median run (seconds).
median3() {
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S" bash -c "$1 >/dev/null 2>&1" 2>&1 | tail -1
  done | awk '{print $1, $2 + $3}' | sort -n | sed -n 2p
}
echo "corpus: $corpus — $(find "$corpus" -type f | wc -l) files, $(( $(find "$corpus" -type f -print0 | xargs -0 cat | wc -c) / 1000000 )) MB; load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
echo "LedeText: $(ledetext)"
echo "wc -w:    $(wc_words) words"
read -r t_text c_text < <(median3 ledetext)
read -r t_wc c_wc < <(median3 wc_words)
read -r t_py c_py < <(median3 py_counter)
read -r t_load c_load < <(median3 lede_load)
printf '%-34s %7s s wall %7s s cpu\n' "LedeText tokenise+intern+split" "$t_text" "$c_text"
printf '%-34s %7s s wall %7s s cpu   LedeText/wc = %s wall, %s cpu (bar ≤ 1)\n' "find | xargs cat | wc -w" "$t_wc" "$c_wc" \
  "$(awk "BEGIN{printf \"%.2f\", $t_text/$t_wc}")" "$(awk "BEGIN{printf \"%.2f\", $c_text/$c_wc}")"
printf '%-34s %7s s wall %7s s cpu   python/LedeText = %s× wall\n' "python re + Counter" "$t_py" "$c_py" \
  "$(awk "BEGIN{printf \"%.1f\", $t_py/$t_text}")"
printf '%-34s %7s s wall %7s s cpu   (whole load command, for reference)\n' "lede -c 'load …'" "$t_load" "$c_load"
