#!/usr/bin/env bash
# Capture a story as it changes, all on this machine: starts lede-demo-server (127.0.0.1 only, stops by itself),
# then fetches its story into an archive, refreshes it twice (the second time only boilerplate moved: unchanged),
# and shows the versions, the diff and the feed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
swift build -c release --product lede-demo-server >&2
swift build -c release --product lede >&2
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d /tmp/lede-capture.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin/lede-demo-server" --lifetime 120 --url-file "$work/url" &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
base="$(head -1 "$work/url")"      # http://127.0.0.1:PORT/

# The polite defaults wait between requests to one host; the demo server is our own, so politeness is off for it.
cat > "$work/capture.lede" <<LEDE
archive $work/news.db
set fetch-politeness-off 127.0.0.1
feed ${base}feed.xml
fetch ${base}story --as story
refresh
refresh
versions story
diff story
feeds
LEDE

"$bin/lede" --no-init "$work/capture.lede"
