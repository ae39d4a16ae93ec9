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
