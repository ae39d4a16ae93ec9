import LedeText

/// The sentences of one text as ranges over a single token-id array, so aligning never copies a sentence.
struct SentenceTable {
    let ids: [UInt32]
    /// Sentence i is `ids[lower[i]..<upper[i]]`.
    let lower: [Int]
    let upper: [Int]

    init(_ text: TokenizedText) {
        ids = Array(text.ids)
        lower = text.sentences.map(\.tokens.lowerBound)
        upper = text.sentences.map(\.tokens.upperBound)
    }

    init(_ sentences: [[UInt32]]) {
        var ids: [UInt32] = [], lower: [Int] = [], upper: [Int] = []
        ids.reserveCapacity(sentences.reduce(0) { $0 + $1.count })
        for s in sentences { lower.append(ids.count); ids.append(contentsOf: s); upper.append(ids.count) }
        self.ids = ids; self.lower = lower; self.upper = upper
    }

    var count: Int { lower.count }
    var indices: Range<Int> { 0..<lower.count }
    subscript(i: Int) -> ArraySlice<UInt32> { ids[lower[i]..<upper[i]] }
    var totalLength: Int {
        var n = 0
        for i in indices { n += upper[i] - lower[i] }
        return n
    }

    /// FNV-1a over the sentence's token ids.
    func hash(_ i: Int) -> UInt64 {
        ids.withUnsafeBufferPointer { p in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in lower[i]..<upper[i] { h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01b3 }
            return h
        }
    }

    /// Whether sentence i here holds the same ids as sentence j of `other`.
    func same(_ i: Int, as other: SentenceTable, _ j: Int) -> Bool {
        let n = upper[i] - lower[i]
        guard n == other.upper[j] - other.lower[j] else { return false }
        return ids.withUnsafeBufferPointer { x in
            other.ids.withUnsafeBufferPointer { y in
                let xo = lower[i], yo = other.lower[j]
                for k in 0..<n where x[xo + k] != y[yo + k] { return false }
                return true
            }
        }
    }
}

/// Exact sentence matches without dictionaries: an open-addressing table of hashes, each distinct hash
/// chaining its old sentences in ascending order through a flat `next` array. A cursor per hash matches
/// repeated sentences first come, first served.
struct ExactSentenceIndex {
    private let old: SentenceTable
    private var next: [Int32]              // next old sentence with the same hash, -1 at the end
    private var groupHash: [UInt64] = []
    private var groupTail: [Int32] = []
    private var cursor: [Int32] = []       // next old sentence to try, per hash; -1 when none is left
    private var slots: [Int32]             // group index + 1, 0 = empty
    private let mask: Int

    init(_ old: SentenceTable) {
        self.old = old
        next = [Int32](repeating: -1, count: old.count)
        var size = 16
        while size < 2 * old.count { size <<= 1 }
        mask = size - 1
        slots = [Int32](repeating: 0, count: size)
        for i in old.indices where !old[i].isEmpty {
            let h = old.hash(i)
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let g = Int(slots[slot]) - 1
                if g < 0 {
                    groupHash.append(h); cursor.append(Int32(i)); groupTail.append(Int32(i))
                    slots[slot] = Int32(groupHash.count)
                    break
                }
                if groupHash[g] == h { next[Int(groupTail[g])] = Int32(i); groupTail[g] = Int32(i); break }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The first old sentence not yet taken with the ids of `new[j]`, now taken; nil when there is none.
    /// Old sentences that merely collide on the hash are passed over for good once a later one is taken.
    mutating func take(_ new: SentenceTable, _ j: Int) -> Int? {
        let h = new.hash(j)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let g = Int(slots[slot]) - 1
            if g < 0 { return nil }
            if groupHash[g] == h {
                var i = Int(cursor[g])
                while i >= 0, !old.same(i, as: new, j) { i = Int(next[i]) }
                guard i >= 0 else { return nil }
                cursor[g] = next[i]
                return i
            }
            slot = (slot + 1) & mask
        }
    }
}

/// Which sentences contain each not-too-common token, to find fuzzy-match candidates without comparing all pairs.
/// Postings are flat arrays indexed by token id (ids are dense vocabulary numbers), and shared counts are kept
/// in a per-sentence array, so a lookup hashes nothing.
struct TokenIndex {
    /// Sentences holding token id t: `postings[postingStart[t]..<postingStart[t + 1]]`, ascending.
    private var postingStart: [Int32]
    private var postings: [Int32]
    private var shared: [Int32]
    let limit: Int

    init(_ sentences: SentenceTable, members: [Int], limit: Int) {
        self.limit = limit
        var maxID = -1
        for i in members { for id in sentences[i] where Int(id) > maxID { maxID = Int(id) } }
        var distinct: [[UInt32]] = []
        distinct.reserveCapacity(members.count)
        var counts = [Int32](repeating: 0, count: maxID + 2)
        for i in members {
            let ids = uniqueSorted(sentences[i])
            for id in ids { counts[Int(id) + 1] += 1 }
            distinct.append(ids)
        }
        for t in 0..<(maxID + 1) { counts[t + 1] += counts[t] }
        postingStart = counts
        var fill = counts
        postings = [Int32](repeating: 0, count: Int(counts[maxID + 1]))
        for (m, i) in members.enumerated() {
            for id in distinct[m] { postings[Int(fill[Int(id)])] = Int32(i); fill[Int(id)] += 1 }
        }
        shared = [Int32](repeating: 0, count: sentences.count)
    }

    /// The sentences sharing the most distinct tokens with `ids`, at most `best` of them (ties: lower index first).
    mutating func candidates(for ids: ArraySlice<UInt32>, best: Int) -> [Int] {
        var touched: [Int] = []
        let tokenCount = postingStart.count - 1
        for id in uniqueSorted(ids) where Int(id) < tokenCount {
            let lo = Int(postingStart[Int(id)]), hi = Int(postingStart[Int(id) + 1])
            guard hi > lo, hi - lo <= limit else { continue }
            for p in lo..<hi {
                let i = Int(postings[p])
                if shared[i] == 0 { touched.append(i) }
                shared[i] += 1
            }
        }
        let order = touched.sorted { shared[$0] != shared[$1] ? shared[$0] > shared[$1] : $0 < $1 }
        let chosen = Array(order.prefix(best))
        for i in touched { shared[i] = 0 }
        return chosen
    }
}
