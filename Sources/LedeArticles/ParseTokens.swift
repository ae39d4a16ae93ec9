import LedeText

/// The tokens of the documents one loader worker parses: a `TokenBatch` for a chunk of files, so each body is
/// scanned once, while it is still in cache, and the chunk merges into the session vocabulary in one step.
/// The text-dump parser also counts its jusText features from these tokens (it would otherwise scan every
/// block a second time), asking once per distinct form whether it is on the stoplist.
struct ParseTokens {
    var batch: TokenBatch
    let stopwords: Stopwords
    /// Whether bodies are kept for `finish` (a load into a workspace) or only scanned for features.
    let keepsTexts: Bool
    /// By local id: 0 not asked yet, 1 not a stopword, 2 a stopword.
    private var stopFlags: [UInt8] = []

    init(stopwords: Stopwords = .english, keepsTexts: Bool, expectedBytes: Int = 0) {
        self.batch = TokenBatch(expectedBytes: expectedBytes)
        self.stopwords = stopwords
        self.keepsTexts = keepsTexts
    }

    /// Whether the (normalised) form of a local id is on the stoplist.
    @inline(__always) mutating func isStopword(_ localID: UInt32) -> Bool {
        let i = Int(localID)
        if i >= stopFlags.count { stopFlags.append(contentsOf: repeatElement(0, count: batch.formCount - stopFlags.count)) }
        if stopFlags[i] == 0 {
            let hash = batch.withForm(localID) { Stopwords.hash($0) }
            stopFlags[i] = stopwords.contains(hash: hash) ? 2 : 1
        }
        return stopFlags[i] == 2
    }

    /// Finishes the texts kept since the last call (see `TokenBatch.finish`). The worker's table lives on, so
    /// the next batch merges only forms new to it (measured: clearing it even every 32 K forms was slower);
    /// past a million forms it starts afresh, to bound its memory on a huge corpus.
    mutating func finish(into vocabulary: Vocabulary) -> [TokenizedText] {
        let texts = batch.finish(into: vocabulary)
        if batch.clearTable(ifOver: 1 << 20) { stopFlags.removeAll(keepingCapacity: true) }
        return texts
    }

    /// Keeps a document's body for `finish`: with `tokens` when the parser already scanned it in this batch.
    mutating func keep(_ document: ParsedDocument, tokens: [Token]? = nil) {
        guard keepsTexts else { return }
        if let tokens { batch.append(document.bodyUTF8, tokens: tokens) } else { batch.append(document.bodyUTF8) }
    }
}
