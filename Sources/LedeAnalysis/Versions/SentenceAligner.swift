import LedeText

/// Aligns the sentences of two texts in two levels, never one O(n·m) pass over a whole article:
/// 1. exact matches by hashing each sentence's token ids; a longest increasing subsequence of the
///    matched positions keeps the in-order ones, the rest are moved;
/// 2. fuzzy matches among the sentences left (Dice similarity of token multisets ≥ threshold, candidates
///    found through an index of the less common tokens), then merged and split sentences (two neighbours
///    on one side covering one sentence on the other);
/// 3. a minimal word diff (`WordDiff`) inside each changed pair only.
public struct SentenceAligner: Sendable {
    public var threshold: Double
    /// Tokens in more sentences than this are too common to find fuzzy candidates with.
    public var commonTokenLimit = 64

    public init(threshold: Double = 0.5) { self.threshold = threshold }

    public func align(_ old: TokenizedText, _ new: TokenizedText) -> (items: [AlignedSentences], counts: DiffCounts) {
        // Sentences stay ranges over one id array per text; their starts are already global token indices.
        let a = SentenceTable(old), b = SentenceTable(new)
        return align(a, b, aStart: a.lower, bStart: b.lower)
    }

    /// The core, on sentences given as token-id arrays; `*TokenStarts` turn word-diff ranges into global token indices.
    public func align(_ a: [[UInt32]], _ b: [[UInt32]], aTokenStarts: [Int]? = nil, bTokenStarts: [Int]? = nil) -> (items: [AlignedSentences], counts: DiffCounts) {
        let ta = SentenceTable(a), tb = SentenceTable(b)
        return align(ta, tb, aStart: aTokenStarts ?? ta.lower, bStart: bTokenStarts ?? tb.lower)
    }

    private func align(_ a: SentenceTable, _ b: SentenceTable, aStart: [Int], bStart: [Int]) -> (items: [AlignedSentences], counts: DiffCounts) {
        var matchOfB = [Int](repeating: -1, count: b.count)   // b → a for 1:1 pairs
        var matchOfA = [Int](repeating: -1, count: a.count)
        var exact = [Bool](repeating: false, count: b.count)

        // 1. Exact matches, first come first served among repeated sentences.
        var exactIndex = ExactSentenceIndex(a)
        for j in b.indices where !b[j].isEmpty {
            if let i = exactIndex.take(b, j) { matchOfB[j] = i; matchOfA[i] = j; exact[j] = true }
        }

        // 2. Fuzzy 1:1 matches among the rest, best pairs first.
        var similarityOfB = [Double](repeating: 1, count: b.count)
        let unmatchedA = a.indices.filter { matchOfA[$0] < 0 && !a[$0].isEmpty }
        var index = TokenIndex(a, members: unmatchedA, limit: commonTokenLimit)
        var candidates: [(sim: Double, a: Int, b: Int)] = []
        for j in b.indices where matchOfB[j] < 0 && !b[j].isEmpty {
            for i in index.candidates(for: b[j], best: 5) {
                let sim = dice(a[i], b[j])
                if sim >= threshold { candidates.append((sim, i, j)) }
            }
        }
        candidates.sort { $0.sim != $1.sim ? $0.sim > $1.sim : ($0.b != $1.b ? $0.b < $1.b : $0.a < $1.a) }
        for c in candidates where matchOfA[c.a] < 0 && matchOfB[c.b] < 0 {
            matchOfA[c.a] = c.b; matchOfB[c.b] = c.a; similarityOfB[c.b] = c.sim
        }

        // 3. Merges (two old neighbours → one new sentence) and splits (one old → two new neighbours).
        var mergedPartner = [Int](repeating: -1, count: b.count)  // b → second a of a merge
        var splitPartner = [Int](repeating: -1, count: a.count)   // a → second b of a split
        findJoins(a, b, matchOfA: &matchOfA, matchOfB: &matchOfB, exact: exact, partner: &mergedPartner)
        // A sentence takes part in one join at most: exact matches and merged old sentences stay out of splits.
        var blockedA = [Bool](repeating: false, count: a.count)
        for j in b.indices where exact[j] { blockedA[matchOfB[j]] = true }
        for j in b.indices where mergedPartner[j] >= 0 { blockedA[matchOfB[j]] = true; blockedA[mergedPartner[j]] = true }
        findJoins(b, a, matchOfA: &matchOfB, matchOfB: &matchOfA, exact: blockedA, partner: &splitPartner)
        func isSecondOfSplit(_ j: Int) -> Bool {
            let i = matchOfB[j]
            return i >= 0 && splitPartner[i] >= 0 && j != min(matchOfA[i], splitPartner[i])
        }

        // In-order pairs: a longest increasing subsequence of old positions in new order; the rest moved.
        let pairs = b.indices.filter { matchOfB[$0] >= 0 && !isSecondOfSplit($0) }
        let inOrder = Set(longestIncreasing(pairs.map { matchOfB[$0] }).map { pairs[$0] })

        var items: [AlignedSentences] = []
        var counts = DiffCounts()
        var emittedA = [Bool](repeating: false, count: a.count)
        var nextDeleted = 0
        func flushDeleted(before limit: Int) {
            while nextDeleted < min(limit, a.count) {
                let i = nextDeleted
                nextDeleted += 1
                if matchOfA[i] < 0 && !emittedA[i] {
                    emittedA[i] = true
                    if !a[i].isEmpty { items.append(AlignedSentences(change: .deleted, a: [i], b: [])); counts.deleted += 1 }
                }
            }
        }
        for j in b.indices {
            if b[j].isEmpty { continue }
            let i = matchOfB[j]
            if i < 0 {
                items.append(AlignedSentences(change: .added, a: [], b: [j])); counts.added += 1
                continue
            }
            if isSecondOfSplit(j) { continue }
            let moved = !inOrder.contains(j)
            if !moved { flushDeleted(before: mergedPartner[j] >= 0 ? min(i, mergedPartner[j]) : i) }
            emittedA[i] = true
            if mergedPartner[j] >= 0 {
                let i2 = mergedPartner[j]
                emittedA[i2] = true
                let lo = min(i, i2), hi = max(i, i2)
                let ops = WordDiff.diff(joined(a, lo, hi), b[j][...])
                items.append(pair(.merged, [lo, hi], [j], moved, ops, aStart[lo], bStart[j], a[lo].count + a[hi].count, b[j].count))
                counts.merged += 1
            } else if splitPartner[i] >= 0 {
                let lo = min(matchOfA[i], splitPartner[i]), hi = max(matchOfA[i], splitPartner[i])
                let ops = WordDiff.diff(a[i][...], joined(b, lo, hi))
                items.append(pair(.split, [i], [lo, hi], moved, ops, aStart[i], bStart[lo], a[i].count, b[lo].count + b[hi].count))
                counts.split += 1
            } else if exact[j] {
                items.append(AlignedSentences(change: moved ? .moved : .unchanged, a: [i], b: [j]))
                if moved { counts.moved += 1 } else { counts.unchanged += 1 }
            } else {
                let ops = WordDiff.diff(a[i][...], b[j][...])
                items.append(pair(.edited, [i], [j], moved, ops, aStart[i], bStart[j], a[i].count, b[j].count))
                counts.edited += 1
            }
        }
        flushDeleted(before: a.count)

        // Word counts: kept words are the exact sentences plus the LCS inside each changed pair.
        var kept = 0
        for item in items {
            switch item.change {
            case .unchanged, .moved: kept += a[item.a[0]].count
            case .edited, .merged, .split: kept += item.words.reduce(0) { $0 + ($1.kind == .equal ? $1.a.count : 0) }
            case .added, .deleted: break
            }
        }
        let totalA = a.totalLength, totalB = b.totalLength
        counts.wordsKept = kept
        counts.wordsRemoved = totalA - kept
        counts.wordsAdded = totalB - kept
        counts.similarity = totalA + totalB == 0 ? 1 : 2 * Double(kept) / Double(totalA + totalB)
        return (items, counts)
    }

    private func pair(_ change: SentenceChange, _ a: [Int], _ b: [Int], _ moved: Bool, _ ops: [WordOp],
                      _ aOffset: Int, _ bOffset: Int, _ aWords: Int, _ bWords: Int) -> AlignedSentences {
        let shifted = ops.map { WordOp($0.kind, a: ($0.a.lowerBound + aOffset)..<($0.a.upperBound + aOffset),
                                       b: ($0.b.lowerBound + bOffset)..<($0.b.upperBound + bOffset)) }
        let kept = WordDiff.keptCount(ops)
        let sim = aWords + bWords == 0 ? 1 : 2 * Double(kept) / Double(aWords + bWords)
        return AlignedSentences(change: change, a: a, b: b, moved: moved, similarity: sim, words: shifted)
    }

    private func joined(_ s: SentenceTable, _ lo: Int, _ hi: Int) -> ArraySlice<UInt32> { s[lo] + s[hi] }

    /// Finds sentences of `y` that join two neighbouring sentences of `x` (merge when x is old, split when
    /// x is new). A `y` sentence that is unmatched or fuzzily matched to x[i] becomes a join with x[i±1]
    /// when that neighbour is unmatched, is mostly contained in it, and the pair is more similar than x[i] alone.
    private func findJoins(_ x: SentenceTable, _ y: SentenceTable, matchOfA matchOfX: inout [Int], matchOfB matchOfY: inout [Int],
                           exact: [Bool], partner: inout [Int]) {
        let unmatchedX = x.indices.filter { matchOfX[$0] < 0 && !x[$0].isEmpty }
        guard !unmatchedX.isEmpty else { return }
        var index = TokenIndex(x, members: unmatchedX, limit: commonTokenLimit)
        for j in y.indices where !y[j].isEmpty && !exact[j] && partner[j] < 0 {
            let current = matchOfY[j]
            var best: (sim: Double, first: Int, second: Int)?
            let firsts: [Int] = current >= 0 ? [current] : index.candidates(for: y[j], best: 5)
            let base = current >= 0 ? dice(x[current], y[j]) : 0
            for i in firsts {
                for i2 in [i - 1, i + 1] where i2 >= 0 && i2 < x.count && matchOfX[i2] < 0 && !x[i2].isEmpty {
                    if current < 0 && matchOfX[i] >= 0 { continue }
                    let both = x[min(i, i2)] + x[max(i, i2)]
                    let sim = dice(both, y[j])
                    guard sim >= threshold, sim > base + 0.05,
                          containment(x[i2], in: y[j]) >= 0.6, containment(x[i], in: y[j]) >= 0.6 else { continue }
                    if best == nil || sim > best!.sim { best = (sim, i, i2) }
                }
            }
            if let best {
                matchOfY[j] = best.first; matchOfX[best.first] = j
                matchOfX[best.second] = j
                partner[j] = best.second
            }
        }
    }

}

// MARK: helpers

/// Dice similarity of two token multisets: 2·|shared| / (|x| + |y|).
func dice(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> Double {
    if x.isEmpty && y.isEmpty { return 1 }
    return 2 * Double(sharedCount(x, y)) / Double(x.count + y.count)
}

func dice(_ x: [UInt32], _ y: [UInt32]) -> Double { dice(x[...], y[...]) }

/// Share of x's tokens (as a multiset) also in y.
func containment(_ x: ArraySlice<UInt32>, in y: ArraySlice<UInt32>) -> Double {
    x.isEmpty ? 0 : Double(sharedCount(x, y)) / Double(x.count)
}

func sharedCount(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> Int {
    let sx = x.sorted(), sy = y.sorted()
    var i = 0, j = 0, n = 0
    while i < sx.count, j < sy.count {
        if sx[i] == sy[j] { n += 1; i += 1; j += 1 } else if sx[i] < sy[j] { i += 1 } else { j += 1 }
    }
    return n
}

/// Indices (into `values`) of one longest strictly increasing subsequence, O(n log n).
func longestIncreasing(_ values: [Int]) -> [Int] {
    var tails: [Int] = []        // index into values of the smallest tail of each length
    var previous = [Int](repeating: -1, count: values.count)
    for (k, v) in values.enumerated() {
        var lo = 0, hi = tails.count
        while lo < hi { let mid = (lo + hi) / 2; if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid } }
        if lo > 0 { previous[k] = tails[lo - 1] }
        if lo == tails.count { tails.append(k) } else { tails[lo] = k }
    }
    var out: [Int] = []
    var k = tails.last ?? -1
    while k >= 0 { out.append(k); k = previous[k] }
    return out.reversed()
}

/// The distinct values of `ids`, ascending.
func uniqueSorted(_ ids: ArraySlice<UInt32>) -> [UInt32] {
    var s = ids.sorted()
    guard s.count > 1 else { return s }
    var w = 1
    for r in 1..<s.count where s[r] != s[w - 1] { s[w] = s[r]; w += 1 }
    s.removeLast(s.count - w)
    return s
}
