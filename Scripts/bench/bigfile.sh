#!/usr/bin/env bash
# One huge one-line text file (SIZE_MB, default 100): peak memory of `load` as a multiple of the file's size
# (MemoryBudget states at most 8×), and how soon Ctrl-C (SIGINT) stops the load at several moments.
# Peer: `wc -w` on the same file, for the time. Run through Scripts/bench/run bigfile (LEDE set).
set -euo pipefail
size_mb=${SIZE_MB:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/one-line.txt" "$size_mb" <<'EOF'
import random, sys
words = "the harbour fire burned for hours near the docks and council met on tuesday to discuss damage budget".split()
random.seed(1)
target = int(sys.argv[2]) << 20
with open(sys.argv[1], "w") as f:
    written = 0
    while written < target:
        chunk = " ".join(random.choice(words) for _ in range(100000)) + " "
        f.write(chunk); written += len(chunk)
    f.write("\n")
EOF
bytes=$(stat -c %s "$dir/one-line.txt")
/usr/bin/time -f '%M %e' -o "$dir/time" "$LEDE" --no-init -c "load $dir/one-line.txt --max-size 4095" > /dev/null
read -r kb seconds < "$dir/time"
wc_start=$(date +%s.%N); wc -w "$dir/one-line.txt" > /dev/null; wc_end=$(date +%s.%N)
python3 - "$kb" "$bytes" "$seconds" "$wc_start" "$wc_end" <<'EOF'
import sys
kb, size, seconds, a, b = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print("load, one line of %.0f MB: %.2f s (wc -w %.2f s), peak RSS %.0f MB = %.2f x the file (bound 8 x)"
      % (size / 2**20, seconds, b - a, kb / 1024, kb * 1024 / size))
EOF
python3 - "$LEDE" "$dir/one-line.txt" "$seconds" <<'EOF'
import signal, subprocess, sys, time
lede, path, total = sys.argv[1], sys.argv[2], float(sys.argv[3])
worst = 0.0
for fraction in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85):
    p = subprocess.Popen([lede, "--no-init", "-c", "load %s --max-size 4095" % path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(total * fraction)
    sent = time.time()
    p.send_signal(signal.SIGINT)
    _, err = p.communicate()
    took = time.time() - sent
    cancelled = b"cancelled" in err
    if cancelled: worst = max(worst, took)
    print("  SIGINT at %3.0f %% of the load: %s after %.2f s" % (fraction * 100, "stopped" if cancelled else "had finished", took))
print("Ctrl-C: slowest stop %.2f s (bar 0.5 s)" % worst)
EOF
