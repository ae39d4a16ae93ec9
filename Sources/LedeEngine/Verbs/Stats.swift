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
        /// The article's language (ISO 639-1), declared or identified; nil when unknown (English formulas apply).
        public var language: String?
        /// Scores of the formulas made for its language, when it is not English (German, French, Spanish).
        public var languageReadability: [NamedScore]?
        /// Why the English formulas are empty and no other applies.
        public var readabilityNote: String?
    }
    /// A readability formula of a language other than English, and its score.
    public struct NamedScore: Codable, Sendable {
        public var formula: String
        public var score: Double?
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
    /// Articles by language (ISO 639-1; "unknown" when neither declared nor identified).
    public var languages: [String: Int]
    /// The selection's scores in its one language, when that language is not English and has formulas.
    public var languageReadability: [NamedScore]?
    /// Why the selection's English scores are empty (another language, or several).
    public var readabilityNote: String?
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
        // Readability formulas are language-specific: English ones for English (and for text whose language is
        // unknown), the formulas made for German, French and Spanish, else an empty cell with the reason.
        let languages = self.languages(of: selection.map(\.version))
        var rows = zip(selection, each).enumerated().map { i, pair in
            var row = StatsReport.ArticleStats(id: pair.0.article.id, article: pair.0.label, title: pair.0.version.metadata.title,
                                               path: pair.0.version.document.path, stats: pair.1, language: languages[i]?.code)
            if let language = languages[i], language != .english {
                row.stats.readability = ReadabilityScores(ReadabilityCounts())
                if let facts = indexes.facts(for: language) {
                    row.languageReadability = Self.scores(LanguageReadability.counts(of: pair.0.version.text, facts: facts), language)
                } else {
                    row.readabilityNote = LanguageReadability.unavailableReason(for: language)
                }
            }
            return row
        }
        var totals = total
        var byLanguage: [String: Int] = [:]
        for l in languages { byLanguage[l?.code ?? "unknown", default: 0] += 1 }
        let others = Set(languages.compactMap { $0 == .english ? nil : $0 })
        var selectionScores: [StatsReport.NamedScore]?, selectionNote: String?
        if !others.isEmpty {
            totals.readability = ReadabilityScores(ReadabilityCounts())
            if others.count == 1, !languages.contains(where: { $0 == nil || $0 == .english }), let language = others.first {
                if let facts = indexes.facts(for: language) {
                    let counts = selection.reduce(LanguageReadabilityCounts()) { $0 + LanguageReadability.counts(of: $1.version.text, facts: facts) }
                    selectionScores = Self.scores(counts, language)
                } else {
                    selectionNote = LanguageReadability.unavailableReason(for: language)
                }
            } else {
                let names = byLanguage.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { "\(Language(code: $0.key)?.name ?? $0.key) \($0.value)" }.joined(separator: ", ")
                selectionNote = "mixed languages (\(names)): readability is per article (stats --by article)"
            }
        }
        let kept = request.rows == 0 ? selection.count : min(request.rows, selection.count)
        rows.removeLast(rows.count - kept)
        return StatsReport(articles: rows, articleCount: selection.count, selection: totals, languages: byLanguage,
                           languageReadability: selectionScores, readabilityNote: selectionNote,
                           wordsPerMinute: TextStatistics.wordsPerMinute, explanations: explanations)
    }

    static func scores(_ counts: LanguageReadabilityCounts, _ language: Language) -> [StatsReport.NamedScore] {
        LanguageReadability.scores(counts, language: language).map { StatsReport.NamedScore(formula: $0.formula.name, score: $0.score) }
    }
}
