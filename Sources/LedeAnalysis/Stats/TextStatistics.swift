import Foundation
import Synchronization
import LedeText

/// Counts, lexical diversity and readability of one text or of a selection of texts.
public struct TextStatistics: Codable, Sendable {
    /// Unicode characters of the body, with and without whitespace.
    public var characters = 0
    public var charactersNoSpaces = 0
    /// Tokens: words, numbers, URLs, e-mail addresses, CJK segments (every token counts as a word).
    public var words = 0
    public var uniqueWords = 0
    public var sentences = 0
    public var paragraphs = 0
    public var numbers = 0
    /// Quoted passages: each opening “ or ‘…’ pair, plus each pair of straight double quotes.
    public var quotations = 0
    public var counts = ReadabilityCounts()
    public var meanSentenceLength: Double = 0
    /// Letters and digits per word.
    public var meanWordLength: Double = 0
    public var ttr: Double = 0
    public var mattr: Double = 0
    public var mtld: Double = 0
    public var readingMinutes: Double = 0
    public var readability: ReadabilityScores

    public static let mattrWindow = 100
    public static let mtldThreshold = 0.72
    /// Silent reading of non-fiction by adults (Brysbaert 2019 meta-analysis: 238 words a minute).
    public static let wordsPerMinute = 238.0

    public init() { readability = ReadabilityScores(ReadabilityCounts()) }

    mutating func finish() {
        counts.words = words
        counts.sentences = sentences
        meanSentenceLength = sentences > 0 ? Double(words) / Double(sentences) : 0
        meanWordLength = words > 0 ? Double(counts.lettersAndDigits) / Double(words) : 0
        readingMinutes = Double(words) / TextStatistics.wordsPerMinute
        readability = ReadabilityScores(counts)
    }
}
