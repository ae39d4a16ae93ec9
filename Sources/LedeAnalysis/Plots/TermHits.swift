import LedeText

/// Where a term occurs in many texts: the token position of each match, text by text, found on all cores.
public enum TermHits {
    /// For each text, the first token of every match of `pattern`, left to right.
    public static func positions(_ pattern: TermPattern, in texts: [TokenizedText]) throws -> [[Int32]] {
        let chunks = Parallel.map(count: texts.count, chunk: 512) { range -> [[Int32]] in
            if Cancellation.isRequested { return [] }
            return range.map { i in pattern.matches(in: texts[i]).map { Int32(truncatingIfNeeded: $0.lowerBound) } }
        }
        try Cancellation.check()
        return chunks.flatMap { $0 }
    }
}
