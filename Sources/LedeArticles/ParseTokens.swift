import LedeText

/// The tokens of the documents one loader worker parses: a `TokenBatch` for a chunk of files, so each body is
/// scanned once, while it is still in cache, and the chunk merges into the session vocabulary in one step.
/// The text-dump parser also counts its jusText features from these tokens (it would otherwise scan every
/// block a second time), asking once per distinct form whether it is on the stoplist.
struct ParseTokens: Sendable {
    var batch: TokenBatch
    let stopwords: Stopwords
    /// Whether bodies are kept for `finish` (a load into a workspace) or only scanned for features.
    let keepsTexts: Bool
    /// By local id: 1 when its form is on the stoplist, else 0 (added up without a branch per token).
    private(set) var stopFlags: [UInt8] = []

    init(stopwords: Stopwords = .english, keepsTexts: Bool, expectedBytes: Int = 0) {
        self.batch = TokenBatch(expectedBytes: expectedBytes)
        self.stopwords = stopwords
        self.keepsTexts = keepsTexts
    }

    /// Gives every local id met so far its stoplist flag; call before reading `stopFlags` for a batch of tokens.
    mutating func prepareStopwordFlags() {
        guard stopFlags.count < batch.formCount else { return }
        for id in stopFlags.count..<batch.formCount {
            let hash = batch.withForm(UInt32(id)) { Stopwords.hash($0) }
            stopFlags.append(stopwords.contains(hash: hash) ? 1 : 0)
        }
    }

    /// Ends a chunk of files: with a vocabulary, finishes the texts kept since the last chunk (see
    /// `TokenBatch.finish`). The worker's table lives on, so the next chunk merges only forms new to it
    /// (measured: clearing it even every 32 K forms was slower); past a million forms it starts afresh, to
    /// bound its memory on a huge corpus.
    mutating func endChunk(into vocabulary: Vocabulary?) -> [TokenizedText] {
        // Ctrl-C may stop a chunk halfway (no texts then): the loader checks and drops the load.
        let texts = vocabulary.map { batch.finish(into: $0, stopsOnCancel: true) } ?? []
        if batch.clearTable(ifOver: 1 << 20) { stopFlags.removeAll(keepingCapacity: true) }
        return texts
    }

    /// Keeps a document's body for `finish`: with `tokens` when the parser already scanned it in this batch.
    mutating func keep(_ document: ParsedDocument, tokens: [Token]? = nil) {
        guard keepsTexts else { return }
        if let tokens { batch.append(document.bodyUTF8, tokens: tokens) } else { batch.append(document.bodyUTF8) }
    }
}
