import LedeText

/// Counts per version pair, as NewsEdits defines them, plus word counts.
public struct DiffCounts: Sendable, Codable, Equatable {
    public var unchanged = 0, added = 0, deleted = 0, edited = 0, moved = 0, merged = 0, split = 0
    public var wordsKept = 0, wordsAdded = 0, wordsRemoved = 0
    /// 2·kept words / (old words + new words); 1 for two empty texts.
    public var similarity = 1.0
    public init() {}
}
