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
public struct TextSpan: Sendable, Equatable, Codable {
    public var tokens: Range<Int>
    public var bytes: Range<Int>
    public init(tokens: Range<Int>, bytes: Range<Int>) { self.tokens = tokens; self.bytes = bytes }
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
