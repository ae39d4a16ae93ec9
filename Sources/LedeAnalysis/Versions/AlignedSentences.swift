import LedeText

/// What happened to a sentence between two versions, as NewsEdits (Spangher et al., 2022) counts them.
public enum SentenceChange: String, Sendable, Codable {
    case unchanged, added, deleted, edited, moved, merged, split
}

/// One step of a version diff, in reading order of the new text (deleted sentences where they stood).
/// `a` and `b` are sentence indices into the old and new text; merged has two `a`, split two `b`.
public struct AlignedSentences: Sendable, Codable, Equatable {
    public var change: SentenceChange
    public var a: [Int]
    public var b: [Int]
    /// An edited, merged or split pair that also changed place relative to the other matched sentences.
    public var moved: Bool
    /// Word similarity of the pair: 2·kept / (old words + new words).
    public var similarity: Double
    /// The word diff of a changed pair; token ranges are global token indices of each text.
    public var words: [WordOp]

    public init(change: SentenceChange, a: [Int], b: [Int], moved: Bool = false, similarity: Double = 1, words: [WordOp] = []) {
        self.change = change; self.a = a; self.b = b; self.moved = moved; self.similarity = similarity; self.words = words
    }
}
