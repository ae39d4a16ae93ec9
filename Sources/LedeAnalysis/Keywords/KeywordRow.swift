import Foundation
import LedeText

/// One keyword row.
public struct KeywordRow: Codable, Sendable, Equatable {
    public var term: String
    public var count: Int
    /// Occurrences per million tokens of the texts counted.
    public var perMillion: Double
    /// Texts the term occurs in, and that as a percentage of the texts (range).
    public var documentFrequency: Int
    public var range: Double
    /// TF-IDF score when ranked by TF-IDF (mean of the L2-normalised document weights).
    public var tfidf: Double?
}
