import Foundation
import LedeText

/// A search term for `kwic` and `collocations`: one or more words ("peace talks"), each a literal form or a
/// pattern with `*` (any letters) and `?` (one letter), matched case-insensitively against the vocabulary
/// once, so matching a text compares integer ids only. The words of a phrase must follow each other with
/// only whitespace between them ("peace talks" does not match "peace, talks" or "peace. Talks").
public struct TermPattern: Sendable {
    public let text: String
    /// Per phrase position: the matching ids as flags indexed by id.
    let positions: [[Bool]]

    public enum Problem: Error, CustomStringConvertible {
        case empty, tooLong
        public var description: String {
            switch self {
            case .empty: return "the search term is empty"
            case .tooLong: return "the search term has more than 8 words"
            }
        }
    }

    public init(_ term: String, forms: [String]) throws {
        let words = term.replacingOccurrences(of: "\u{2019}", with: "'").lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard !words.isEmpty else { throw Problem.empty }
        guard words.count <= 8 else { throw Problem.tooLong }
        text = term
        var index: [String: Int]?
        positions = words.map { word in
            var flags = [Bool](repeating: false, count: forms.count)
            if word.contains(where: { $0 == "*" || $0 == "?" }) {
                for (i, f) in forms.enumerated() where fnmatch(word, f, 0) == 0 { flags[i] = true }
            } else {
                if index == nil { index = Dictionary(forms.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a }) }
                if let i = index![word] { flags[i] = true }
            }
            return flags
        }
    }

    public var length: Int { positions.count }

    /// Whether the phrase matches at token `k` of `text`; returns the end (exclusive) of the match.
    @inline(__always) public func match(_ text: TokenizedText, at k: Int) -> Int? {
        let ids = text.ids
        guard k + positions.count <= ids.count else { return nil }
        for (j, flags) in positions.enumerated() {
            let id = Int(ids[k + j])
            guard id < flags.count, flags[id] else { return nil }
        }
        // The words match: only whitespace may stand between them (the stretch is rebuilt once, here).
        if positions.count > 1 {
            let ranges = text.ranges(ofTokens: k..<(k + positions.count))
            let base = ranges[0].lowerBound
            let bytes = text.bytes(in: base..<ranges[ranges.count - 1].upperBound)
            for j in 1..<ranges.count {
                for byte in bytes[(ranges[j - 1].upperBound - base)..<(ranges[j].lowerBound - base)]
                    where !(byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D) { return nil }
            }
        }
        return k + positions.count
    }

    /// Every match in `text` as token ranges, left to right, not overlapping.
    public func matches(in text: TokenizedText) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let first = positions[0]
        var k = 0
        let ids = text.ids
        let n = ids.count
        while k < n {
            let id = Int(ids[k])
            if id < first.count, first[id], let end = match(text, at: k) { out.append(k..<end); k = end } else { k += 1 }
        }
        return out
    }
}
