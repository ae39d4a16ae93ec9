import LedeText
import LedeAnalysis
import LedeSession

/// `plot hist`: a per-article statistic (words, a readability score…) counted in round-width bins.
public struct HistogramRequest: Sendable {
    public var statistic: ArticleStatistic
    public var selectors: [String]
    /// About how many bins (nil: Sturges's rule, 5 to 30).
    public var bins: Int?

    public init(statistic: ArticleStatistic, selectors: [String] = [], bins: Int? = nil) {
        self.statistic = statistic; self.selectors = selectors; self.bins = bins
    }
}

public struct HistogramReport: Codable, Sendable {
    public var kind = "histogram"
    public var statistic: ArticleStatistic
    public var label: String
    public var articles: Int
    public var histogram: Histogram
}

extension Engine {
    public func histogram(_ request: HistogramRequest) throws -> HistogramReport {
        let selection = try select(request.selectors)
        let each = try articleStatistics(selection)
        return HistogramReport(statistic: request.statistic, label: request.statistic.label, articles: selection.count,
                               histogram: Histogram(each.map { request.statistic.value(in: $0) }, bins: request.bins))
    }

    /// Each selected version's statistics (cached per version for the session, as `stats` keeps them).
    public func articleStatistics(_ selection: [Selection]) throws -> [TextStatistics] {
        let facts = indexes.facts()
        return try StatisticsCalculator.compute(selection.map(\.version.text), facts: facts, vocabularySize: facts.count,
                                                owners: selection.map(\.version), cache: indexes.statistics).each
    }
}
