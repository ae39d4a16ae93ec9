# The archive (issue 14) through the real `lede`, release build; run with `Scripts/bench/run archive` (or alone:
# `bash Scripts/bench/archive.sh`; CORPORA="/tmp/bbc20" to skip the distinct corpus). Two corpora, side by side:
#   /tmp/bbc20   the BBC folder copied 20 times (44,500 files; 20 identical copies, which the archive stores once)
#   /tmp/bbc20u  the same with one line appended to each file that names its copy, so the raw files and (mostly)
#                the texts differ: what a corpus of distinct articles of this size costs
# Each measure is a fresh `lede` process (wall and CPU seconds, best of 3):
#   load without an archive                       lede -c 'load DIR'
#   load into a new archive                       lede --archive A -c 'load DIR'                     bar <= 1.5x the above
#   the same folder again (nothing changed)       lede --archive A -c 'load DIR'                     bar <= 0.25x the first
#   the archive's size, search index included    (after a search has indexed every text)            bar <= 1.5x the corpus
#   open + list                                   lede --archive A -c list                           bar <= 0.3 s
#   open + keywords all                           lede --archive A -c 'keywords all'   vs   lede -c 'load DIR' -c 'keywords all'
#   phrase search, median of 51 in one process    lede --archive A -c 'set timer on' -c 'search …' ×51   bar <= 20 ms
#   grep -rlF over the folder                     search must be faster
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ -z "${LEDE:-}" ]; then
  (cd "$root" && swift build -c release --product lede >&2)
  LEDE="$(cd "$root" && swift build -c release --show-bin-path)/lede"
fi
SHARED="${SHARED:-$root/../shared}"
if [ ! -d /tmp/bbc20 ]; then
  mkdir -p /tmp/bbc20
  for i in $(seq -w 1 20); do cp -r "$SHARED/corpora/bbc" "/tmp/bbc20/copy$i"; done
fi
if [ ! -d /tmp/bbc20u ] && [[ "${CORPORA:-/tmp/bbc20 /tmp/bbc20u}" == *bbc20u* ]]; then
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
export HOME="$work" XDG_CONFIG_HOME="$work" XDG_STATE_HOME="$work" NO_COLOR=1 PAGER=
lede() { "$LEDE" --no-init "$@"; }
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

for corpus in ${CORPORA:-/tmp/bbc20 /tmp/bbc20u}; do
  archive="$work/$(basename "$corpus").lede"
  fresh="rm -f '$archive' '$archive-wal' '$archive-shm'"
  bytes=$(find "$corpus" -type f ! -iname 'readme*' -print0 | xargs -0 cat | wc -c)
  echo "$corpus: $(find "$corpus" -type f | wc -l) files, $bytes bytes; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  plain=$(best ":" "$LEDE" --no-init -c "load $corpus")
  into=$(best "$fresh" "$LEDE" --no-init --archive "$archive" -c "load $corpus")
  again=$(best ":" "$LEDE" --no-init --archive "$archive" -c "load $corpus")
  echo "  lede -c 'load DIR':                    wall ${plain% *} s, cpu ${plain#* } s"
  echo "  lede --archive NEW -c 'load DIR':      wall ${into% *} s, cpu ${into#* } s   ratio wall $(ratio "${into% *}" "${plain% *}"), cpu $(ratio "${into#* }" "${plain#* }")  (bar <= 1.5)"
  echo "  the same folder again (all unchanged): wall ${again% *} s, cpu ${again#* } s   ratio to the first load into the archive: wall $(ratio "${again% *}" "${into% *}"), cpu $(ratio "${again#* }" "${into#* }")  (bar <= 0.25)"
  # The first search indexes every text; then the file (its log folded in at exit) is measured.
  first=$( { /usr/bin/time -f "%e" "$LEDE" --no-init --archive "$archive" -c 'search "\"prime minister\""' >/dev/null; } 2>&1 | tail -1)
  echo "  first search (indexes every text):     wall $first s"
  size=$(stat -c %s "$archive")
  [ -f "$archive-wal" ] && size=$((size + $(stat -c %s "$archive-wal")))
  echo "  archive: $size bytes; / corpus bytes, index included: $(ratio "$size" "$bytes")  (bar <= 1.5)"
  list=$(best ":" "$LEDE" --no-init --archive "$archive" -c list)
  echo "  lede --archive A -c list:              wall ${list% *} s, cpu ${list#* } s  (bar <= 0.3 s)"
  kw_archive=$(best ":" "$LEDE" --no-init --archive "$archive" -c "keywords all")
  kw_files=$(best ":" "$LEDE" --no-init -c "load $corpus" -c "keywords all")
  echo "  lede --archive A -c 'keywords all':    wall ${kw_archive% *} s, cpu ${kw_archive#* } s"
  echo "  lede -c 'load DIR' -c 'keywords all':  wall ${kw_files% *} s, cpu ${kw_files#* } s   ratio archive / files: wall $(ratio "${kw_archive% *}" "${kw_files% *}")  (bar <= 1)"
  args=(--no-init --archive "$archive" -c "set timer on")
  for _ in $(seq 1 51); do args+=(-c 'search "\"prime minister\""'); done
  median=$("$LEDE" "${args[@]}" 2>&1 >/dev/null | sed -n 's/^(\([0-9.]*\) ms)$/\1/p' | tail -51 | sort -n | sed -n 26p)
  grep_t=$(best ":" grep -rlF "prime minister" "$corpus")
  echo "  search '\"prime minister\"' in lede, median of 51: $median ms  (bar <= 20 ms)"
  echo "  grep -rlF 'prime minister' over the folder:   wall ${grep_t% *} s  (search must be faster)"
  "$LEDE" --no-init --archive "$archive" -c 'search "\"prime minister\"" --limit 1' | sed 's/^/  /'
done
