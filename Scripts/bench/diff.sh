# diff: lede's two-level diff against `git diff --no-index --word-diff` on the same two versions of a
# 20k- and a 200k-word text built from BBC articles with ~3 % of sentences edited (seeded), plus a fully
# rewritten 20k-word pair. Whole process times (lede includes start-up and loading/tokenising both files),
# hyperfine medians, one run side by side; then lede's diff command alone (its logged duration) and peak memory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work=/tmp/lede-bench-diff
mkdir -p "$work"
bbc="$SHARED/corpora/bbc"
[ -d "$bbc" ] || { echo "diff: $bbc not found (needs ../shared)"; exit 0; }
python3 "$here/seeded-edits.py" "$bbc" 20000 "$work/20k-old.txt" "$work/20k-new.txt"
python3 "$here/seeded-edits.py" "$bbc" 200000 "$work/200k-old.txt" "$work/200k-new.txt"
python3 "$here/seeded-edits.py" "$bbc" 20000 "$work/rw-old.txt" "$work/rw-new.txt" --rewrite

lede_cmd() { echo "$LEDE --no-init -c 'load $work/$1-old.txt --as t' -c 'load $work/$1-new.txt --as t' -c 'diff t@1 t@2'"; }
git_cmd() { echo "git diff --no-index --word-diff $work/$1-old.txt $work/$1-new.txt"; }

for size in 20k 200k rw; do
  hyperfine -N -i --warmup 2 --runs 10 --export-json "$work/$size.json" "$(lede_cmd $size)" "$(git_cmd $size)" >/dev/null 2>&1
  python3 - "$work/$size.json" "$size" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
lede, git = r[0]["median"], r[1]["median"]
name = {"20k": "20k words, ~3% edited", "200k": "200k words, ~3% edited", "rw": "20k words, fully rewritten"}[sys.argv[2]]
print(f"{name:28s} lede {lede*1000:8.1f} ms   git --word-diff {git*1000:8.1f} ms   lede/git {lede/git:5.2f}")
PY
  # The diff command alone: median of 5 runs in one process, from the session log.
  ms=$("$LEDE" --no-init --json -c "load $work/$size-old.txt --as t" -c "load $work/$size-new.txt --as t" \
        -c "diff t@1 t@2" -c "diff t@1 t@2" -c "diff t@1 t@2" -c "diff t@1 t@2" -c "diff t@1 t@2" \
        | python3 -c "import json,sys,statistics; print(statistics.median([json.loads(l)['durationMs'] for l in sys.stdin][2:]))")
  gitms=$(python3 -c "import json; print(json.load(open('$work/$size.json'))['results'][1]['median']*1000)")
  echo "    diff command alone: ${ms} ms (median of 5), git --word-diff whole process ${gitms%.*} ms, ratio $(python3 -c "print(f'{$ms/$gitms:.2f}')")"
  rss=$( { /usr/bin/time -f "%M" "$LEDE" --no-init -c "load $work/$size-old.txt --as t" -c "load $work/$size-new.txt --as t" -c "diff t@1 t@2" >/dev/null; } 2>&1 | tail -1)
  echo "    peak memory of the whole lede run ${rss} KB; input $(( $(stat -c %s "$work/$size-old.txt") / 1024 )) KB per version"
done
