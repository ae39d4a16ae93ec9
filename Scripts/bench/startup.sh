# Start-up time of `lede -c quit` (release build), median of many runs; the bar is < 30 ms.
set -euo pipefail
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 5 --runs 50 --export-json /tmp/lede-startup.json "$LEDE --no-init -c quit" >/dev/null
  python3 -c "import json;r=json.load(open('/tmp/lede-startup.json'))['results'][0];print(f\"lede -c quit: median {r['median']*1000:.1f} ms, mean {r['mean']*1000:.1f} ms over {len(r['times'])} runs (bar: < 30 ms)\")"
else
  times=()
  for i in $(seq 1 31); do
    s=$(date +%s%N); "$LEDE" --no-init -c quit; e=$(date +%s%N); times+=($(( (e - s) / 1000 )))
  done
  med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 16p)
  echo "lede -c quit: median $((med / 1000)).$(( (med % 1000) / 100 )) ms over 31 runs (bar: < 30 ms)"
fi
