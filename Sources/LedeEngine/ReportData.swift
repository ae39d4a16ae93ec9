import LedeAnalysis

/// Everything `report` shows, worked out by the engine as plain data (no HTML): an overview of the selected
/// articles and the results the session logged. `LedeReport` lays it out.
public struct ReportData: Sendable {
    public var title: String
    /// ISO 8601, when the data was gathered.
    public var generatedAt: String
    public var ledeVersion: String
    /// The selectors as given (empty: all).
    public var selectors: [String]
    public var overview: Overview?
    public var logged: [LoggedResult]

    /// A fresh look at the selection: what a reader wants by default.
    public struct Overview: Sendable {
        public var articles: [ArticleRow]
        /// Where the topic column came from: "tags" (the session's tags) or "IPTC" (the built-in taxonomy, now).
        public var topicSource: String
        /// How articles are grouped for keyness and topic shares: "source", or "folder" when no article has one.
        public var groupedBy: String
        public var readability: [HistogramReport]
        public var keywords: KeywordsReport
        public var keyness: [GroupKeyness]
        public var dispersion: [DispersionStrip]
        public var trends: Trends
        public var topicShares: [TopicShare]
        /// The last LDA run the session logged (`topics`), if any.
        public var lda: TopicsReport?
        public var versions: [VersionStory]
        /// Articles with versions left out (the report shows at most `VersionStory.limit`).
        public var versionsOmitted: Int
    }

    public struct ArticleRow: Sendable, Codable {
        public var id: String
        public var label: String
        public var title: String?
        public var source: String?
        public var group: String
        public var date: String?
        public var versions: Int
        public var words: Int
        public var topic: String?
        public var fleschReadingEase: Double?
        public var fleschKincaidGrade: Double?
    }

    /// Words over-used in one group of articles against all the others.
    public struct GroupKeyness: Sendable, Codable {
        public var group: String
        public var articles: Int
        public var tokens: Int
        public var terms: [KeynessScore]
    }

    /// One keyword's hits over the whole selection laid end to end (articles in selection order): the hits per
    /// column of `columns.count` equal stretches, the groups' extents, and the dispersion figures.
    public struct DispersionStrip: Sendable, Codable {
        public var term: String
        public var hits: Int
        public var articlesWithHits: Int
        public var articles: Int
        public var griesDP: Double?
        public var griesDPNorm: Double?
        public var juillandD: Double?
        public var columns: [Int]
        /// Group name and its first and last column (inclusive), in order.
        public var groups: [GroupSpan]
        /// The articles with the most hits (at most 10), with their own D and DP.
        public var top: [DispersionReport.Row]
    }
    public struct GroupSpan: Sendable, Codable { public var name: String; public var first: Int; public var last: Int }

    public struct Trends: Sendable {
        /// Articles per bucket (from the first trend), and the term trends sharing one time unit.
        public var unit: TimeUnit?
        public var articlesPerBucket: [TrendReport.Point]
        public var terms: [TrendReport]
        public var dated: Int
        public var undated: Int
    }

    /// How a group's articles spread over their top topics.
    public struct TopicShare: Sendable, Codable {
        public var group: String
        public var articles: Int
        /// Topic and article count, most first; articles without a topic under "(none)".
        public var topics: [TopicCount]
    }
    public struct TopicCount: Sendable, Codable { public var topic: String; public var articles: Int }

    /// An article with versions: its timeline and each consecutive pair's diff.
    public struct VersionStory: Sendable {
        public static let limit = 100
        public var id: String
        public var label: String
        public var title: String?
        public var timeline: [VersionsReport.Row]
        public var pairs: [PairView]
    }
    public struct PairView: Sendable {
        public var pair: DiffReport.Pair
        public var rows: [DiffColumns.Row]
    }

    /// One command of the session's log with its result, decoded where lede knows how to show it.
    public struct LoggedResult: Sendable {
        public var command: String
        public var startedAt: String
        public var durationMs: Double
        public var content: Content
    }

    public enum Content: Sendable {
        case keywords(KeywordsReport)
        case keyness(KeynessReport)
        case stats(StatsReport)
        case dispersion(DispersionReport)
        case trend(TrendReport)
        case histogram(HistogramReport)
        case topics(TopicsReport)
        case tag(TagReport)
        case versions(VersionsReport)
        case diff([DiffReport.Pair])
        case kwic(KwicReport)
        /// Anything else: its JSON, cut to `LoggedResult.jsonLimit` bytes.
        case json(String, truncated: Bool)
    }
}

extension ReportData.LoggedResult {
    public static let jsonLimit = 4_000
}
