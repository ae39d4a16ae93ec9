#!/usr/bin/env python3
"""A command-language fuzzer that drives the built `lede` from outside, as batch processes.

Each run is a script: load the sample articles (two stories in two versions, a JSONL file, an HTML page), train a
model, then several command lines made by random edits of documented ones (the README's command forms, the tour,
Fuzz/Corpus/commands): words replaced, dropped, doubled or swapped, options and selectors from the dictionary
inserted, numbers pushed to their limits, quotes, backslashes, control characters and odd Unicode spliced in.
A run that dies of a signal is a crash; one still running after --timeout seconds is a hang. Findings are saved
as scripts under .build/fuzz-artifacts/ (replay: lede --no-init FILE, in a copy of the sandbox).

Every path stays inside a fresh sandbox folder: a line with a word that starts with `/` or holds `~` or `..` is
changed until it has none, so `save`, `export`, `> FILE` and `load` cannot touch anything else.

Usage: Fuzz/batch-commands.py LEDE_BINARY SECONDS [--jobs N] [--timeout S] [--seed N]
"""
import argparse, os, random, re, shutil, signal, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "Scripts", "samples")

SETUP = [
    "load news/world/talks-v1.txt news/world/talks-v2.txt --as talks",
    "load news/local/harbour-fire-0900.txt news/local/harbour-fire-1400.txt --as fire",
    "load news records.jsonl page.html",
    "train model all --label-from folder",
]


def documented_lines():
    """Command lines from the README (code spans that start with a verb), the tour and the seed corpus."""
    verbs = set("help load list ls show drop set history source save open export stats sentences keywords keyness "
                "kwic collocations tag train evaluate topics versions diff similar group".split())
    lines = []
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    for span in re.findall(r"`([^`\n]+)`", readme):
        if span.split(" ")[0] in verbs:
            lines.append(span)
    for path in [os.path.join(ROOT, "Scripts", "examples", "tour.lede")] + [
            os.path.join(ROOT, "Fuzz", "Corpus", "commands", f) for f in sorted(os.listdir(os.path.join(ROOT, "Fuzz", "Corpus", "commands")))]:
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line and not line.startswith("#") and line.split(" ")[0] in verbs:
                lines.append(line)
    # Placeholders of the README's forms become real values.
    values = {"SEL": "talks", "FILE": "out.json", "NAME": "talks", "PATH": "news", "N": "3", "TERM": "fire",
              "A": "talks@1", "B": "talks@2", "FROM": "all", "VERB": "stats", "PATTERN": "stats", "WORD": "fire",
              "OPTION": "format", "VALUE": "json", "LANG": "english"}
    out = []
    for line in lines:
        for k, v in values.items():
            line = re.sub(r"\b%s\b" % k, v, line)
        out.append(line.replace("[", "").replace("]", "").replace("|", " ").replace("...", "").replace("…", ""))
    return sorted(set(out))


def dictionary():
    words = []
    for line in open(os.path.join(ROOT, "Fuzz", "Dictionaries", "commands.dict"), encoding="utf-8"):
        line = line.strip()
        if line.startswith('"') and line.endswith('"'):
            words.append(line[1:-1].encode().decode("unicode_escape"))
    return words


ODD = ["\x1b[2J", "\x1b]0;t\x07", "\u009b", "\u202e", "\x00", "\t", "\r", "\\", "\"", "'", "#", ">", ">>", "@", "*", "?",
       "[", "]", "{", "}", "é", "日本", "🙂", "\ufeff", "\u200b", "\ud7ff", "%s", "%n", "$HOME", "`id`", ";", "|", "&"]
NUMBERS = ["0", "-1", "1", "2", "7", "100", "1000000", "2147483647", "2147483648", "4294967295", "9223372036854775807",
           "9223372036854775808", "-9223372036854775808", "1e308", "1e400", "nan", "inf", "-0", "0.0001", "3..10",
           "10..3", "1..", "..5", "2..2", "0x10", "1_000", "١٢"]


def safe(line):
    """True when no word can reach outside the sandbox."""
    for word in re.split(r"[\s\"'=]+", line):
        if word.startswith("/") or "~" in word or ".." in word:
            return False
    return True


def mutate(line, rng, words, lines):
    tokens = line.split(" ")
    # Some lines stay as documented or change a little, so commands also run deep, not only fail to parse.
    for _ in range(rng.choice([0, 1, 1, 2, 3, 4])):
        op = rng.randrange(11)
        i = rng.randrange(len(tokens)) if tokens else 0
        if op == 0 and tokens:
            tokens[i] = rng.choice(words)
        elif op == 1 and len(tokens) > 1:
            del tokens[i]
        elif op == 2 and tokens:
            tokens.insert(i, tokens[i])
        elif op == 3 and len(tokens) > 1:
            j = rng.randrange(len(tokens)); tokens[i], tokens[j] = tokens[j], tokens[i]
        elif op == 4:
            tokens.insert(i, rng.choice(words))
        elif op == 5:
            tokens.insert(i, rng.choice(NUMBERS))
        elif op == 6 and tokens:
            t = tokens[i]; k = rng.randrange(len(t) + 1)
            tokens[i] = t[:k] + rng.choice(ODD) + t[k:]
        elif op == 7:
            tokens += rng.choice(lines).split(" ")[1:]
        elif op == 8 and tokens:
            tokens[i] = tokens[i] * rng.randint(2, 50)
        elif op == 9 and tokens:
            tokens[i] = rng.choice(['"', "'"]) + tokens[i] + rng.choice(['"', "'", ""])
        elif op == 10 and tokens:
            tokens[i] = tokens[i].upper() if rng.random() < 0.5 else tokens[i][: rng.randrange(len(tokens[i]) + 1)]
    return " ".join(tokens)


def make_sandbox(path):
    os.makedirs(os.path.join(path, "news", "world"))
    os.makedirs(os.path.join(path, "news", "local"))
    for name, folder in [("talks-v1.txt", "world"), ("talks-v2.txt", "world"), ("central-bank-rates.txt", "world"),
                         ("chip-plant.txt", "world"), ("harbour-fire-0900.txt", "local"),
                         ("harbour-fire-1400.txt", "local"), ("cup-final.txt", "local")]:
        shutil.copy(os.path.join(SAMPLES, name), os.path.join(path, "news", folder, name))
    with open(os.path.join(path, "records.jsonl"), "w") as f:
        for i in range(4):
            f.write('{"title": "Record %d", "text": "The council met on Tuesday to discuss item %d of the harbour budget.", '
                    '"source": "Wire %d", "date": "2026-03-0%d"}\n' % (i, i, i % 2, i + 1))
    with open(os.path.join(path, "page.html"), "w") as f:
        f.write("<html><head><title>Harbour page</title></head><body><article><p>The fire at the harbour burned for "
                "hours near the docks, and the council met on Tuesday.</p></article></body></html>")
    with open(os.path.join(path, "script.lede"), "w") as f:
        f.write("list\nstats a1\n")


def run_one(binary, script_lines, timeout):
    sandbox = tempfile.mkdtemp(prefix="lede-batch-fuzz-")
    try:
        make_sandbox(sandbox)
        script = os.path.join(sandbox, "fuzz.lede")
        with open(script, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write("\n".join(SETUP + script_lines) + "\n")
        env = {"HOME": sandbox, "XDG_CONFIG_HOME": sandbox + "/config", "XDG_STATE_HOME": sandbox + "/state",
               "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PAGER": "", "NO_COLOR": "1"}
        started = time.time()
        p = subprocess.Popen([binary, "--no-init", script], cwd=sandbox, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return ("hang", time.time() - started, "")
        if p.returncode < 0:
            return ("crash", time.time() - started, err.decode("utf-8", "replace")[-2000:])
        return ("ok", time.time() - started, "")
    finally:
        shutil.rmtree(sandbox, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("seconds", type=float)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--lines", type=int, default=8, help="mutated lines per script")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    lines, words = documented_lines(), dictionary()
    artifacts = os.path.join(ROOT, ".build", "fuzz-artifacts")
    os.makedirs(artifacts, exist_ok=True)
    rng = random.Random(args.seed)
    deadline = time.time() + args.seconds
    counts = {"ok": 0, "crash": 0, "hang": 0}
    commands = 0
    slowest = 0.0

    def script():
        out = []
        while len(out) < args.lines:
            line = mutate(rng.choice(lines), rng, words, lines)
            if safe(line):
                out.append(line)
        return out

    start = time.time()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        pending = set()
        while time.time() < deadline or pending:
            while time.time() < deadline and len(pending) < args.jobs:
                s = script()
                pending.add((pool.submit(run_one, args.binary, s, args.timeout), tuple(s)))
            done = [item for item in pending if item[0].done()]
            if not done:
                time.sleep(0.01)
                continue
            for item in done:
                pending.remove(item)
                kind, seconds, err = item[0].result()
                counts[kind] += 1
                commands += len(item[1])
                slowest = max(slowest, seconds)
                if kind != "ok":
                    name = os.path.join(artifacts, "batch-%s-%d-%d.lede" % (kind, args.seed, counts[kind]))
                    with open(name, "w", encoding="utf-8", errors="surrogateescape") as f:
                        f.write("\n".join(SETUP + list(item[1])) + "\n")
                    print("fuzz batch: %s (%.1f s): %s\n%s" % (kind, seconds, name, err), file=sys.stderr)
    elapsed = time.time() - start
    runs = sum(counts.values())
    print("fuzz batch: %d scripts (%d fuzzed command lines) in %.0f s, seed %d: %d crashes, %d hangs (timeout %.0f s); "
          "slowest script %.1f s" % (runs, commands, elapsed, args.seed, counts["crash"], counts["hang"], args.timeout, slowest))
    return 1 if counts["crash"] or counts["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
