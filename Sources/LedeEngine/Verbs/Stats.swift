import LedeText
import LedeAnalysis
import LedeSession

/// `stats`: counts, lexical diversity and readability per article and for the selection.
public struct StatsRequest: Sendable {
    public var selectors: [String]
    /// List what was counted: sentences, each word's syllables, complex and difficult words.
    public var explain: Bool
    /// Per-article rows kept in the report (0: all); the selection's figures always cover every article.
    public var rows: Int

    /// `explain` shows every word: it takes at most this many articles.
    public static let explainLimit = 20

    public init(selectors: [String] = [], explain: Bool = false, rows: Int = 50) {
        self.selectors = selectors; self.explain = explain; self.rows = rows
    }
}

public struct StatsReport: Codable, Sendable {
    public struct ArticleStats: Codable, Sendable {
        public var id: String
        public var article: String
        public var title: String?
        public var path: String
        public var stats: TextStatistics
    }
    public struct Explanation: Codable, Sendable {
        public var article: String
        public var sentences: [String]
        public var words: [CountedWord]
    }

    /// Per-article statistics of the first `rows` articles (every article with rows 0).
    public var articles: [ArticleStats]
    public var articleCount: Int
    public var selection: TextStatistics
    public var wordsPerMinute: Double
    public var explanations: [Explanation]?
}

extension Engine {
    public func stats(_ request: StatsRequest) throws -> StatsReport {
        let selection = try select(request.selectors)
        if request.explain && selection.count > StatsRequest.explainLimit {
            throw EngineError("--explain shows every word: select at most \(StatsRequest.explainLimit) articles (got \(selection.count))")
        }
        let facts = indexes.facts()
        let (each, total) = try StatisticsCalculator.compute(selection.map(\.version.text), facts: facts, vocabularySize: facts.count,
                                                             owners: selection.map(\.version), cache: indexes.statistics)
        var explanations: [StatsReport.Explanation]?
        if request.explain {
            var counter = IdCounter(capacity: facts.count)
            explanations = selection.map { s in
                var words: [CountedWord] = []
                _ = StatisticsCalculator.compute(s.version.text, facts: facts, counter: &counter) { words.append($0) }
                let text = s.version.text
                return StatsReport.Explanation(article: s.label,
                                               sentences: text.sentences.filter { !$0.tokens.isEmpty }.map { oneLine(text.text($0.bytes)) },
                                               words: words)
            }
        }
        let kept = request.rows == 0 ? selection.count : min(request.rows, selection.count)
        return StatsReport(
            articles: zip(selection.prefix(kept), each.prefix(kept)).map {
                StatsReport.ArticleStats(id: $0.0.article.id, article: $0.0.label, title: $0.0.version.metadata.title,
                                         path: $0.0.version.document.path, stats: $0.1)
            },
            articleCount: selection.count, selection: total, wordsPerMinute: TextStatistics.wordsPerMinute, explanations: explanations)
    }
}
