import Synchronization

/// A text whose tokens are made when first needed: its bytes are kept until then. Opening a saved session or an
/// archive makes these, so the prompt comes back without tokenising every article; the first command that reads
/// the tokens tokenises what it selected, on all cores (`tokenize(_:progress:)`), or one text alone.
///
/// Thread-safe. Once tokenised, reading the tokens is one atomic load (no lock): analyses read them in loops.
public final class DeferredText: @unchecked Sendable {
    private let tokens: Computed<TokenizedText>
    /// The bytes until the tokens exist (then nil: the tokens hold them).
    private let pending: Locked<[UInt8]?>
    /// Where the tokens' forms are interned (nil for a text made tokenised).
    private let vocabulary: Vocabulary?

    /// A text to tokenise later into `vocabulary`.
    public init(utf8: [UInt8], vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        tokens = Computed()
        pending = Locked(utf8)
    }

    /// A text already tokenised.
    public init(_ text: TokenizedText) {
        vocabulary = nil
        pending = Locked(nil)
        tokens = Computed(text)
    }

    public var isTokenized: Bool { tokens.isKnown }

    /// The tokens, made now if they do not exist yet.
    public var text: TokenizedText {
        if let made = tokens.known { return made }
        guard let bytes = pending.withLock({ $0 }) else { return tokens.known! }
        return settle(Tokenizer().tokenize(utf8: bytes, vocabulary: vocabulary!))
    }

    /// The text's bytes, without tokenising it.
    public var utf8: [UInt8] {
        if let made = tokens.known { return made.utf8 }
        // The tokens are stored before the bytes are let go: nil here means they exist now.
        return pending.withLock { $0 } ?? tokens.known!.utf8
    }

    /// Keeps `made` (or the tokens another thread made first) and lets the bytes go.
    private func settle(_ made: TokenizedText) -> TokenizedText {
        let kept = tokens.value { made }
        pending.withLock { $0 = nil }
        return kept
    }

    /// Tokenises those of `texts` not tokenised yet, on all cores (one vocabulary merge per batch). Cancellable
    /// (Ctrl-C): throws `CancelledError` and leaves them as they were. `progress` gets (done, total) from worker
    /// threads.
    public static func tokenize(_ texts: [DeferredText], progress: (@Sendable (Int, Int) -> Void)? = nil) throws {
        var seen = Set<ObjectIdentifier>()
        // Those waiting have a vocabulary; one per workspace, so texts of several (not met in practice) go apart.
        var groups: [ObjectIdentifier: (vocabulary: Vocabulary, texts: [DeferredText])] = [:]
        for t in texts where !t.isTokenized && seen.insert(ObjectIdentifier(t)).inserted {
            guard let vocabulary = t.vocabulary else { continue }
            groups[ObjectIdentifier(vocabulary), default: (vocabulary, [])].texts.append(t)
        }
        for (vocabulary, group) in groups.values {
            let made = try Tokenizer().tokenizeInParallel(count: group.count, vocabulary: vocabulary,
                                                          body: { group[$0].utf8 }, progress: progress)
            for (t, m) in zip(group, made) { _ = t.settle(m) }
        }
    }
}

extension Tokenizer {
    /// Tokenises `count` texts (`body(i)` gives text i's bytes) in batches on all cores: one vocabulary merge per
    /// batch. Cancellable (Ctrl-C): a cancelled call throws `CancelledError`. `progress` gets (texts tokenised,
    /// total) from worker threads.
    public func tokenizeInParallel(count n: Int, vocabulary: Vocabulary, body: @escaping @Sendable (Int) -> [UInt8],
                                   progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [TokenizedText] {
        // Batches of up to 128 (one vocabulary merge each), but at least 16 per core so a few hundred
        // texts of uneven length still spread evenly.
        let chunk = max(1, min(128, n / (Parallel.cores * 16)))
        let counter = Atomic<Int>(0)
        let batches = Parallel.map(count: n, chunk: chunk) { range -> [TokenizedText] in
            if Cancellation.isRequested { return [] }
            let texts = tokenize(batch: range.map(body), vocabulary: vocabulary)
            let done = counter.add(range.count, ordering: .relaxed).newValue
            progress?(done, n)
            return texts
        }
        try Cancellation.check()
        return batches.flatMap { $0 }
    }
}
