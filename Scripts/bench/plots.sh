# Plots and the HTML report (issue 19), release build, one run:
#   report of the 2,225 BBC articles (bar ≤ 1 s, file ≤ 5 MB), then Chromium rendering it headless (bar ≤ 3 s:
#   the browser's time on the report minus its time on an empty page, median of 3 each);
#   plot dispersion and plot trend on BBC × 20 (44,500 articles) once loaded (bar ≤ 300 ms). BBC articles carry
#   no dates, so the trend runs on the same corpus as JSONL with synthetic publication dates (2004–2005,
#   spread by a fixed hash of the file's number): the dates are made up, the work is the real work.
set -euo pipefail
bbc="$SHARED/corpora/bbc"
[ -d "$bbc" ] || { echo "skipped: $bbc is absent"; exit 0; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

ms() { python3 -c 'import json,sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["status"] != "ok": print("FAILED", e["command"], e.get("error")); continue
    print("%-62s %9.1f ms" % (e["command"][:60], e["durationMs"]))' "$1"; }

echo "-- report of the BBC corpus (2,225 articles)"
"$LEDE" --no-init --json -c "load $bbc" -c "report $tmp/bbc.html" -c "report $tmp/bbc.html" > "$tmp/report.jsonl" 2>/dev/null
ms "$tmp/report.jsonl" | tail -2
echo "report size: $(stat -c %s "$tmp/bbc.html") bytes (bar ≤ 5,000,000)"

if command -v chromium >/dev/null 2>&1; then
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>empty</title></head><body></body></html>' > "$tmp/empty.html"
  browse() { # file → seconds for chromium --dump-dom
    local start end
    start=$(date +%s.%N)
    timeout --kill-after=5 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
      --disable-background-networking --disable-component-update --proxy-server=127.0.0.1:9 \
      --user-data-dir="$tmp/profile" --dump-dom "file://$1" > "$tmp/dom.html" 2>/dev/null
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.3f}')"
  }
  browse "$tmp/empty.html" > /dev/null   # first start-up of a fresh profile
  e=(); r=()
  for i in 1 2 3; do e+=("$(browse "$tmp/empty.html")"); r+=("$(browse "$tmp/bbc.html")"); done
  python3 - "${e[@]}" "${r[@]}" <<'PY'
import sys, statistics
v = list(map(float, sys.argv[1:])); empty, report = v[:3], v[3:]
me, mr = statistics.median(empty), statistics.median(report)
print(f"chromium --dump-dom: empty page {me:.2f} s, report {mr:.2f} s (runs {report}); rendering the report {mr - me:.2f} s (bar ≤ 3 s)")
PY
  echo "marks in the browser's DOM: $(grep -o 'class="mark"' "$tmp/dom.html" | wc -l)"
else
  echo "chromium not installed: rendering not measured (Scripts/setup installs it)"
fi

corpus=/tmp/bbc20
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  for i in $(seq -w 1 20); do cp -r "$bbc" "$corpus/copy$i"; done
  find "$corpus" -name README.TXT -delete
fi
dated=/tmp/bbc20-dated-plots
if [ ! -d "$dated" ]; then
  mkdir -p "$dated"
  python3 - "$corpus" "$dated" <<'PY'
import json, os, sys, zlib, datetime
root, out = sys.argv[1], sys.argv[2]
start = datetime.date(2004, 1, 1)
for copy in sorted(os.listdir(root)):
    with open(os.path.join(out, copy + ".jsonl"), "w", encoding="utf-8") as f:
        for d, _, files in sorted(os.walk(os.path.join(root, copy))):
            for name in sorted(files):
                path = os.path.join(d, name)
                title, _, body = open(path, encoding="utf-8", errors="replace").read().partition("\n")
                day = start + datetime.timedelta(days=zlib.crc32(os.path.relpath(path, root).encode()) % 731)
                f.write(json.dumps({"title": title, "text": body, "published": day.isoformat(), "source": os.path.basename(d)}) + "\n")
PY
fi
echo "-- BBC × 20 (44,500 articles), once loaded"
"$LEDE" --no-init --json -c "load $corpus" \
  -c "plot dispersion film" -c "plot dispersion film" -c "plot dispersion said" -c "plot dispersion \"prime minister\"" \
  -c "plot hist fre" -c "plot hist fre" > "$tmp/disp.jsonl" 2>/dev/null
ms "$tmp/disp.jsonl" | tail -6
"$LEDE" --no-init --json -c "load $dated" \
  -c "plot trend film --by month" -c "plot trend film --by month" -c "plot trend said --by week" -c "plot trend election --by day" \
  -c "plot dispersion film" > "$tmp/trend.jsonl" 2>/dev/null
ms "$tmp/trend.jsonl" | tail -5
