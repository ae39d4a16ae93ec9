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

/// The kind of every vocabulary id. In practice a token's kind follows from its normalised form (a number
/// starts with a digit, a URL holds "://" or "www.", an e-mail an "@", CJK forms have no Latin letters), so
/// it is kept once per id rather than once per token (17 M bytes on a 100 MB corpus); a text records the
/// rare token whose kind differs from its form's first-seen kind, so no token's kind is lost.
/// Append-only: an id's kind is written under the vocabulary's lock before any text holding the id is
/// published, and pages never move, so readers take no lock.
public final class TokenKindTable: @unchecked Sendable {
    @usableFromInline static let pageBits = 16, pageMask = (1 << 16) - 1
    private static let maxPages = 1 << 16
    @usableFromInline let pages: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>

    public init() {
        // calloc: only the page pointers actually written become resident.
        pages = calloc(TokenKindTable.maxPages, MemoryLayout<UnsafeMutablePointer<UInt8>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<UInt8>?.self, capacity: TokenKindTable.maxPages)
    }

    deinit {
        for p in 0..<TokenKindTable.maxPages { if let page = pages[p] { free(page) } }
        free(pages)
    }

    /// Records the kind of a new id (callers serialise writes: the vocabulary's lock).
    func set(_ id: UInt32, _ kind: TokenKind) {
        let p = Int(id) >> TokenKindTable.pageBits
        if pages[p] == nil { pages[p] = calloc(TokenKindTable.pageMask + 1, 1)!.bindMemory(to: UInt8.self, capacity: TokenKindTable.pageMask + 1) }
        pages[p]![Int(id) & TokenKindTable.pageMask] = kind.rawValue
    }

    /// The kind of an id that a published text holds.
    @inlinable @inline(__always) public subscript(id: UInt32) -> TokenKind {
        guard let page = pages[Int(id) >> TokenKindTable.pageBits] else { return .word }
        // Only raw values of `TokenKind` are ever stored (a fresh page is zero: `.word`).
        return unsafeBitCast(page[Int(id) & TokenKindTable.pageMask], to: TokenKind.self)
    }
}

/// A text's token ids, 16-bit when every id of the text is below 65,536 (chosen per text: a news article of
/// a corpus with a vocabulary under 65,536 forms, or one using only its first 65,536 forms), else 32-bit.
public struct TokenIDs: RandomAccessCollection, Sendable {
    @usableFromInline let narrow: [UInt16]
    @usableFromInline let wide: [UInt32]
    /// Whether ids are stored in 32 bits.
    public let isWide: Bool

    init<C: Collection>(_ ids: C) where C.Element == UInt32 {
        if let largest = ids.max(), largest > UInt32(UInt16.max) {
            wide = Array(ids); narrow = []; isWide = true
        } else {
            narrow = ids.map { UInt16(truncatingIfNeeded: $0) }; wide = []; isWide = false
        }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { isWide ? wide.count : narrow.count }
    @inlinable @inline(__always) public subscript(i: Int) -> UInt32 { isWide ? wide[i] : UInt32(narrow[i]) }

    /// The ids without bounds checks or copies, for loops over every token.
    @inlinable @inline(__always)
    public func withUnsafeIDs<R>(_ body: (TokenIDBuffer) throws -> R) rethrows -> R {
        if isWide { return try wide.withUnsafeBufferPointer { try body(TokenIDBuffer(narrow: nil, wide: $0.baseAddress, count: $0.count)) } }
        return try narrow.withUnsafeBufferPointer { try body(TokenIDBuffer(narrow: $0.baseAddress, wide: nil, count: $0.count)) }
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

/// A text tokenised once: token ids (into a shared `Vocabulary`), where each token stands, sentences and
/// paragraphs. Everything later works on these; nothing re-tokenises.
///
/// Layout (4 bytes a token instead of a 12-byte `Token`; a 100 MB corpus has ~17 M tokens):
/// - `ids`: 16- or 32-bit per text (`TokenIDs`) — what analysis reads on every pass;
/// - kinds: per vocabulary id (`TokenKindTable`), plus the text's rare tokens whose kind differs;
/// - byte offsets, read for display (kwic, explain, diff) and a few per-token checks: per token one byte of
///   gap from the previous token's end and one byte of length; 255 in either escapes to an exact (start, end)
///   kept aside. The absolute start of every 64th token is kept, so `range(ofToken:)` decodes at most 63
///   neighbours; `offsetCursor()` walks tokens in order at one step each.
public struct TokenizedText: Sendable {
    public let utf8: [UInt8]
    public let sentences: [TextSpan]
    public let paragraphs: [TextSpan]
    /// The per-token arrays behind one reference: copying a text (selections do) retains 4 objects, not 8.
    @usableFromInline let storage: TokenStorage
    /// Kept beside the reference, not read through it: listing tens of thousands of articles' word counts
    /// would otherwise touch every text's storage object (a cache miss each).
    public let tokenCount: Int

    @inlinable public var ids: TokenIDs { storage.ids }
    /// Kinds of the vocabulary's ids (shared by every text of the vocabulary).
    @inlinable public var kinds: TokenKindTable { storage.kinds }
    private var spacing: [UInt8] { storage.spacing }
    private var anchors: [UInt32] { storage.anchors }
    private var kindExceptions: [UInt64] { storage.kindExceptions }

    static let anchorStride = 64
    private static let escape: UInt8 = 255

    /// Compacts the tokenizer's tokens (ascending, non-overlapping byte ranges).
    public init(utf8: [UInt8], tokens: [Token], sentences: [TextSpan], paragraphs: [TextSpan], kinds: TokenKindTable) {
        self.utf8 = utf8
        // Spans are kept for the session: drop the splitters' spare capacity.
        self.sentences = TokenizedText.exact(sentences); self.paragraphs = TokenizedText.exact(paragraphs)
        let ids = TokenIDs(tokens.lazy.map(\.id))
        let n = tokens.count
        tokenCount = n
        let blocks = (n + TokenizedText.anchorStride - 1) / TokenizedText.anchorStride
        var anchors = [UInt32](repeating: 0, count: blocks)
        var escaped: [UInt32] = []
        var kindExceptions: [UInt64] = []
        let spacing = [UInt8](unsafeUninitializedCapacity: 2 * n) { out, count in
            var previousEnd: UInt32 = 0
            for (k, t) in tokens.enumerated() {
                precondition(t.start >= previousEnd && t.end >= t.start, "tokens must be ascending and disjoint")
                if k % TokenizedText.anchorStride == 0 { anchors[k / TokenizedText.anchorStride] = t.start }
                let gap = t.start - previousEnd, length = t.end - t.start
                if gap < UInt32(TokenizedText.escape) && length < UInt32(TokenizedText.escape) {
                    out[2 * k] = UInt8(gap); out[2 * k + 1] = UInt8(length)
                } else {
                    out[2 * k] = TokenizedText.escape; out[2 * k + 1] = TokenizedText.escape
                    escaped.append(UInt32(k)); escaped.append(t.start); escaped.append(t.end)
                }
                if kinds[t.id] != t.kind { kindExceptions.append(UInt64(k) << 8 | UInt64(t.kind.rawValue)) }
                previousEnd = t.end
            }
            count = 2 * n
        }
        if !escaped.isEmpty { anchors.append(contentsOf: escaped) }
        storage = TokenStorage(ids: ids, spacing: spacing, anchors: anchors, kindExceptions: kindExceptions, kinds: kinds)
    }

    private static func exact<T>(_ array: [T]) -> [T] {
        array.capacity == array.count ? array : array.withUnsafeBufferPointer { Array($0) }
    }

    public var wordCount: Int { tokenCount }

    /// The kind of token `k`.
    @inlinable @inline(__always) public func kind(ofToken k: Int) -> TokenKind { kind(ofToken: k, id: ids[k]) }

    /// Whether some token's kind differs from its id's kind in `kinds` (when not, `kinds[ids[k]]` is the kind).
    @inlinable public var hasKindExceptions: Bool { !storage.kindExceptions.isEmpty }

    /// The kind of token `k` whose id (`ids[k]`) the caller already read.
    @inlinable @inline(__always) public func kind(ofToken k: Int, id: UInt32) -> TokenKind {
        if storage.kindExceptions.isEmpty { return storage.kinds[id] }
        return exceptionalKind(k) ?? storage.kinds[id]
    }

    @usableFromInline func exceptionalKind(_ k: Int) -> TokenKind? {
        var lo = 0, hi = kindExceptions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let at = Int(kindExceptions[mid] >> 8)
            if at == k { return TokenKind(rawValue: UInt8(truncatingIfNeeded: kindExceptions[mid])) }
            if at < k { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The exact (start, end) of an escaped token.
    private func escapedRange(_ k: Int) -> Range<Int> {
        let first = (ids.count + TokenizedText.anchorStride - 1) / TokenizedText.anchorStride
        var lo = 0, hi = (anchors.count - first) / 3
        while lo < hi {
            let mid = (lo + hi) / 2
            let at = Int(anchors[first + 3 * mid])
            if at == k { return Int(anchors[first + 3 * mid + 1])..<Int(anchors[first + 3 * mid + 2]) }
            if at < k { lo = mid + 1 } else { hi = mid }
        }
        preconditionFailure("token \(k) is marked escaped but has no stored range")
    }

    /// The byte range of token `k` in `utf8`.
    public func range(ofToken k: Int) -> Range<Int> {
        precondition(k >= 0 && k < ids.count, "token index \(k) out of range")
        var j = k - k % TokenizedText.anchorStride
        var start = Int(anchors[j / TokenizedText.anchorStride])
        while true {
            let gap = spacing[2 * j], length = spacing[2 * j + 1]
            let range: Range<Int>
            if gap == TokenizedText.escape && length == TokenizedText.escape { range = escapedRange(j) } else { range = start..<(start + Int(length)) }
            if j == k { return range }
            j += 1
            start = range.upperBound + Int(spacing[2 * j])
        }
    }

    /// From the start of the first to the end of the last of a non-empty range of tokens.
    public func range(ofTokens tokens: Range<Int>) -> Range<Int> {
        precondition(!tokens.isEmpty, "empty token range")
        return range(ofToken: tokens.lowerBound).lowerBound..<range(ofToken: tokens.upperBound - 1).upperBound
    }

    /// Token `k` as the tokenizer produced it.
    public func token(_ k: Int) -> Token {
        let r = range(ofToken: k)
        return Token(id: ids[k], start: UInt32(r.lowerBound), end: UInt32(r.upperBound), kind: kind(ofToken: k))
    }

    /// Every token, decoded (for display and tests; analysis reads `ids`).
    public func allTokens() -> [Token] {
        var cursor = offsetCursor()
        return (0..<ids.count).map { k in
            let r = cursor.range(ofToken: k)
            return Token(id: ids[k], start: UInt32(r.lowerBound), end: UInt32(r.upperBound), kind: kind(ofToken: k))
        }
    }

    /// The start offset of every token, decoded into a temporary buffer (valid inside `body` only): for loops
    /// that test a byte of each token.
    public func withTokenStarts<R>(_ body: (UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        let n = ids.count
        return try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, n)) { starts in
            spacing.withUnsafeBufferPointer { sp in
                var end = 0
                for k in 0..<n {
                    let gap = sp[2 * k], length = sp[2 * k + 1]
                    if gap == TokenizedText.escape && length == TokenizedText.escape {
                        let r = escapedRange(k)
                        starts[k] = UInt32(r.lowerBound); end = r.upperBound
                    } else {
                        let start = end + Int(gap)
                        starts[k] = UInt32(start); end = start + Int(length)
                    }
                }
            }
            return try body(UnsafeBufferPointer(rebasing: starts[0..<n]))
        }
    }

    /// Byte ranges of tokens asked for in ascending order, one step each (any order works, more slowly).
    public func offsetCursor() -> OffsetCursor { OffsetCursor(text: self) }

    public struct OffsetCursor {
        let text: TokenizedText
        private var index = -1
        private var end = 0

        init(text: TokenizedText) { self.text = text }

        public mutating func range(ofToken k: Int) -> Range<Int> {
            let r: Range<Int>
            if k == index + 1 {
                let gap = text.spacing[2 * k], length = text.spacing[2 * k + 1]
                if gap == TokenizedText.escape && length == TokenizedText.escape { r = text.escapedRange(k) } else {
                    let start = end + Int(gap)
                    r = start..<(start + Int(length))
                }
            } else {
                r = text.range(ofToken: k)
            }
            index = k; end = r.upperBound
            return r
        }
    }

    /// The original text of a byte range (for display).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    /// The surface text of one token as written.
    public func surface(_ token: Token) -> String { text(token.byteRange) }
    public func surface(ofToken k: Int) -> String { text(range(ofToken: k)) }

    /// Bytes held for tokens (ids, offsets, escapes), for memory accounting.
    public var tokenBytes: Int { ids.count * ids.bytesPerID + spacing.count + anchors.count * 4 + kindExceptions.count * 8 }
}

/// The compact per-token arrays of one text (see `TokenizedText`).
@usableFromInline final class TokenStorage: @unchecked Sendable {
    @usableFromInline let ids: TokenIDs
    /// (gap, length) byte pairs, one pair per token.
    let spacing: [UInt8]
    /// The start of tokens 0, 64, 128, …, then (token index, start, end) triples of escaped tokens, by index.
    let anchors: [UInt32]
    /// Tokens whose kind is not their id's kind in `kinds`: token index << 8 | kind, by index. Almost always empty.
    @usableFromInline let kindExceptions: [UInt64]
    @usableFromInline let kinds: TokenKindTable

    init(ids: TokenIDs, spacing: [UInt8], anchors: [UInt32], kindExceptions: [UInt64], kinds: TokenKindTable) {
        self.ids = ids; self.spacing = spacing; self.anchors = anchors; self.kindExceptions = kindExceptions; self.kinds = kinds
    }
}
