# Load throughput and HTML extraction speed (release build; run with `Scripts/bench/run load`).
# 1. The BBC folder copied 20 times under /tmp/bbc20: `lede -c 'load /tmp/bbc20'` (read, decode, classify,
#    tokenise, add to the workspace) against `find | xargs cat | wc -w` over the same files.
# 2. The 181 pages of the article-extraction benchmark: `lede -c 'load html/'` (gunzip, parse, extract,
#    tokenise; whole process) against trafilatura.extract over the same pages (extraction loop only,
#    import and gunzip not counted).
set -euo pipefail
corpus=/tmp/bbc20
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  for i in $(seq -w 1 20); do cp -r "$SHARED/corpora/bbc" "$corpus/copy$i"; done
fi
bytes=$(find "$corpus" -type f ! -iname 'readme*' -print0 | xargs -0 cat | wc -c)
seconds() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc; }
best() { local b=999999 t; for _ in 1 2 3; do t=$(seconds "$@"); if (( $(echo "$t < $b" | bc) )); then b=$t; fi; done; echo "$b"; }
lede_s=$(best "$LEDE" --no-init -c "load $corpus")
lede_k=$(best "$LEDE" --no-init -c "load $corpus" -c "keywords all")
wc_s=$(best bash -c "find '$corpus' -type f -print0 | xargs -0 cat | wc -w")
# Peak resident memory of load + keywords (GNU time's %M is in KB).
rss_file=$(mktemp)
/usr/bin/time -o "$rss_file" -f "%M" "$LEDE" --no-init -c "load $corpus" -c "keywords all" >/dev/null 2>&1
rss_kb=$(tail -1 "$rss_file"); rm -f "$rss_file"
mb=$(echo "scale=1; $bytes / 1048576" | bc)
echo "load $corpus ($mb MB, $(find "$corpus" -type f | wc -l) files), best of 3, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg):"
echo "  lede load:                $lede_s s  ($(echo "scale=1; $mb / $lede_s" | bc) MB/s)"
echo "  lede load + keywords all: $lede_k s"
echo "  find | xargs cat | wc -w: $wc_s s  ($(echo "scale=1; $mb / $wc_s" | bc) MB/s)"
echo "  ratio lede load / wc time:            $(echo "scale=2; $lede_s / $wc_s" | bc)"
echo "  ratio lede load+keywords / wc time:   $(echo "scale=2; $lede_k / $wc_s" | bc)  (goal: <= 1)"
echo "  peak RSS, load + keywords: $(echo "scale=1; $rss_kb / 1024" | bc) MB = $(echo "scale=2; $rss_kb * 1024 / $bytes" | bc)x the corpus bytes (goal: <= 2)"

html="$SHARED/corpora/article-extraction-benchmark/html"
python3 -c "import trafilatura" 2>/dev/null || pip install -q trafilatura lxml_html_clean >&2
lede_h=$(best "$LEDE" --no-init -c "load $html")
traf_h=$(python3 - "$html" <<'PY'
import glob, gzip, sys, time, trafilatura
pages = [gzip.open(p).read() for p in sorted(glob.glob(sys.argv[1] + "/*.html.gz"))]
start = time.perf_counter()
for page in pages:
    trafilatura.extract(page)
print(f"{time.perf_counter() - start:.3f}")
PY
)
echo "HTML extraction, 181 benchmark pages:"
echo "  lede load (whole process, best of 3): $lede_h s"
echo "  trafilatura.extract (loop only):      $traf_h s"
echo "  lede is $(echo "scale=1; $traf_h / $lede_h" | bc)x faster (goal: >= 10x)"
