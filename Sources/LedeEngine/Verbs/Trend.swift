import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

/// `plot trend`: a term's frequency (per million tokens) or a tag's share of articles, per day, week, month or
/// year of the articles' dates (published, else modified). Undated articles are counted apart.
public struct TrendRequest: Sendable {
    public enum Subject: Sendable, Equatable {
        case term(String)
        /// A tag (name or code, as `tag:` selects it).
        case tag(String)
    }
    public var subject: Subject
    public var selectors: [String]
    /// nil: the unit that fits the dates' span.
    public var unit: TimeUnit?

    public init(subject: Subject, selectors: [String] = [], unit: TimeUnit? = nil) {
        self.subject = subject; self.selectors = selectors; self.unit = unit
    }
}

public struct TrendReport: Codable, Sendable {
    public struct Point: Codable, Sendable {
        public var label: String
        public var start: String
        public var end: String
        public var articles: Int
        public var tokens: Int
        /// Term matches, or tagged articles.
        public var hits: Int
        public var articlesWithHits: Int
        /// Per million tokens (term) or per cent of the bucket's articles (tag); nil for an empty bucket.
        public var value: Double?
    }
    public struct Undated: Codable, Sendable { public var articles: Int; public var tokens: Int; public var hits: Int }

    public var kind = "trend"
    /// The term, or `tag:NAME`.
    public var subject: String
    /// "per million tokens" or "% of articles".
    public var measure: String
    public var unit: TimeUnit
    /// Which date counts: "published, else modified".
    public var dateField = "published, else modified"
    public var articles: Int
    public var points: [Point]
    public var undated: Undated
}

extension Engine {
    public func trend(_ request: TrendRequest) throws -> TrendReport {
        let selection = try select(request.selectors)
        let counts: [Int]
        let subject: String
        let isTag: Bool
        switch request.subject {
        case .term(let term):
            counts = try TermHits.positions(try termPattern(term), in: selection.map(\.version.text)).map(\.count)
            subject = term; isTag = false
        case .tag(let tag):
            let tagged: [Selection]
            do { tagged = try workspace.select(["tag:" + tag]) } catch SelectorError.noMatch {
                throw EngineError("no article has the tag '\(tag)' (tag articles first: 'tag SEL')")
            }
            let ids = Set(tagged.map { ObjectIdentifier($0.article) })
            counts = selection.map { ids.contains(ObjectIdentifier($0.article)) ? 1 : 0 }
            subject = "tag:" + tag; isTag = true
        }
        let items = zip(selection, counts).map { s, n in
            TrendSeries.Item(day: Self.day(of: s.version.metadata), tokens: s.version.text.tokenCount, hits: n)
        }
        let series: TrendSeries
        do { series = try TrendSeries(items, unit: request.unit) } catch { throw EngineError("\(error)") }
        let points = series.buckets.map { b in
            TrendReport.Point(label: b.label, start: b.start, end: b.end, articles: b.articles, tokens: b.tokens, hits: b.hits,
                              articlesWithHits: b.articlesWithHits,
                              value: isTag ? (b.articles > 0 ? Double(b.hits) * 100 / Double(b.articles) : nil)
                                           : (b.tokens > 0 ? Double(b.hits) * 1_000_000 / Double(b.tokens) : nil))
        }
        return TrendReport(subject: subject, measure: isTag ? "% of articles" : "per million tokens", unit: series.unit,
                           articles: selection.count, points: points,
                           undated: TrendReport.Undated(articles: series.undated.articles, tokens: series.undated.tokens, hits: series.undated.hits))
    }

    /// The article's day: its publication date, else its modification date; nil when it has neither.
    static func day(of metadata: ArticleMetadata) -> CivilDay? {
        metadata.published.flatMap(CivilDay.init(iso:)) ?? metadata.modified.flatMap(CivilDay.init(iso:))
    }
}
