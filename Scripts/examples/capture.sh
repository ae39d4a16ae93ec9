#!/usr/bin/env bash
# Capture a story as it changes, all on this machine: starts lede-demo-server (127.0.0.1 only, stops by itself),
# then fetches its story, refreshes it twice, and shows the versions and the diff.
#
# NOTE: the lede part needs the `archive`, `fetch`, `feed`, `feeds` and `refresh` shell commands (issue 15),
# which are wired into the shell after the session-engine refactor; until then this script starts the server,
# shows the feed and the story's first lines with curl, and prints the lede commands it will run.
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

if "$bin/lede" --no-init -c "help fetch" >/dev/null 2>&1; then
  "$bin/lede" --no-init "$work/capture.lede"
else
  echo "lede has no fetch command yet (issue 15's shell part); the server is up, and this is what the script will run:"
  sed 's/^/  lede> /' "$work/capture.lede"
  echo
  echo "The feed, as the server gives it:"
  curl -s "${base}feed.xml" | sed 's/^/  /'
  echo
  echo "Meanwhile, the same story captured with curl and compared by today's lede (load + versions + diff):"
  for n in 1 2 3; do curl -s -o "$work/story-$n.html" "${base}story"; done
  "$bin/lede" --no-init -c "load $work/story-1.html $work/story-2.html $work/story-3.html --as story" -c "versions story" -c "diff story --summary"
fi
