import LedeText
import LedeAnalysis
import LedeSession

/// `similar`: near-duplicates (versions, wire copies) by MinHash of 5-word shingles and LSH.
public struct SimilarRequest: Sendable {
    public var selectors: [String]
    /// Least estimated Jaccard similarity.
    public var threshold: Double
    public init(selectors: [String] = [], threshold: Double = 0.8) { self.selectors = selectors; self.threshold = threshold }
}

public struct SimilarReport: Codable, Sendable {
    public struct Member: Codable, Sendable {
        public var article: String; public var name: String?; public var version: Int; public var words: Int
        public var title: String?; public var similarity: Double
    }
    public struct PairRow: Codable, Sendable { public var first: String; public var second: String; public var similarity: Double }
    public var threshold: Double
    public var compared: Int
    public var clusters: [[Member]]
    public var pairs: [PairRow]
}

extension Engine {
    public func similar(_ request: SimilarRequest) throws -> SimilarReport {
        let selections = try workspace.select(request.selectors)
        try tokenizeTexts(of: selections.map(\.version))
        let (clusters, pairs) = try NearDuplicates.find(selections.map(\.version.text), vocabulary: workspace.vocabulary,
                                                        threshold: request.threshold)
        func label(_ s: Selection) -> String { "\(s.article.displayName)@\(s.version.number)" }
        return SimilarReport(threshold: request.threshold, compared: selections.count,
                             clusters: clusters.map { c in
                                 zip(c.members.map { selections[$0] }, c.similarity).map { s, sim in
                                     SimilarReport.Member(article: s.article.id, name: s.article.name, version: s.version.number,
                                                          words: s.version.wordCount, title: s.version.metadata.title,
                                                          similarity: (sim * 1000).rounded() / 1000)
                                 }
                             },
                             pairs: pairs.map { SimilarReport.PairRow(first: label(selections[$0.first]), second: label(selections[$0.second]),
                                                                      similarity: $0.similarity) })
    }
}
