# stats with readability on the BBC corpus (2,225 articles), in one run: lede (load + stats all) against
# textstat 0.7.13 computing the same seven formulas per article (CMUdict fed offline, as Scripts/eval/readability).
set -euo pipefail
bbc="$SHARED/corpora/bbc"
python3 -c 'import textstat' 2>/dev/null || pip install --quiet textstat==0.7.13 >&2
export NLTK_DATA=/tmp/lede-eval-nltk
if [ ! -f "$NLTK_DATA/corpora/cmudict/cmudict" ]; then
  mkdir -p "$NLTK_DATA/corpora/cmudict"
  sed -e 's/ *#.*$//' -e 's/^\([^ (]*\)(\([0-9]*\)) /\1 \2 /' -e 't' -e 's/^\([^ ]*\) /\1 1 /' \
    "$SHARED/data/cmudict/cmudict.dict" > "$NLTK_DATA/corpora/cmudict/cmudict"
fi
find "$bbc" -type f -print0 | xargs -0 cat > /dev/null
s=$(date +%s%N)
"$LEDE" --no-init -c "load $bbc" -c "set timer on" -c "stats all" -c "stats all" > /dev/null 2> /tmp/lede-bench-stats.err
e=$(date +%s%N)
lede=$(( (e - s) / 1000000 ))
# Timer lines: set, first stats (computes every article), second stats (per-article cache).
first=$(grep -E '^\(' /tmp/lede-bench-stats.err | sed -n 2p | tr -d '()a-z ')
again=$(grep -E '^\(' /tmp/lede-bench-stats.err | sed -n 3p | tr -d '()a-z ')
s=$(date +%s%N)
python3 - "$bbc" <<'PY'
import os, sys, textstat
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        t = open(os.path.join(d, f), encoding="utf-8", errors="replace").read()
        (textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t), textstat.gunning_fog(t), textstat.smog_index(t),
         textstat.coleman_liau_index(t), textstat.automated_readability_index(t), textstat.dale_chall_readability_score(t))
PY
e=$(date +%s%N)
peer=$(( (e - s) / 1000000 ))
echo "lede, whole process (start, load 2,226 files, stats all twice): ${lede} ms"
echo "lede stats all, first run (every article computed):           ${first} ms"
echo "lede stats all, again (per-article cache):                     ${again} ms"
echo "textstat, 7 formulas per article (reads the files too):        ${peer} ms"
python3 -c "print(f'ratios: textstat / lede whole process {$peer/$lede:.1f}x; textstat / lede stats (first run) {$peer/$first:.0f}x (bar >= 50)')"
