import Foundation

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
