# Fetching pages over HTTP (issue 15), release build, everything on this machine (run with `Scripts/bench/run fetch`,
# or alone: `bash Scripts/bench/fetch.sh`). A loopback server (lede-fetch-bench serve, its own process, 127.0.0.1
# only, stops by itself) serves 1,000 distinct pages: the 181 real pages of the article-extraction benchmark in
# turn (synthetic pages when ../shared is absent), each made distinct by its number. Measured side by side:
# 1. throughput: `xargs -P 8 curl -s -o /dev/null` on the same URLs (as the issue writes it, and one URL per curl)
#    against LedeWeb's Fetcher (politeness off for 127.0.0.1, 8 connections), fetch alone and fetch + article
#    extraction, and URLSession for reference. Bar: lede fetch + extract >= 50 % of curl's pages per second.
# 2. 1,000 conditional requests that all answer 304. Bar: <= 2 s.
# 3. peak RSS of fetch + extract against loading the same pages from files. Bar: <= 2x.
# 4. how long a fetch takes to stop once the cancel flag is set. Bar: <= 0.5 s.
# Then the same through the real `lede` (issue 15's shell part), each a fresh process with an archive:
# 5. `fetch` of the 1,000 URLs (politeness off for 127.0.0.1 by `set fetch-politeness-off`), pages/s against curl.
# 6. `refresh` of the 1,000 archived pages, all answering 304. Bar: <= 2 s.
# 7. peak RSS of that fetch against `lede -c 'load DIR'` on the same pages as files. Bar: <= 2x.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
SHARED="${SHARED:-$root/../shared}"
cd "$root"
swift build -c release --product lede-fetch-bench >&2
bench="$(swift build -c release --show-bin-path)/lede-fetch-bench"
if [ -z "${LEDE:-}" ]; then swift build -c release --product lede >&2; LEDE="$(swift build -c release --show-bin-path)/lede"; fi
pages=1000
work="$(mktemp -d /tmp/lede-fetch-bench.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

python3 - "$SHARED/corpora/article-extraction-benchmark/html" "$work/pages" "$pages" <<'PY'
import glob, gzip, os, sys
source, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
files = sorted(glob.glob(source + "/*.html.gz"))
if files:
    originals = [gzip.open(f).read().decode("utf-8", "replace") for f in files]
else:
    para = "<p>The council said on Monday that the plan for the new bridge would go ahead, and that work was to start in the spring after a long debate.</p>"
    originals = ["<html><head><title>Bridge plan %d</title></head><body><article><h1>Bridge plan</h1>%s</article></body></html>" % (i, para * 30) for i in range(50)]
for n in range(1, count + 1):
    page = originals[(n - 1) % len(originals)]
    marker = "<p>Page %d of the fetch benchmark.</p>" % n
    at = page.lower().rfind("</body>")
    page = page[:at] + marker + page[at:] if at >= 0 else page + marker
    with open("%s/%d.html" % (out, n), "w", encoding="utf-8") as f:
        f.write(page)
PY
bytes=$(cat "$work"/pages/*.html | wc -c)

"$bench" serve "$work/pages" --lifetime 900 > "$work/port" &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")
for n in $(seq 1 $pages); do echo "http://127.0.0.1:$port/page/$n"; done > "$work/urls"

seconds() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc; }
best() { local b=999999 t; for _ in 1 2 3; do t=$(seconds "$@"); if (( $(echo "$t < $b" | bc) )); then b=$t; fi; done; echo "$b"; }
rate() { echo "scale=0; $pages / $1" | bc; }
peak_kb() { local f; f=$(mktemp); /usr/bin/time -o "$f" -f "%M" "$@" >/dev/null 2>&1; tail -1 "$f"; rm -f "$f"; }

curl_s=$(best bash -c "xargs -P 8 curl -s -o /dev/null < '$work/urls' > /dev/null")
curl1_s=$(best bash -c "xargs -P 8 -n 1 curl -s -o /dev/null < '$work/urls'")
fetch_s=$(best "$bench" fetch "$work/urls")
extract_s=$(best "$bench" fetch "$work/urls" --extract)
session_s=$(best "$bench" urlsession "$work/urls")
cond_s=$(best "$bench" fetch "$work/urls" --conditional)
load_s=$(best "$bench" load "$work/pages")
extract_kb=$(peak_kb "$bench" fetch "$work/urls" --extract)
load_kb=$(peak_kb "$bench" load "$work/pages")
lede_load_kb=$(peak_kb "$LEDE" --no-init -c "load $work/pages")
# Through lede: one script that fetches every URL into a new archive.
{ echo "set fetch-politeness-off 127.0.0.1"; printf 'fetch'; tr '\n' ' ' < "$work/urls"; echo; } > "$work/fetch.lede"
archive="$work/fetch.lede.db"
fresh() { rm -f "$archive" "$archive-wal" "$archive-shm"; }
lede_fetch() { fresh; "$LEDE" --no-init --archive "$archive" "$work/fetch.lede"; }
lede_fetch_s=$(best lede_fetch)
fresh
lede_fetch_kb=$(peak_kb "$LEDE" --no-init --archive "$archive" "$work/fetch.lede")
"$LEDE" --no-init --archive "$archive" -c "set fetch-politeness-off 127.0.0.1" -c refresh > "$work/refresh.out" 2>&1 || true
lede_refresh_s=$(best "$LEDE" --no-init --archive "$archive" -c "set fetch-politeness-off 127.0.0.1" -c refresh)

mb=$(echo "scale=1; $bytes / 1048576" | bc)
echo "fetch $pages distinct pages ($mb MB of HTML) from a loopback server, best of 3, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg):"
echo "  xargs -P 8 curl -s -o /dev/null (as written: one curl gets every URL): $curl_s s  ($(rate "$curl_s") pages/s)"
echo "  xargs -P 8 -n 1 curl -s -o /dev/null (one curl per URL):              $curl1_s s  ($(rate "$curl1_s") pages/s)"
echo "  lede fetch (LedeWeb Fetcher, 8 connections):                          $fetch_s s  ($(rate "$fetch_s") pages/s)"
echo "  lede fetch + article extraction:                                      $extract_s s  ($(rate "$extract_s") pages/s)"
echo "  URLSession, 8 at a time (reference):                                  $session_s s  ($(rate "$session_s") pages/s)"
echo "  load the same pages from files (ArticleLoader):                       $load_s s  ($(rate "$load_s") pages/s)"
echo "  ratio lede fetch+extract / curl as written, pages/s:  $(echo "scale=2; $curl_s / $extract_s" | bc)  (bar >= 0.50)"
echo "  ratio lede fetch+extract / curl -n 1, pages/s:        $(echo "scale=2; $curl1_s / $extract_s" | bc)"
echo "  $pages conditional requests, all 304:  $cond_s s  (bar <= 2 s)"
echo "  peak RSS fetch + extract: $(echo "scale=1; $extract_kb / 1024" | bc) MB; load from files: $(echo "scale=1; $load_kb / 1024" | bc) MB; ratio $(echo "scale=2; $extract_kb / $load_kb" | bc) (bar <= 2)"
echo "through lede (fresh processes, an archive each):"
echo "  lede --archive NEW fetch.lede (1,000 URLs, fetch + extract + archive): $lede_fetch_s s  ($(rate "$lede_fetch_s") pages/s)"
echo "  ratio lede fetch / curl as written, pages/s:  $(echo "scale=2; $curl_s / $lede_fetch_s" | bc)  (bar >= 0.50)"
echo "  ratio lede fetch / curl -n 1, pages/s:        $(echo "scale=2; $curl1_s / $lede_fetch_s" | bc)"
echo "  lede --archive A -c refresh (1,000 pages, all 304): $lede_refresh_s s  (bar <= 2 s); it said: $(tail -1 "$work/refresh.out")"
echo "  peak RSS lede fetch: $(echo "scale=1; $lede_fetch_kb / 1024" | bc) MB; lede -c 'load DIR': $(echo "scale=1; $lede_load_kb / 1024" | bc) MB; ratio $(echo "scale=2; $lede_fetch_kb / $lede_load_kb" | bc) (bar <= 2)"
echo "  $("$bench" cancel)"
"$bench" fetch "$work/urls" --extract | sed 's/^/  last run: /'
