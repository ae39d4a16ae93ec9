import Foundation
import LedeText

/// One concordance line: context words either side of a match, where it was found.
public struct ConcordanceLine: Codable, Sendable, Equatable {
    public var left: String
    public var match: String
    public var right: String
    public var article: String
    /// 1-based word number of the match in its text, and its byte offset.
    public var position: Int
    public var offset: Int
}

public enum Concordance {
    public enum Sort: String, Sendable, CaseIterable { case text, left, right }

    /// Key-word-in-context lines for `pattern` in `texts` (label, text) with `window` words either side.
    /// `.left` sorts by the words before the match, nearest first; `.right` by the words after it.
    public static func lines(_ pattern: TermPattern, in texts: [(label: String, text: TokenizedText)], window: Int,
                             sort: Sort = .text, forms: [String]) throws -> [ConcordanceLine] {
        var out: [(line: ConcordanceLine, key: [String])] = []
        for (i, item) in texts.enumerated() {
            if i & 255 == 255 { try Cancellation.check() }
            let text = item.text
            let ids = text.ids
            for m in pattern.matches(in: text) {
                let leftStart = max(0, m.lowerBound - window)
                let rightEnd = min(ids.count, m.upperBound + window)
                let match = text.range(ofTokens: m)
                // Context runs up to the match, punctuation included ("talks, and" keeps its comma).
                let left = m.lowerBound > leftStart
                    ? clean(text, text.range(ofToken: leftStart).lowerBound..<match.lowerBound) : ""
                let right = rightEnd > m.upperBound
                    ? clean(text, match.upperBound..<text.range(ofToken: rightEnd - 1).upperBound) : ""
                let key: [String]
                switch sort {
                case .text: key = []
                case .left: key = (leftStart..<m.lowerBound).reversed().map { forms[Int(ids[$0])] }
                case .right: key = (m.upperBound..<rightEnd).map { forms[Int(ids[$0])] }
                }
                out.append((ConcordanceLine(left: left, match: clean(text, match),
                                            right: right, article: item.label, position: m.lowerBound + 1,
                                            offset: match.lowerBound), key))
            }
        }
        if sort != .text {
            // Stable: equal keys keep text order.
            out = out.enumerated().sorted { a, b in
                a.element.key != b.element.key ? a.element.key.lexicographicallyPrecedes(b.element.key) : a.offset < b.offset
            }.map(\.element)
        }
        return out.map(\.line)
    }

    /// Text of a byte range with runs of whitespace (line breaks included) as one space.
    static func clean(_ text: TokenizedText, _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var space = false
        for b in text.bytes(in: range) {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { space = true; continue }
            if space, !bytes.isEmpty { bytes.append(0x20) }
            space = false
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
