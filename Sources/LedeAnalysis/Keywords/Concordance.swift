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
    /// The order of the lines: as found; by the words before the match (nearest first) or after it; or, as
    /// AntConc sorts, by chosen positions in turn: `L1` the word just before the match, `R2` the second after it,
    /// `M` the match itself (`R1,R2`, or AntConc's own `1R,2R`).
    public enum Sort: Sendable, Equatable, CustomStringConvertible {
        case text, left, right
        case positions([Position])

        /// A word position around the match: negative before it, positive after it, 0 the match.
        public struct Position: Sendable, Equatable { public var offset: Int }

        public init?(parsing text: String) {
            switch text.lowercased() {
            case "text": self = .text
            case "left": self = .left
            case "right": self = .right
            default:
                var positions: [Position] = []
                for part in text.uppercased().split(separator: ",", omittingEmptySubsequences: false) {
                    let p = part.trimmingCharacters(in: .whitespaces)
                    if p == "M" || p == "K" || p == "0" { positions.append(Position(offset: 0)); continue }
                    // L1 or 1L.
                    guard let side = p.first(where: { $0 == "L" || $0 == "R" }), p.filter({ $0 == "L" || $0 == "R" }).count == 1,
                          p.first == side || p.last == side, let n = Int(p.filter(\.isNumber)), p.count == String(n).count + 1,
                          (1...50).contains(n) else { return nil }
                    positions.append(Position(offset: side == "L" ? -n : n))
                }
                guard !positions.isEmpty else { return nil }
                self = .positions(positions)
            }
        }

        public var description: String {
            switch self {
            case .text: return "text"
            case .left: return "left"
            case .right: return "right"
            case .positions(let p): return p.map { $0.offset == 0 ? "M" : ($0.offset < 0 ? "L\(-$0.offset)" : "R\($0.offset)") }.joined(separator: ",")
            }
        }
    }

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
                case .positions(let positions):
                    // A position past the text's edge sorts first (empty), as AntConc does.
                    key = positions.map { p in
                        if p.offset == 0 { return m.map { forms[Int(ids[$0])] }.joined(separator: " ") }
                        let i = p.offset < 0 ? m.lowerBound + p.offset : m.upperBound + p.offset - 1
                        return i >= 0 && i < ids.count ? forms[Int(ids[i])] : ""
                    }
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
