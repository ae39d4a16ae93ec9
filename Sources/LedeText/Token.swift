/// What a token is. Punctuation and whitespace are not tokens; sentence boundaries are kept as spans.
public enum TokenKind: UInt8, Sendable, Codable {
    case word, number, url, email, cjk
}

/// One token: its interned normalised form and where it stands in the UTF-8 bytes of the text.
/// 12 bytes (a 100 MB corpus has ~17 M tokens): the end is stored as a 16-bit length, so a token is at
/// most 65,535 bytes long (the tokenizer cuts longer runs).
public struct Token: Sendable, Equatable {
    public var id: UInt32
    public var start: UInt32
    private var length: UInt16
    public var kind: TokenKind

    public static let maxLength = Int(UInt16.max)

    public init(id: UInt32, start: UInt32, end: UInt32, kind: TokenKind) {
        self.id = id; self.start = start; self.length = UInt16(clamping: end &- start); self.kind = kind
    }

    public var end: UInt32 {
        get { start + UInt32(length) }
        set { length = UInt16(clamping: newValue &- start) }
    }

    public var byteRange: Range<Int> { Int(start)..<Int(end) }
}

/// A stretch of a text: a range of token indices and the byte range it covers.
/// Stored as four 32-bit bounds (16 bytes, not 32: a 100 MB corpus has ~1 M sentence and paragraph spans);
/// a text is already limited to 32-bit byte offsets by `Token.start`. Encoded as before: `tokens` and `bytes`.
public struct TextSpan: Sendable, Equatable, Codable {
    private var tokenStart: UInt32, tokenEnd: UInt32
    private var byteStart: UInt32, byteEnd: UInt32

    public init(tokens: Range<Int>, bytes: Range<Int>) {
        tokenStart = UInt32(tokens.lowerBound); tokenEnd = UInt32(tokens.upperBound)
        byteStart = UInt32(bytes.lowerBound); byteEnd = UInt32(bytes.upperBound)
    }

    public var tokens: Range<Int> {
        get { Int(tokenStart)..<Int(tokenEnd) }
        set { tokenStart = UInt32(newValue.lowerBound); tokenEnd = UInt32(newValue.upperBound) }
    }

    public var bytes: Range<Int> {
        get { Int(byteStart)..<Int(byteEnd) }
        set { byteStart = UInt32(newValue.lowerBound); byteEnd = UInt32(newValue.upperBound) }
    }

    private enum CodingKeys: String, CodingKey { case tokens, bytes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let tokens = try c.decode(Range<Int>.self, forKey: .tokens), bytes = try c.decode(Range<Int>.self, forKey: .bytes)
        guard tokens.lowerBound >= 0, tokens.upperBound <= Int(UInt32.max), bytes.lowerBound >= 0, bytes.upperBound <= Int(UInt32.max) else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "span bounds out of range"))
        }
        self.init(tokens: tokens, bytes: bytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(bytes, forKey: .bytes)
    }
}

/// A text tokenised once: tokens (ids into a shared `Vocabulary`), sentences and paragraphs.
/// Everything later works on these arrays; nothing re-tokenises.
public struct TokenizedText: Sendable {
    public let utf8: [UInt8]
    public let tokens: [Token]
    public let sentences: [TextSpan]
    public let paragraphs: [TextSpan]

    public init(utf8: [UInt8], tokens: [Token], sentences: [TextSpan], paragraphs: [TextSpan]) {
        self.utf8 = utf8; self.tokens = tokens; self.sentences = sentences; self.paragraphs = paragraphs
    }

    /// The original text of a byte range (for display).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    /// The surface text of one token as written.
    public func surface(_ token: Token) -> String { text(token.byteRange) }

    public var wordCount: Int { tokens.count }
}
