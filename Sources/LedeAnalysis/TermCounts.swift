import LedeText

/// Counts of token ids over a set of texts: total, per id, and in how many texts each id occurs.
public struct TermCounts: Sendable {
    public private(set) var counts: [UInt32: Int] = [:]
    public private(set) var documentFrequency: [UInt32: Int] = [:]
    public private(set) var total = 0
    public private(set) var documents = 0

    public init() {}

    public mutating func add(_ text: TokenizedText) {
        var seen = Set<UInt32>()
        for t in text.tokens {
            counts[t.id, default: 0] += 1
            if seen.insert(t.id).inserted { documentFrequency[t.id, default: 0] += 1 }
        }
        total += text.tokens.count
        documents += 1
    }
}
