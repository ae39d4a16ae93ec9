#!/usr/bin/env python3
"""Builds two versions of a text from BBC articles with seeded sentence edits, for the diff benchmark.

usage: seeded-edits.py BBC_DIR WORDS OUT_OLD OUT_NEW [--rate 0.03] [--seed 1] [--rewrite]

The old text is BBC article bodies (titles dropped) joined until WORDS words. In the new text a share
`rate` of the sentences is edited, spread over five kinds in turn: a number changed, a word replaced,
a sentence added, a sentence deleted, a sentence moved a few places on. With --rewrite the new text is
instead built from different BBC articles (a full rewrite). The edit counts go to stderr.
"""
import argparse, os, random, re, sys

p = argparse.ArgumentParser()
p.add_argument("bbc"); p.add_argument("words", type=int); p.add_argument("old"); p.add_argument("new")
p.add_argument("--rate", type=float, default=0.03); p.add_argument("--seed", type=int, default=1)
p.add_argument("--rewrite", action="store_true")
a = p.parse_args()
rng = random.Random(a.seed)

files = sorted(os.path.join(d, f) for d, _, fs in os.walk(a.bbc) for f in fs if f.endswith(".txt"))
rng.shuffle(files)

def paragraphs_from(files, words):
    out, n = [], 0
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            paras = [x.strip() for x in fh.read().split("\n\n") if x.strip()]
        for para in paras[1:]:  # the first block is the title
            out.append(para); n += len(para.split())
            if n >= words: return out
    return out

split_sentences = lambda para: [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", para) if s]
old = [split_sentences(x) for x in paragraphs_from(files, a.words)]
if a.rewrite:
    used = set()
    new = [split_sentences(x) for x in paragraphs_from(files[::-1], a.words)]
    counts = {"rewritten": 1}
else:
    extra = [s for x in paragraphs_from(files[::-1], max(2000, a.words // 10)) for s in split_sentences(x)]
    new = [list(x) for x in old]
    slots = [(i, j) for i, x in enumerate(new) for j in range(len(x))]
    chosen = sorted(rng.sample(slots, max(5, int(len(slots) * a.rate))), reverse=True)  # back to front keeps indices valid
    kinds = ["number", "word", "add", "delete", "move"]
    counts = dict.fromkeys(kinds, 0)
    for k, (i, j) in enumerate(chosen):
        kind, s = kinds[k % 5], new[i][j]
        if kind == "number":
            m = re.search(r"\d+", s)
            if not m: kind = "word"
            else: new[i][j] = s[:m.start()] + str(int(m.group()) + 1 + rng.randrange(50)) + s[m.end():]
        if kind == "word":
            w = s.split(" ")
            w[rng.randrange(len(w))] = rng.choice(["reportedly", "sharply", "officials", "unexpectedly", "government"])
            new[i][j] = " ".join(w)
        elif kind == "add":
            new[i].insert(j, extra.pop())
        elif kind == "delete":
            del new[i][j]
        elif kind == "move":
            del new[i][j]; target = min(len(new) - 1, i + 2); new[target].insert(0, s)
        counts[kind] += 1
with open(a.old, "w") as fh: fh.write("\n\n".join(" ".join(x) for x in old if x) + "\n")
with open(a.new, "w") as fh: fh.write("\n\n".join(" ".join(x) for x in new if x) + "\n")
print(f"{a.words} words: {sum(len(x) for x in old)} sentences, edits {counts}", file=sys.stderr)
