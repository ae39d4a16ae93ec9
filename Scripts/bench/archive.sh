# The archive (issue 14), release build; run with `Scripts/bench/run archive`. Until the shell stores into
# archives, the library is driven by its own small executable, lede-archive-tool (same loader, same store).
# Two corpora, side by side in one run:
#   /tmp/bbc20   the BBC folder copied 20 times (44,500 files; 20 identical copies, which the archive stores once)
#   /tmp/bbc20u  the same with one line appended to each file that names its copy, so the raw files and (mostly)
#                the texts differ: what a corpus of distinct articles of this size costs
# For each: load without an archive vs into a new one (wall and CPU seconds, best of 3), the same folder again
# (nothing changed), the archive's size with its search index against the corpus bytes, a fresh process that
# opens the archive and lists it, one that reads every text back and tokenises it (vs loading the files), and
# a two-word phrase search (median in process) against grep -rlF over the folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
(cd "$root" && swift build -c release --product lede-archive-tool >&2)
tool="$(cd "$root" && swift build -c release --show-bin-path)/lede-archive-tool"
SHARED="${SHARED:-$root/../shared}"
if [ ! -d /tmp/bbc20 ]; then
  mkdir -p /tmp/bbc20
  for i in $(seq -w 1 20); do cp -r "$SHARED/corpora/bbc" "/tmp/bbc20/copy$i"; done
fi
if [ ! -d /tmp/bbc20u ]; then
  python3 - "$SHARED/corpora/bbc" /tmp/bbc20u <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
for i in range(1, 21):
    for folder, _, files in os.walk(src):
        out = os.path.join(dst, "copy%02d" % i, os.path.relpath(folder, src))
        os.makedirs(out, exist_ok=True)
        for name in files:
            data = open(os.path.join(folder, name), "rb").read()
            if not name.upper().startswith("README"):
                data = data.rstrip(b"\n") + b"\n\nThis copy is number %d of the corpus, kept apart from the other copies for testing.\n" % i
            open(os.path.join(out, name), "wb").write(data)
PY
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# "wall cpu" of a command (CPU = user + system of the process), output discarded.
measure() {
  local f="$work/time"
  /usr/bin/time -o "$f" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$f"
}
# Best (lowest wall) of 3; `before` runs ahead of each (not timed).
best() {
  local before="$1"; shift
  local b="" t
  for _ in 1 2 3; do
    eval "$before"
    t=$(measure "$@")
    if [ -z "$b" ] || (( $(echo "${t% *} < ${b% *}" | bc) )); then b=$t; fi
  done
  echo "$b"
}
ratio() { echo "scale=2; $1 / $2" | bc; }

for corpus in /tmp/bbc20 /tmp/bbc20u; do
  archive="$work/$(basename "$corpus").lede"
  bytes=$(find "$corpus" -type f ! -iname 'readme*' -print0 | xargs -0 cat | wc -c)
  echo "$corpus: $(find "$corpus" -type f | wc -l) files, $bytes bytes; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  plain=$(best ":" "$tool" load "$corpus")
  into=$(best "rm -f '$archive' '$archive-wal' '$archive-shm'" "$tool" archive-load "$archive" "$corpus")
  again=$(best ":" "$tool" archive-load "$archive" "$corpus")
  echo "  load, no archive:          wall ${plain% *} s, cpu ${plain#* } s"
  echo "  load into a new archive:   wall ${into% *} s, cpu ${into#* } s   ratio wall $(ratio "${into% *}" "${plain% *}"), cpu $(ratio "${into#* }" "${plain#* }")  (bar <= 1.5)"
  echo "  same folder again:         wall ${again% *} s, cpu ${again#* } s   ratio to the first load into the archive $(ratio "${again% *}" "${into% *}")  (bar <= 0.25)"
  "$tool" index "$archive" | sed 's/^/  /'
  size=$("$tool" size "$archive")
  echo "  $size"
  archive_bytes=$(echo "$size" | sed -E 's/^size: ([0-9]+) bytes.*/\1/')
  echo "  archive size / corpus bytes, index included: $(ratio "$archive_bytes" "$bytes")  (bar <= 1.5)"
  list=$(best ":" "$tool" list "$archive")
  echo "  fresh process, open + list:                    wall ${list% *} s  (bar <= 0.3)"
  read=$(best ":" "$tool" read "$archive")
  echo "  fresh process, open + read all texts + tokenise: wall ${read% *} s, cpu ${read#* } s   ratio to load $(ratio "${read% *}" "${plain% *}")  (bar <= 1)"
  "$tool" search "$archive" '"prime minister"' --runs 51 | sed 's/^/  /'
  grep_t=$(best ":" grep -rlF "prime minister" "$corpus")
  echo "  grep -rlF 'prime minister' over the folder: wall ${grep_t% *} s"
done
