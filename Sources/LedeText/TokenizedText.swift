import Foundation

/// A text tokenised once: token ids (into a shared `Vocabulary`), where each token stands, sentences and
/// paragraphs. Everything later works on these; nothing re-tokenises.
///
/// The text does not keep its UTF-8 bytes: it rebuilds them from its tokens. A token's surface is almost
/// always its normalised form (kept once per vocabulary in `VocabularyForms`) in lower case, capitalised or in
/// capitals, and the bytes between two tokens are almost always one space, so a text is about 3 bytes a token
/// instead of the ~5.6 bytes of its body plus 4 of token offsets. Layout:
/// - `ids`: 16- or 32-bit per text (`TokenIDs`) — what analysis reads on every pass;
/// - one code byte per token: how its gap (the bytes since the previous token) is written, in the low 5 bits
///   (nothing, " ", "\n\n", ", ", ". ", 1–26 literal bytes, or a longer literal run), and how its surface
///   follows from its form, in the top 2 (as is, first letter capital, ASCII letters capital, or literal);
/// - `literals`: the bytes that are not implied, in text order (literal gaps, literal surfaces, each longer
///   one after its length as a LEB128 varint), then the bytes after the last token;
/// - anchors: for every 64th token, where its gap starts and where its literals start, so a token's byte range
///   decodes at most 63 neighbours; `ranges(ofTokens:)` walks a run of tokens at one step each;
/// - kinds: per vocabulary id (`VocabularyForms`), plus the text's rare tokens whose kind differs.
public struct TokenizedText: Sendable {
    /// Everything per token and per span, in one allocation (see `TokenStorage`).
    @usableFromInline let storage: TokenStorage
    /// Kept beside the reference, not read through it: listing tens of thousands of articles' word counts
    /// would otherwise touch every text's storage object (a cache miss each).
    public let tokenCount: Int
    /// The length of the text in UTF-8 bytes.
    public let byteCount: Int

    @inlinable public var ids: TokenIDs { storage.ids }
    /// Forms and kinds of the vocabulary's ids (shared by every text of the vocabulary).
    @inlinable public var forms: VocabularyForms { storage.forms }
    /// The text's sentences, in order.
    public var sentences: TextSpans { storage.spans(paragraphs: false) }
    /// The text's paragraphs, in order.
    public var paragraphs: TextSpans { storage.spans(paragraphs: true) }

    static let anchorStride = 64

    /// Compacts the tokenizer's tokens (ascending, non-overlapping byte ranges of `utf8`, with ids whose forms
    /// are in `forms`). Any token whose surface does not follow from its form is kept literally, so the text
    /// always gives back exactly `utf8`.
    public init(utf8: [UInt8], tokens: [Token], sentences: [TextSpan], paragraphs: [TextSpan], forms: VocabularyForms) {
        self.init(utf8: utf8, tokens: tokens, sentences: sentences, paragraphs: paragraphs, forms: forms, kindExceptions: nil)
    }

    /// `kindExceptions`, when the caller found them (token index << 8 | kind, by index, for the tokens whose
    /// kind is not their id's kind in `forms`), spares a look at every token's form; so do surface codes that
    /// the tokenizer left in the tokens.
    init(utf8: [UInt8], tokens: [Token], sentences: [TextSpan], paragraphs: [TextSpan], forms: VocabularyForms,
         kindExceptions known: [UInt64]?) {
        let n = tokens.count
        tokenCount = n
        byteCount = utf8.count
        precondition(utf8.count <= Int(UInt32.max), "a text is at most 4 GB")
        var anchors: [UInt32] = []
        anchors.reserveCapacity(2 * ((n + TokenizedText.anchorStride - 1) / TokenizedText.anchorStride))
        var literals = LiteralWriter(capacity: utf8.count / 8 + 16)
        var kindExceptions = known ?? []
        let codes = utf8.withUnsafeBufferPointer { b in
            // At least one byte of capacity: with none the array is the shared empty storage, and setting its
            // count (to 0) writes to that global from every thread that tokenises an empty text.
            [UInt8](unsafeUninitializedCapacity: max(n, 1)) { out, count in
                var previousEnd = 0
                for (k, t) in tokens.enumerated() {
                    let start = Int(t.start), end = Int(t.end)
                    precondition(start >= previousEnd && end >= start && end <= b.count, "tokens must be ascending, disjoint and inside the text")
                    if k % TokenizedText.anchorStride == 0 { anchors.append(UInt32(previousEnd)); anchors.append(UInt32(literals.count)) }
                    let gap = literals.encodeGap(b, previousEnd, start)
                    let surface = t.surface == SurfaceCode.unknown ? literals.encodeSurface(b, start, end, form: forms.bytes(t.id))
                        : literals.encodeSurface(b, start, end, known: t.surface)
                    out[k] = gap | surface << 5
                    if known == nil, forms[t.id] != t.kind { kindExceptions.append(UInt64(k) << 8 | UInt64(t.kind.rawValue)) }
                    previousEnd = end
                }
                literals.append(UnsafeBufferPointer(rebasing: b[previousEnd...]))
                count = n
            }
        }
        storage = TokenStorage(forms: forms, tokens: tokens, codes: codes, literals: literals.bytes, anchors: anchors,
                               sentences: sentences, paragraphs: paragraphs, kindExceptions: kindExceptions,
                               narrowSpans: utf8.count <= Int(UInt16.max) && n <= Int(UInt16.max))
    }

    public var wordCount: Int { tokenCount }

    // MARK: kinds

    /// The kind of token `k`.
    @inlinable @inline(__always) public func kind(ofToken k: Int) -> TokenKind { kind(ofToken: k, id: ids[k]) }

    /// Whether some token's kind differs from its id's kind in `forms` (when not, `forms[ids[k]]` is the kind).
    @inlinable public var hasKindExceptions: Bool { storage.kindExceptionCount != 0 }

    /// The kind of token `k` whose id (`ids[k]`) the caller already read.
    @inlinable @inline(__always) public func kind(ofToken k: Int, id: UInt32) -> TokenKind {
        if storage.kindExceptionCount == 0 { return storage.forms[id] }
        return exceptionalKind(k) ?? storage.forms[id]
    }

    @usableFromInline func exceptionalKind(_ k: Int) -> TokenKind? {
        let exceptions = storage.kindExceptions
        var lo = 0, hi = exceptions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let at = Int(exceptions[mid] >> 8)
            if at == k { return TokenKind(rawValue: UInt8(truncatingIfNeeded: exceptions[mid])) }
            if at < k { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    // MARK: offsets

    /// The byte range of token `k` in the text.
    public func range(ofToken k: Int) -> Range<Int> {
        precondition(k >= 0 && k < tokenCount, "token index \(k) out of range")
        return storage.withLayout { layout in
            var w = layout.walker(fromBlock: k / TokenizedText.anchorStride)
            while w.next < k { w.step(layout) }
            w.step(layout)
            return w.start..<w.end
        }
    }

    /// From the start of the first to the end of the last of a non-empty range of tokens.
    public func range(ofTokens tokens: Range<Int>) -> Range<Int> {
        precondition(!tokens.isEmpty, "empty token range")
        return range(ofToken: tokens.lowerBound).lowerBound..<range(ofToken: tokens.upperBound - 1).upperBound
    }

    /// The byte ranges of a run of tokens, decoded in one pass.
    public func ranges(ofTokens tokens: Range<Int>) -> [Range<Int>] {
        precondition(tokens.lowerBound >= 0 && tokens.upperBound <= tokenCount, "token range \(tokens) out of range")
        if tokens.isEmpty { return [] }
        return storage.withLayout { layout in
            var w = layout.walker(fromBlock: tokens.lowerBound / TokenizedText.anchorStride)
            while w.next < tokens.lowerBound { w.step(layout) }
            return tokens.map { _ in
                w.step(layout)
                return w.start..<w.end
            }
        }
    }

    /// Token `k` as the tokenizer produced it.
    public func token(_ k: Int) -> Token {
        let r = range(ofToken: k)
        return Token(id: ids[k], start: UInt32(r.lowerBound), end: UInt32(r.upperBound), kind: kind(ofToken: k))
    }

    /// Every token, decoded (for display and tests; analysis reads `ids`).
    public func allTokens() -> [Token] {
        let ranges = ranges(ofTokens: 0..<tokenCount)
        return (0..<tokenCount).map { k in
            Token(id: ids[k], start: UInt32(ranges[k].lowerBound), end: UInt32(ranges[k].upperBound), kind: kind(ofToken: k))
        }
    }

    // MARK: bytes

    /// The text's UTF-8 bytes, rebuilt (an allocation and a pass over every token: code that needs only part
    /// of a text reads `bytes(in:)`, `text(_:)` or a `TextPassage`; counts come from `characterCounts`).
    public var utf8: [UInt8] {
        // The copy's spare capacity is the writer's room to copy 16 bytes at a time.
        [UInt8](unsafeUninitializedCapacity: byteCount + VocabularyForms.readSlack) { out, count in
            storage.withLayout { $0.write(fromBlock: 0, throughToken: tokenCount, trailing: true, into: out.baseAddress!) }
            count = byteCount
        }
    }

    /// The text's `CharacterCounts`, read from its tokens' forms and codes without rebuilding the text (equal
    /// to `CharacterCounts.scan(utf8)`). With `capitals` (room for `tokenCount` flags), also whether each token
    /// begins with an ASCII capital (A–Z) as written.
    public func characterCounts(capitals: UnsafeMutablePointer<Bool>? = nil) -> CharacterCounts {
        storage.withLayout { $0.characterCounts(through: tokenCount, capitals: capitals) }
    }

    /// Whether the two texts have the same bytes. Texts built the same way from the same bytes in one
    /// vocabulary store the same layout, so that is compared first; the bytes are rebuilt only when the
    /// layouts differ but the lengths match.
    public func hasSameBytes(as other: TokenizedText) -> Bool {
        if byteCount != other.byteCount { return false }
        if storage.hasSameLayout(as: other.storage) { return true }
        return utf8 == other.utf8
    }

    /// The bytes of a range of the text, decoding only the tokens around it.
    public func bytes(in range: Range<Int>) -> [UInt8] {
        precondition(range.lowerBound >= 0 && range.upperBound <= byteCount, "byte range \(range) outside the text (\(byteCount) bytes)")
        if range.isEmpty { return [] }
        return storage.withLayout { layout in
            // The last anchor at or before the range, then as far as the token that reaches past its end.
            let block = layout.block(containing: range.lowerBound)
            var w = layout.walker(fromBlock: block)
            let base = w.position
            while w.next < tokenCount && w.position < range.upperBound { w.step(layout) }
            let end = w.next == tokenCount ? byteCount : w.position
            // Decoded into a temporary buffer (on the stack when small); one array is made, of the range only.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - base + VocabularyForms.readSlack) { span in
                layout.write(fromBlock: block, throughToken: w.next, trailing: w.next == tokenCount, into: span.baseAddress!)
                return Array(UnsafeBufferPointer(rebasing: span[(range.lowerBound - base)..<(range.upperBound - base)]))
            }
        }
    }

    /// The original text of a byte range (for display).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes(in: range), as: UTF8.self)
    }

    /// The surface text of one token as written.
    public func surface(_ token: Token) -> String { text(token.byteRange) }
    public func surface(ofToken k: Int) -> String { text(range(ofToken: k)) }

    /// Bytes held for the text (ids, codes, literals, anchors, spans, kind exceptions), for memory accounting.
    public var storedBytes: Int { storage.blobSize }
}

/// The compact per-token arrays and spans of one text, in one allocation (see `TokenizedText`): a text costs
/// two heap blocks (this object and its bytes), not one per array. The bytes hold, each aligned for its type:
/// kind exceptions (64-bit), anchors (32-bit), sentence then paragraph spans (four 16-bit bounds when the text
/// is under 64 KB and 65,536 tokens, else four 32-bit), ids (16- or 32-bit), codes, literals.
@usableFromInline final class TokenStorage: @unchecked Sendable {
    @usableFromInline let forms: VocabularyForms
    private let blob: UnsafeMutableRawPointer
    let blobSize: Int
    @usableFromInline let tokenCount: Int
    @usableFromInline let kindExceptionCount: Int
    private let wideIDs: Bool, narrowSpans: Bool
    // Byte offsets into `blob`, and counts.
    private let anchorsAt: Int32, anchorCount: Int32, sentencesAt: Int32, sentenceCount: Int32
    private let paragraphsAt: Int32, paragraphCount: Int32, idsAt: Int32, codesAt: Int32, literalsAt: Int32, literalCount: Int32

    init(forms: VocabularyForms, tokens: [Token], codes: [UInt8], literals: [UInt8], anchors: [UInt32],
         sentences: [TextSpan], paragraphs: [TextSpan], kindExceptions: [UInt64], narrowSpans: Bool) {
        self.forms = forms
        let n = tokens.count
        tokenCount = n
        kindExceptionCount = kindExceptions.count
        self.narrowSpans = narrowSpans
        let wide = tokens.contains { $0.id > UInt32(UInt16.max) }
        wideIDs = wide
        func aligned(_ offset: Int, _ alignment: Int) -> Int { (offset + alignment - 1) & -alignment }
        let spanBytes = narrowSpans ? 8 : 16
        var size = 8 * kindExceptions.count
        let anchorsAt = size; size += 4 * anchors.count
        let sentencesAt = aligned(size, 4); size = sentencesAt + spanBytes * sentences.count
        let paragraphsAt = size; size += spanBytes * paragraphs.count
        let idsAt = aligned(size, wide ? 4 : 2); size = idsAt + n * (wide ? 4 : 2)
        let codesAt = size; size += n
        let literalsAt = size; size += literals.count
        precondition(size < Int(Int32.max), "a text's token storage is under 2 GB")
        blobSize = size
        blob = malloc(max(size, 1))!
        self.anchorsAt = Int32(anchorsAt); anchorCount = Int32(anchors.count)
        self.sentencesAt = Int32(sentencesAt); sentenceCount = Int32(sentences.count)
        self.paragraphsAt = Int32(paragraphsAt); paragraphCount = Int32(paragraphs.count)
        self.idsAt = Int32(idsAt); self.codesAt = Int32(codesAt)
        self.literalsAt = Int32(literalsAt); literalCount = Int32(literals.count)
        // Each region is bound to its type once, here, and written through typed pointers.
        blob.bindMemory(to: UInt64.self, capacity: kindExceptions.count).update(from: kindExceptions, count: kindExceptions.count)
        (blob + anchorsAt).bindMemory(to: UInt32.self, capacity: anchors.count).update(from: anchors, count: anchors.count)
        if narrowSpans {
            TokenStorage.write(sentences, as: UInt16.self, to: blob + sentencesAt)
            TokenStorage.write(paragraphs, as: UInt16.self, to: blob + paragraphsAt)
        } else {
            TokenStorage.write(sentences, as: UInt32.self, to: blob + sentencesAt)
            TokenStorage.write(paragraphs, as: UInt32.self, to: blob + paragraphsAt)
        }
        if wide { TokenStorage.write(tokens, as: UInt32.self, to: blob + idsAt) } else { TokenStorage.write(tokens, as: UInt16.self, to: blob + idsAt) }
        (blob + codesAt).bindMemory(to: UInt8.self, capacity: n + literals.count)
        (blob + codesAt).assumingMemoryBound(to: UInt8.self).update(from: codes, count: n)
        (blob + literalsAt).assumingMemoryBound(to: UInt8.self).update(from: literals, count: literals.count)
    }

    deinit { free(blob) }

    /// Spans as four bounds each (token start, end, byte start, end), in `Bound`'s width.
    private static func write<Bound: FixedWidthInteger>(_ spans: [TextSpan], as _: Bound.Type, to at: UnsafeMutableRawPointer) {
        let out = at.bindMemory(to: Bound.self, capacity: 4 * spans.count)
        for (i, s) in spans.enumerated() {
            out[4 * i] = Bound(truncatingIfNeeded: s.tokens.lowerBound); out[4 * i + 1] = Bound(truncatingIfNeeded: s.tokens.upperBound)
            out[4 * i + 2] = Bound(truncatingIfNeeded: s.bytes.lowerBound); out[4 * i + 3] = Bound(truncatingIfNeeded: s.bytes.upperBound)
        }
    }

    /// The tokens' ids in `ID`'s width.
    private static func write<ID: FixedWidthInteger>(_ tokens: [Token], as _: ID.Type, to at: UnsafeMutableRawPointer) {
        let out = at.bindMemory(to: ID.self, capacity: tokens.count)
        for (i, t) in tokens.enumerated() { out[i] = ID(truncatingIfNeeded: t.id) }
    }

    /// Equal layouts (same vocabulary, same stored bytes): the texts are equal.
    func hasSameLayout(as other: TokenStorage) -> Bool {
        forms === other.forms && blobSize == other.blobSize && memcmp(blob, other.blob, blobSize) == 0
            && wideIDs == other.wideIDs && narrowSpans == other.narrowSpans && tokenCount == other.tokenCount
            && kindExceptionCount == other.kindExceptionCount && anchorCount == other.anchorCount
            && sentenceCount == other.sentenceCount && paragraphCount == other.paragraphCount && literalCount == other.literalCount
    }

    @usableFromInline var ids: TokenIDs {
        if tokenCount == 0 { return TokenIDs(owner: nil, narrow: nil, wide: nil, count: 0) }
        let at = blob + Int(idsAt)
        return wideIDs ? TokenIDs(owner: self, narrow: nil, wide: UnsafePointer(at.assumingMemoryBound(to: UInt32.self)), count: tokenCount)
            : TokenIDs(owner: self, narrow: UnsafePointer(at.assumingMemoryBound(to: UInt16.self)), wide: nil, count: tokenCount)
    }

    var kindExceptions: UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: blob.assumingMemoryBound(to: UInt64.self), count: kindExceptionCount)
    }

    func spans(paragraphs: Bool) -> TextSpans {
        TextSpans(owner: self, base: UnsafeRawPointer(blob + Int(paragraphs ? paragraphsAt : sentencesAt)),
                  count: Int(paragraphs ? paragraphCount : sentenceCount), narrow: narrowSpans)
    }

    var codes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: (blob + Int(codesAt)).assumingMemoryBound(to: UInt8.self), count: tokenCount)
    }

    var literals: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: (blob + Int(literalsAt)).assumingMemoryBound(to: UInt8.self), count: Int(literalCount))
    }

    /// The arrays as pointers, for one decoding pass.
    func withLayout<R>(_ body: (TextLayout) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) {
            try ids.withUnsafeIDs { ids in
                try body(TextLayout(codes: codes, literals: literals,
                                    anchors: UnsafeBufferPointer(start: (blob + Int(anchorsAt)).assumingMemoryBound(to: UInt32.self), count: Int(anchorCount)),
                                    ids: ids, forms: forms))
            }
        }
    }
}

