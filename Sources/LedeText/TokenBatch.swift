/// Texts tokenised against one local form table, merged into a session vocabulary a batch at a time: far
/// fewer probes of the shared table than a merge per text (a news article repeats most of its neighbours'
/// words). The local table outlives a batch: a worker that tokenises batch after batch keeps it, and each
/// `finish` merges only the forms that are new since the last one.
///
/// Until `finish`, tokens carry LOCAL ids, which `withForm` resolves; a caller that scanned a larger buffer
/// (a loader classifying a page's blocks) may keep a subset of those tokens, moved to the offsets of the text
/// it finally keeps, instead of scanning that text again.
public struct TokenBatch: Sendable {
    private var local: InternTable
    private var scratch: LowercaseScratch = (0, 0, 0, 0, 0)
    /// The kind each local form was first seen with: it becomes the kind of the ids the merge creates.
    private var localKinds: [TokenKind] = []
    /// By local id: its id in `vocabulary` once merged, else `UInt32.max`.
    private var globalOf: [UInt32] = []
    /// By local id: the kind `vocabulary` keeps for its id (raw value), once a text has asked; else 0xFF.
    private var globalKindOf: [UInt8] = []
    private var vocabulary: Vocabulary?
    private var texts: [[UInt8]] = []
    private var tokens: [[Token]] = []

    /// `expectedBytes`: roughly how much text the first batch will see (sizes the local table).
    public init(expectedBytes: Int = 0) {
        // About one distinct form per 8 bytes in a news article, fewer over a batch.
        local = InternTable(capacity: max(64, min(expectedBytes / 8, 4096 + expectedBytes / 64)))
    }

    /// Texts appended since the last `finish`.
    public var count: Int { texts.count }

    /// How many distinct forms the table has met (local ids are 0..<formCount).
    public var formCount: Int { local.count }

    /// The tokens of `bytes`, with local ids and offsets into `bytes`.
    /// `stopsOnCancel`: a text longer than `segment` bytes is scanned a segment at a time (each ending at a space or
    /// line end, which no token crosses) and the scan stops early when Ctrl-C is pressed; the caller must then
    /// check `Cancellation` and drop the partial list.
    public mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, stopsOnCancel: Bool = false) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 5 + 1)
        var from = 0
        while from < bytes.count {
            var to = bytes.count
            if to - from > Self.segment {
                to = from + Self.segment
                while to < bytes.count && bytes[to] != 0x20 && bytes[to] != 0x0A { to += 1 }
            }
            let base = from
            Tokenizer.scan(UnsafeBufferPointer(rebasing: bytes[from..<to])) { start, end, kind in
                let start = start + base
                let end = min(end + base, start + Token.maxLength)     // a 64 KB "word" is cut, not wrapped
                var surface = SurfaceCode.unknown
                let id = Tokenizer.internNormalised(bytes, start, end, &local, &scratch, surface: &surface)
                if Int(id) == localKinds.count { localKinds.append(kind) }
                out.append(Token(id: id, start: UInt32(start), end: UInt32(end), kind: kind, surface: surface))
            }
            from = to
            if stopsOnCancel && from < bytes.count && Cancellation.isRequested { break }
        }
        return out
    }

    static let segment = 8 << 20

    /// Adds a text, scanning it; returns its index among the batch's texts.
    @discardableResult
    public mutating func append(_ utf8: [UInt8]) -> Int {
        let scanned = utf8.withUnsafeBufferPointer { scan($0) }
        return append(utf8, tokens: scanned)
    }

    /// Adds a text whose tokens came from this batch's `scan` (exactly what scanning `utf8` would give).
    @discardableResult
    public mutating func append(_ utf8: [UInt8], tokens scanned: [Token]) -> Int {
        texts.append(utf8)
        tokens.append(scanned)
        return texts.count - 1
    }

    /// Calls `body` with the normalised bytes of a local id (the buffer is valid inside `body` only).
    public func withForm<R>(_ localID: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        local.arena.withUnsafeBufferPointer { arena in
            local.offsets.withUnsafeBufferPointer { off in
                let start = Int(off[Int(localID)]), end = Int(off[Int(localID) + 1])
                return body(UnsafeBufferPointer(rebasing: arena[start..<end]))
            }
        }
    }

    /// Merges the forms the batch's texts use into `vocabulary` (one lock; only forms not merged before),
    /// then finishes each text in order: global ids, paragraphs, sentences, the compact layout. The batch is
    /// then empty and ready for more texts. Every `finish` of one batch must name the same vocabulary.
    /// `stopsOnCancel`: between the steps of each text, Ctrl-C stops the work and returns no texts (the batch is
    /// emptied); the caller must check `Cancellation` and drop the chunk.
    public mutating func finish(into vocabulary: Vocabulary, stopsOnCancel: Bool = false) -> [TokenizedText] {
        precondition(self.vocabulary == nil || self.vocabulary === vocabulary, "a token batch merges into one vocabulary")
        self.vocabulary = vocabulary
        if globalOf.count < local.count { globalOf.append(contentsOf: repeatElement(.max, count: local.count - globalOf.count)) }
        if globalKindOf.count < local.count { globalKindOf.append(contentsOf: repeatElement(0xFF, count: local.count - globalKindOf.count)) }
        // Only forms that a kept text uses enter the vocabulary (a loader scans blocks it then drops).
        var fresh: [Int] = []
        globalOf.withUnsafeMutableBufferPointer { g in
            for textTokens in tokens {
                for t in textTokens where g[Int(t.id)] == .max {
                    g[Int(t.id)] = .max - 1             // marked: merged below
                    fresh.append(Int(t.id))
                }
            }
        }
        vocabulary.intern(local, ids: fresh, kinds: localKinds, into: &globalOf)
        var out: [TokenizedText] = []
        out.reserveCapacity(texts.count)
        globalOf.withUnsafeBufferPointer { g in
            for (k, bytes) in texts.enumerated() {
                var textTokens = tokens[k]
                tokens[k] = []
                // Global ids, and the tokens whose kind is not their id's kind (looked up once per local id, not
                // per token: the vocabulary's records are a cache miss away).
                var kindExceptions: [UInt64] = []
                textTokens.withUnsafeMutableBufferPointer { t in
                    globalKindOf.withUnsafeMutableBufferPointer { known in
                        for i in t.indices {
                            let l = Int(t[i].id), id = g[l]
                            t[i].id = id
                            var kind = known[l]
                            if kind == 0xFF { kind = vocabulary.forms[id].rawValue; known[l] = kind }
                            if t[i].kind.rawValue != kind { kindExceptions.append(UInt64(i) << 8 | UInt64(t[i].kind.rawValue)) }
                        }
                    }
                }
                if stopsOnCancel && Cancellation.isRequested { return }
                let paragraphs = ParagraphSplitter.split(utf8: bytes, tokens: textTokens)
                if stopsOnCancel && Cancellation.isRequested { return }
                let sentences = SentenceSplitter.split(utf8: bytes, tokens: textTokens, paragraphs: paragraphs)
                if stopsOnCancel && Cancellation.isRequested { return }
                // The 12-byte tokens are a per-batch transient; the text keeps the compact layout.
                out.append(TokenizedText(utf8: bytes, tokens: textTokens, sentences: sentences, paragraphs: paragraphs,
                                         forms: vocabulary.forms, kindExceptions: kindExceptions))
            }
        }
        texts.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        if stopsOnCancel && Cancellation.isRequested { return [] }
        return out
    }

    /// Forgets the local table (every local id) once it has grown past `limit` forms, to bound its memory;
    /// only between batches (no texts pending). Returns whether it did.
    public mutating func clearTable(ifOver limit: Int) -> Bool {
        precondition(texts.isEmpty, "the table is cleared between batches")
        guard local.count > limit else { return false }
        local = InternTable(capacity: 4096)
        localKinds.removeAll(keepingCapacity: true)
        globalOf.removeAll(keepingCapacity: true)
        globalKindOf.removeAll(keepingCapacity: true)
        return true
    }
}
