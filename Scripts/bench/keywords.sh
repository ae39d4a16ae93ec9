# keywords over the BBC corpus copied 20 times (/tmp/bbc20, ~100 MB, 44,500 files), in one run:
# lede (load + keywords) against `find | xargs cat | wc -w`, Python regex + collections.Counter and
# NLTK FreqDist (over wordpunct_tokenize, NLTK's regex tokenizer that needs no model download);
# lede's peak RSS against the corpus bytes; then, once loaded, `keywords all` and `stats all` (set timer on).
set -euo pipefail
corpus=/tmp/bbc20
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  for i in $(seq -w 1 20); do cp -r "$SHARED/corpora/bbc" "$corpus/copy$i"; done
  find "$corpus" -name README.TXT -delete
fi
python3 -c 'import nltk' 2>/dev/null || pip install --quiet nltk >&2
bytes=$(find "$corpus" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
files=$(find "$corpus" -type f | wc -l)
echo "corpus: $corpus, $files files, $bytes bytes"
find "$corpus" -type f -print0 | xargs -0 cat > /dev/null   # warm the page cache for everyone

timed() { # label, command… → prints seconds and peak RSS (KB)
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o /tmp/lede-bench-time "$@" > /tmp/lede-bench-out 2>/tmp/lede-bench-err
  read -r secs rss < /tmp/lede-bench-time
  printf '%-44s %8.2f s  %8d KB peak\n' "$label" "$secs" "$rss"
  eval "${label%% *}_secs=$secs; ${label%% *}_rss=$rss"
}

timed "lede (load + keywords --top 20)" "$LEDE" --no-init -c "load $corpus" -c "keywords all --top 20"
timed "wc (find | xargs cat | wc -w)" bash -c "find '$corpus' -type f -print0 | xargs -0 cat | wc -w"
timed "counter (python re + collections.Counter)" python3 -c '
import os, re, sys, collections
word = re.compile(r"\w+")
c = collections.Counter()
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        c.update(word.findall(open(os.path.join(d, f), encoding="utf-8", errors="replace").read().lower()))
print(c.most_common(20))' "$corpus"
timed "nltk (FreqDist over wordpunct_tokenize)" python3 -c '
import os, sys
from nltk import FreqDist
from nltk.tokenize import wordpunct_tokenize
fd = FreqDist()
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        fd.update(w.lower() for w in wordpunct_tokenize(open(os.path.join(d, f), encoding="utf-8", errors="replace").read()))
print(fd.most_common(20))' "$corpus"
python3 - "$lede_secs" "$wc_secs" "$counter_secs" "$nltk_secs" "$lede_rss" "$bytes" <<'PY'
import sys
lede, wc, counter, nltk, rss_kb, size = map(float, sys.argv[1:])
print(f"ratios: wc/lede {wc/lede:.2f}x (bar >= 1), Counter/lede {counter/lede:.1f}x (bar >= 10), "
      f"FreqDist/lede {nltk/lede:.1f}x (bar >= 20); peak RSS {rss_kb*1024/size:.2f}x corpus bytes (bar <= 2)")
PY
echo "once loaded (set timer on; 3 runs each; the first stats run also fills the per-article cache):"
"$LEDE" --no-init -c "load $corpus" -c "set timer on" \
  -c "keywords all" -c "keywords all" -c "keywords all" \
  -c "stats all" -c "stats all" -c "stats all" 2>&1 >/dev/null | grep -E '^\(' | tail -n 6 | paste -sd' ' \
  | awk '{printf "  keywords all: %s %s  %s %s  %s %s\n  stats all:    %s %s  %s %s  %s %s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12}'
