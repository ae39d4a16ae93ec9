import LedeText

/// Near-duplicate clusters among texts (wire copies, versions loaded under different names): MinHash over
/// 5-word shingles with LSH, the similarity estimated against each cluster's first member.
public enum NearDuplicates {
    public struct Cluster: Sendable, Equatable {
        /// Indexes into the texts given, ascending.
        public var members: [Int]
        /// Estimated Jaccard similarity of each member to the first.
        public var similarity: [Double]
    }

    /// Clusters and the pairs behind them. Deterministic: tokens are hashed by their forms, not their session ids.
    public static func find(_ texts: [TokenizedText], vocabulary: Vocabulary, threshold: Double,
                            hasher: MinHasher = MinHasher()) throws -> (clusters: [Cluster], pairs: [MinHasher.Pair]) {
        let formHashes = vocabulary.formHashes()
        var signatures: [[UInt64]] = []
        signatures.reserveCapacity(texts.count)
        for text in texts {
            try Cancellation.check()
            signatures.append(hasher.signature(text.ids.map { formHashes[Int($0)] }))
        }
        let pairs = hasher.similarPairs(signatures, threshold: threshold)
        let groups = MinHasher.clusters(count: texts.count, pairs: pairs)
        let clusters = groups.map { g in Cluster(members: g, similarity: g.map { hasher.similarity(signatures[g[0]], signatures[$0]) }) }
        return (clusters, pairs)
    }
}
