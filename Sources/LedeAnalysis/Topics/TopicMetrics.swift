import Foundation
import LedeText

public enum TopicMetrics {
    /// UMass coherence (Mimno et al. 2011) of a ranked word list, averaged over pairs:
    /// mean over i > j of ln((D(w_i, w_j) + 1) / D(w_j)), D counting the documents that contain the words.
    public static func umass(_ topWords: [Int], corpus: TopicCorpus) -> Double {
        guard topWords.count >= 2 else { return 0 }
        let wanted = Dictionary(uniqueKeysWithValues: topWords.enumerated().map { (Int32($0.element), $0.offset) })
        var docsOf = [Set<Int>](repeating: [], count: topWords.count)
        for (d, doc) in corpus.documents.enumerated() {
            for w in doc { if let i = wanted[w] { docsOf[i].insert(d) } }
        }
        var sum = 0.0, pairs = 0
        for i in 1..<topWords.count {
            for j in 0..<i where !docsOf[j].isEmpty {
                let both = docsOf[i].intersection(docsOf[j]).count
                sum += Foundation.log((Double(both) + 1) / Double(docsOf[j].count))
                pairs += 1
            }
        }
        return pairs == 0 ? 0 : sum / Double(pairs)
    }

    /// Purity of clusters against labels: Σ over clusters of its most common label's count, over N.
    public static func purity(clusters: [Int], labels: [String]) -> Double {
        guard !clusters.isEmpty else { return 0 }
        var table: [Int: [String: Int]] = [:]
        for (c, l) in zip(clusters, labels) { table[c, default: [:]][l, default: 0] += 1 }
        let majority = table.values.reduce(0) { $0 + ($1.values.max() ?? 0) }
        return Double(majority) / Double(clusters.count)
    }
}
