/// A stretch of a text rebuilt once: its bytes and the byte ranges of its tokens. For code that reads many
/// pieces of a few passages (a diff's changed sentences, a summary's changed paragraphs): each piece is then a
/// slice, not a decode of its own from the nearest anchor. Offsets are the text's own (as `range(ofToken:)`).
public struct TextPassage: Sendable {
    /// Where the passage lies in the text, and its tokens.
    public let byteRange: Range<Int>
    public let tokens: Range<Int>
    public let bytes: [UInt8]
    private let tokenRanges: [Range<Int>]

    /// The passage of `text` from the start of its first token (or `bytes.lowerBound`, when given) to the end
    /// of its last, with the tokens `tokens`.
    public init(_ text: TokenizedText, tokens: Range<Int>, bytes: Range<Int>) {
        self.tokens = tokens
        tokenRanges = text.ranges(ofTokens: tokens)
        let lower = min(bytes.lowerBound, tokenRanges.first?.lowerBound ?? bytes.lowerBound)
        let upper = max(bytes.upperBound, tokenRanges.last?.upperBound ?? bytes.upperBound)
        byteRange = lower..<upper
        self.bytes = text.bytes(in: byteRange)
    }

    /// A sentence or paragraph of `text`.
    public init(_ text: TokenizedText, span: TextSpan) { self.init(text, tokens: span.tokens, bytes: span.bytes) }

    /// Whether the passage holds token `k`.
    public func contains(token k: Int) -> Bool { tokens.contains(k) }

    /// The byte range of token `k` (one of the passage's) in the text.
    public func range(ofToken k: Int) -> Range<Int> { tokenRanges[k - tokens.lowerBound] }

    /// From the start of the first to the end of the last of a non-empty range of the passage's tokens.
    public func range(ofTokens r: Range<Int>) -> Range<Int> { range(ofToken: r.lowerBound).lowerBound..<range(ofToken: r.upperBound - 1).upperBound }

    /// The byte at offset `i` of the text (inside the passage).
    public subscript(i: Int) -> UInt8 { bytes[i - byteRange.lowerBound] }

    /// The text of a byte range inside the passage.
    public func text(_ r: Range<Int>) -> String {
        let base = byteRange.lowerBound
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[(r.lowerBound - base)..<(r.upperBound - base)]), as: UTF8.self) }
    }

    /// The passage's tokens lying inside a byte range of it.
    public func tokens(inside r: Range<Int>) -> Range<Int> {
        var lo = 0
        while lo < tokenRanges.count, tokenRanges[lo].lowerBound < r.lowerBound { lo += 1 }
        var end = lo
        while end < tokenRanges.count, tokenRanges[end].upperBound <= r.upperBound { end += 1 }
        return (tokens.lowerBound + lo)..<(tokens.lowerBound + end)
    }
}
