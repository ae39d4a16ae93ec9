# Topic benchmarks on the 2,225 BBC articles (release build), each timed inside one lede run:
#   tagging with the built-in taxonomy (bar < 0.3 s), Naive Bayes training (bar < 1 s), and LDA k = 5
#   against scikit-learn's LatentDirichletAllocation on the same documents and vocabulary (exported by
#   `topics --export-counts`), reported as a ratio.
set -euo pipefail
bbc="$SHARED/corpora/bbc"
[ -d "$bbc" ] || { echo "skipped: $bbc is absent"; exit 0; }
python3 -c "import sklearn" 2>/dev/null || pip install --quiet scikit-learn >&2
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$LEDE" --no-init --json \
  -c "load $bbc/business $bbc/entertainment $bbc/politics $bbc/sport $bbc/tech" \
  -c "tag all" \
  -c "train bench FROM all --label-from folder" \
  -c "topics all --k 5 --iterations 200 --export-counts $tmp/counts.json --label-from folder" > "$tmp/lede.jsonl" 2>/dev/null
# A current numpy runs slower with the OPENBLAS_* workarounds this machine may set: the peer runs without them.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 - "$tmp/lede.jsonl" "$tmp/counts.json" <<'PY'
import json, sys, time
import numpy as np
from scipy.sparse import csr_matrix
from sklearn.decomposition import LatentDirichletAllocation
entries = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ms = {e["command"].split()[0]: e["durationMs"] / 1000 for e in entries}
lda = entries[3]["result"]
print(f"tag 2,225 articles (IPTC taxonomy): {ms['tag']:.3f} s  (bar < 0.3 s)")
print(f"train Naive Bayes on 2,225 articles: {ms['train']:.3f} s  (bar < 1 s)")
c = json.load(open(sys.argv[2]))
rows, cols, vals = [], [], []
for d, doc in enumerate(c["counts"]):
    for w, n in doc:
        rows.append(d); cols.append(w); vals.append(n)
X = csr_matrix((vals, (rows, cols)), shape=(len(c["counts"]), len(c["words"])), dtype=np.float64)
t = time.perf_counter()
# scikit-learn defaults (batch variational Bayes, max_iter 10), the same priors as lede (α = 5/k, β = 0.01), one core as lede.
sk = LatentDirichletAllocation(n_components=5, doc_topic_prior=1.0, topic_word_prior=0.01, random_state=1, n_jobs=1).fit(X)
sk_s = time.perf_counter() - t
labels = [a.split("/")[0] for a in c["articles"]]
theta = sk.transform(X).argmax(1)
folders = [m for m in (e["result"] for e in entries[:1]) for m in m["items"]]
folder = [i["path"].rstrip("/").split("/")[-2] for i in folders]
from collections import Counter
purity = sum(Counter(f for f, t in zip(folder, theta) if t == k).most_common(1)[0][1] for k in set(theta)) / len(folder)
lede_s = lda["seconds"]
print(f"LDA k=5 on {X.shape[0]} documents, {X.shape[1]} stems, {int(X.sum())} tokens:")
print(f"  lede Gibbs (200 sweeps): {lede_s:.2f} s, purity {lda['purity']:.3f}")
print(f"  scikit-learn LatentDirichletAllocation (batch VB, 10 iterations): {sk_s:.2f} s, purity {purity:.3f}")
print(f"  ratio scikit-learn / lede: {sk_s / lede_s:.2f}x")
PY
