import Foundation

/// How a body's paragraphs are kept: a body is its paragraphs joined by a blank line ("\n\n"), so in the usual
/// case splitting it at blank lines gives them back and nothing else is stored; a body where that would not
/// hold (an empty paragraph, a paragraph with a blank line or a line break at an edge) keeps its bounds.
enum ParagraphLayout {
    static let newline = UInt8(ascii: "\n")

    static func isPlain(_ body: [UInt8], _ ranges: [Range<Int>]) -> Bool {
        if ranges.isEmpty { return body.isEmpty }
        if ranges[0].lowerBound != 0 || ranges[ranges.count - 1].upperBound != body.count { return false }
        return body.withUnsafeBufferPointer { b in
            for (k, r) in ranges.enumerated() {
                if r.isEmpty || b[r.lowerBound] == newline || b[r.upperBound - 1] == newline { return false }
                if k > 0 {
                    let gap = ranges[k - 1].upperBound
                    if r.lowerBound != gap + 2 || b[gap] != newline || b[gap + 1] != newline { return false }
                }
                // A blank line inside the paragraph: look for each line break with memchr, then at its successor.
                var i = r.lowerBound
                while i + 1 < r.upperBound, let base = b.baseAddress,
                      let hit = memchr(base + i, Int32(newline), r.upperBound - 1 - i) {
                    let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if b[k + 1] == newline { return false }
                    i = k + 1
                }
            }
            return true
        }
    }

    /// The paragraphs of a plain body: split at each blank line.
    static func split(_ body: [UInt8]) -> [Range<Int>] {
        if body.isEmpty { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        body.withUnsafeBufferPointer { b in
            let base = b.baseAddress!
            var i = 0
            // memchr finds each newline; a blank line is two in a row.
            while i + 1 < b.count, let found = memchr(base + i, Int32(newline), b.count - 1 - i) {
                let k = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if b[k + 1] == newline {
                    ranges.append(start..<k)
                    i = k + 2
                    start = i
                } else {
                    i = k + 1
                }
            }
        }
        ranges.append(start..<body.count)
        return ranges
    }

    static func encode(_ ranges: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 * ranges.count)
        for r in ranges {
            for v in [UInt32(r.lowerBound), UInt32(r.upperBound)] { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    static func decode(_ bytes: [UInt8], bodyCount: Int) -> [Range<Int>]? {
        guard bytes.count % 8 == 0 else { return nil }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 8)
        var i = 0
        while i < bytes.count {
            var lo = 0, hi = 0
            for k in 0..<4 { lo |= Int(bytes[i + k]) << (8 * k); hi |= Int(bytes[i + 4 + k]) << (8 * k) }
            guard lo <= hi, hi <= bodyCount else { return nil }
            ranges.append(lo..<hi)
            i += 8
        }
        return ranges
    }
}
