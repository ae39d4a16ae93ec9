/// One step of a word diff: a run of tokens kept, deleted from the old text or inserted in the new one.
/// Ranges are token indices into the two sequences that were compared.
public struct WordOp: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case equal, delete, insert }
    public var kind: Kind
    public var a: Range<Int>
    public var b: Range<Int>
    public init(_ kind: Kind, a: Range<Int>, b: Range<Int>) { self.kind = kind; self.a = a; self.b = b }
}

/// A minimal word diff (Myers' O(ND) greedy algorithm) over interned token ids: the kept runs form a
/// longest common subsequence. Only ever run on short stretches (changed sentences), never a whole article.
public enum WordDiff {
    /// Beyond this many edits the trace (O(D²) memory) is not kept: the middle is reported as replaced.
    public static let maxEdits = 4_000

    public static func diff(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> [WordOp] {
        let aBase = a.startIndex, bBase = b.startIndex
        // Common prefix and suffix cost nothing and shrink the search.
        var lo = 0
        let n0 = a.count, m0 = b.count
        while lo < n0, lo < m0, a[aBase + lo] == b[bBase + lo] { lo += 1 }
        var hi = 0
        while hi < n0 - lo, hi < m0 - lo, a[aBase + n0 - 1 - hi] == b[bBase + m0 - 1 - hi] { hi += 1 }
        var ops: [WordOp] = []
        if lo > 0 { ops.append(WordOp(.equal, a: 0..<lo, b: 0..<lo)) }
        let midA = Array(a[(aBase + lo)..<(aBase + n0 - hi)])
        let midB = Array(b[(bBase + lo)..<(bBase + m0 - hi)])
        for op in middle(midA, midB) {
            append(&ops, WordOp(op.kind, a: (op.a.lowerBound + lo)..<(op.a.upperBound + lo),
                                b: (op.b.lowerBound + lo)..<(op.b.upperBound + lo)))
        }
        if hi > 0 { append(&ops, WordOp(.equal, a: (n0 - hi)..<n0, b: (m0 - hi)..<m0)) }
        return grouped(ops)
    }

    /// Between two kept runs the deleted tokens form one range of `a` and the inserted ones one range of `b`:
    /// report them as one deletion followed by one insertion ("[-12-]{+15+}"), not interleaved single words.
    static func grouped(_ ops: [WordOp]) -> [WordOp] {
        var out: [WordOp] = []
        var i = 0
        while i < ops.count {
            if ops[i].kind == .equal { out.append(ops[i]); i += 1; continue }
            let aStart = ops[i].a.lowerBound, bStart = ops[i].b.lowerBound
            var aEnd = aStart, bEnd = bStart
            while i < ops.count, ops[i].kind != .equal { aEnd = ops[i].a.upperBound; bEnd = ops[i].b.upperBound; i += 1 }
            if aEnd > aStart { out.append(WordOp(.delete, a: aStart..<aEnd, b: bStart..<bStart)) }
            if bEnd > bStart { out.append(WordOp(.insert, a: aEnd..<aEnd, b: bStart..<bEnd)) }
        }
        return out
    }

    public static func diff(_ a: [UInt32], _ b: [UInt32]) -> [WordOp] { diff(a[...], b[...]) }

    /// Number of tokens kept (the LCS length the diff found).
    public static func keptCount(_ ops: [WordOp]) -> Int {
        ops.reduce(0) { $0 + ($1.kind == .equal ? $1.a.count : 0) }
    }

    /// Merges adjacent runs of the same kind.
    static func append(_ ops: inout [WordOp], _ op: WordOp) {
        if op.a.isEmpty && op.b.isEmpty { return }
        if let last = ops.last, last.kind == op.kind, last.a.upperBound == op.a.lowerBound, last.b.upperBound == op.b.lowerBound {
            ops[ops.count - 1] = WordOp(op.kind, a: last.a.lowerBound..<op.a.upperBound, b: last.b.lowerBound..<op.b.upperBound)
        } else {
            ops.append(op)
        }
    }

    static func middle(_ a: [UInt32], _ b: [UInt32]) -> [WordOp] {
        let n = a.count, m = b.count
        if n == 0 && m == 0 { return [] }
        if n == 0 { return [WordOp(.insert, a: 0..<0, b: 0..<m)] }
        if m == 0 { return [WordOp(.delete, a: 0..<n, b: 0..<0)] }
        let maxD = n + m
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        // trace[d] holds v[k] for k in -d...d after step d.
        var trace: [[Int]] = []
        var found = -1
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                for d in 0...maxD {
                    if d > maxEdits { break }
                    var k = -d
                    while k <= d {
                        var x: Int
                        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                            x = v[offset + k + 1]
                        } else {
                            x = v[offset + k - 1] + 1
                        }
                        var y = x - k
                        while x < n, y < m, ap[x] == bp[y] { x += 1; y += 1 }
                        v[offset + k] = x
                        if x >= n && y >= m { found = d; break }
                        k += 2
                    }
                    trace.append(Array(v[(offset - d)...(offset + d)]))
                    if found >= 0 { break }
                }
            }
        }
        if found < 0 {
            // Too different to trace cheaply: everything in the middle is replaced.
            return [WordOp(.delete, a: 0..<n, b: 0..<0), WordOp(.insert, a: n..<n, b: 0..<m)]
        }
        // Walk back through the trace, collecting single steps in reverse.
        var steps: [WordOp] = []
        var x = n, y = m
        var d = found
        while d > 0 {
            let prev = trace[d - 1]  // indices -(d-1)...(d-1), stored at k + d - 1
            let k = x - y
            func at(_ kk: Int) -> Int { prev[kk + d - 1] }
            let down = k == -d || (k != d && at(k - 1) < at(k + 1))
            let prevK = down ? k + 1 : k - 1
            let prevX = at(prevK)
            let prevY = prevX - prevK
            // Diagonal (kept) run after the edit step.
            let startX = down ? prevX : prevX + 1
            let startY = down ? prevY + 1 : prevY
            if x > startX { steps.append(WordOp(.equal, a: startX..<x, b: startY..<y)) }
            if down { steps.append(WordOp(.insert, a: prevX..<prevX, b: prevY..<(prevY + 1))) }
            else { steps.append(WordOp(.delete, a: prevX..<(prevX + 1), b: prevY..<prevY)) }
            x = prevX; y = prevY
            d -= 1
        }
        if x > 0 { steps.append(WordOp(.equal, a: 0..<x, b: 0..<y)) }
        var ops: [WordOp] = []
        for op in steps.reversed() { append(&ops, op) }
        return ops
    }
}
