import Foundation

/// What a token is. Punctuation and whitespace are not tokens; sentence boundaries are kept as spans.
public enum TokenKind: UInt8, Sendable, Codable {
    case word, number, url, email, cjk
}

/// One token: its interned normalised form and where it stands in the UTF-8 bytes of the text.
/// This is the tokenizer's working form (the sentence and paragraph splitters read it at load time) and what
/// `TokenizedText.token(_:)` decodes for display; texts do not store it (see `TokenizedText` for the layout).
/// The end is a 16-bit length, so a token is at most 65,535 bytes long (the tokenizer cuts longer runs).
public struct Token: Sendable, Equatable {
    public var id: UInt32
    public var start: UInt32
    private var length: UInt16
    public var kind: TokenKind
    /// How the surface follows from the form (`SurfaceCode`), when the tokenizer saw it while normalising
    /// (in the padding byte: a token is still 12 bytes); else `SurfaceCode.unknown`. Not part of equality.
    var surface: UInt8 = SurfaceCode.unknown

    public static let maxLength = Int(UInt16.max)

    public init(id: UInt32, start: UInt32, end: UInt32, kind: TokenKind) {
        self.id = id; self.start = start; self.length = UInt16(clamping: end &- start); self.kind = kind
    }

    init(id: UInt32, start: UInt32, end: UInt32, kind: TokenKind, surface: UInt8) {
        self.init(id: id, start: start, end: end, kind: kind)
        self.surface = surface
    }

    public static func == (a: Token, b: Token) -> Bool {
        a.id == b.id && a.start == b.start && a.length == b.length && a.kind == b.kind
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

    init(_ tokenStart: UInt32, _ tokenEnd: UInt32, _ byteStart: UInt32, _ byteEnd: UInt32) {
        self.tokenStart = tokenStart; self.tokenEnd = tokenEnd; self.byteStart = byteStart; self.byteEnd = byteEnd
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

/// A text's token ids, 16-bit when every id of the text is below 65,536 (chosen per text: a news article of
/// a corpus with a vocabulary under 65,536 forms, or one using only its first 65,536 forms), else 32-bit.
/// A view of the text's storage (which it keeps alive).
public struct TokenIDs: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let owner: AnyObject?
    @usableFromInline let narrow: UnsafePointer<UInt16>?
    @usableFromInline let wide: UnsafePointer<UInt32>?
    @usableFromInline let length: Int

    init(owner: AnyObject?, narrow: UnsafePointer<UInt16>?, wide: UnsafePointer<UInt32>?, count: Int) {
        self.owner = owner; self.narrow = narrow; self.wide = wide; self.length = count
    }

    /// Whether ids are stored in 32 bits.
    @inlinable public var isWide: Bool { wide != nil }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { length }
    @inlinable @inline(__always) public subscript(i: Int) -> UInt32 {
        precondition(i >= 0 && i < length, "token index out of range")
        if let wide { return wide[i] }
        return UInt32(narrow.unsafelyUnwrapped[i])
    }

    /// The ids without bounds checks or copies, for loops over every token.
    @inlinable @inline(__always)
    public func withUnsafeIDs<R>(_ body: (TokenIDBuffer) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(TokenIDBuffer(narrow: narrow, wide: wide, count: length)) }
    }

    /// Bytes held per token id (2 or 4).
    public var bytesPerID: Int { isWide ? 4 : 2 }
}

/// Unsafe view of a text's ids (valid inside `TokenIDs.withUnsafeIDs` only).
public struct TokenIDBuffer: RandomAccessCollection {
    @usableFromInline let narrow: UnsafePointer<UInt16>?
    @usableFromInline let wide: UnsafePointer<UInt32>?
    public let count: Int
    @inlinable init(narrow: UnsafePointer<UInt16>?, wide: UnsafePointer<UInt32>?, count: Int) {
        self.narrow = narrow; self.wide = wide; self.count = count
    }
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable @inline(__always) public subscript(i: Int) -> UInt32 {
        if let wide { return wide[i] }
        return UInt32(narrow.unsafelyUnwrapped[i])
    }
}
