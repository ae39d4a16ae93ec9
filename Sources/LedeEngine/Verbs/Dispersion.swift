import LedeText
import LedeAnalysis
import LedeSession

/// `plot dispersion`: where a term occurs along each selected article (AntConc's Plot), with Juilland's D and
/// Gries's DP per article over equal parts of it, and DP over the selection with the articles as parts.
public struct DispersionRequest: Sendable {
    public enum Order: String, Sendable, CaseIterable, Codable { case selection, hits }

    public var term: String
    public var selectors: [String]
    /// Equal parts each article is cut into for its D and DP.
    public var parts: Int
    /// Rows kept in the report (0: all); the figures for the selection always cover every article.
    public var rows: Int
    /// Also list articles without a hit.
    public var includeEmpty: Bool
    public var order: Order

    public init(term: String, selectors: [String] = [], parts: Int = 10, rows: Int = 50, includeEmpty: Bool = false,
                order: Order = .selection) {
        self.term = term; self.selectors = selectors; self.parts = parts; self.rows = rows
        self.includeEmpty = includeEmpty; self.order = order
    }
}

public struct DispersionReport: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var id: String
        public var article: String
        public var title: String?
        public var tokens: Int
        public var hits: Int
        public var perThousand: Double
        /// Juilland's D and Gries's DP over the article's equal parts (nil without hits).
        public var juillandD: Double?
        public var griesDP: Double?
        /// Token position (0-based) of each hit.
        public var positions: [Int]
    }
    public var kind = "dispersion"
    public var term: String
    public var parts: Int
    public var articles: Int
    public var articlesWithHits: Int
    public var tokens: Int
    public var hits: Int
    /// Over the selection, the articles as parts: Gries's DP, its normalised form, and Juilland's D of the
    /// articles' relative frequencies (nil without hits or with one article).
    public var griesDP: Double?
    public var griesDPNorm: Double?
    public var juillandD: Double?
    /// Rows that qualified (with hits, or all with includeEmpty); `rows` holds the first of them.
    public var rowCount: Int
    public var rows: [Row]
}

extension Engine {
    public func dispersion(_ request: DispersionRequest) throws -> DispersionReport {
        let selection = try select(request.selectors)
        let pattern = try termPattern(request.term)
        let texts = selection.map(\.version.text)
        let positions = try TermHits.positions(pattern, in: texts)
        let hits = positions.map(\.count), sizes = texts.map(\.tokenCount)
        let totalHits = hits.reduce(0, +)
        var qualified = selection.indices.filter { request.includeEmpty || hits[$0] > 0 }
        if request.order == .hits { qualified.sort { hits[$0] != hits[$1] ? hits[$0] > hits[$1] : $0 < $1 } }
        let kept = request.rows == 0 ? qualified : Array(qualified.prefix(request.rows))
        let rows = kept.map { i -> DispersionReport.Row in
            let s = selection[i]
            let (d, dp) = Dispersion.ofText(positions: positions[i], length: sizes[i], parts: request.parts)
            return DispersionReport.Row(id: s.article.id, article: s.label, title: s.version.metadata.title, tokens: sizes[i],
                                        hits: hits[i], perThousand: sizes[i] > 0 ? Double(hits[i]) * 1000 / Double(sizes[i]) : 0,
                                        juillandD: d, griesDP: dp, positions: positions[i].map(Int.init))
        }
        let several = selection.count > 1
        return DispersionReport(term: request.term, parts: request.parts, articles: selection.count,
                                articlesWithHits: hits.filter { $0 > 0 }.count, tokens: sizes.reduce(0, +), hits: totalHits,
                                griesDP: several ? Dispersion.griesDP(hits: hits, sizes: sizes) : nil,
                                griesDPNorm: several ? Dispersion.griesDPNorm(hits: hits, sizes: sizes) : nil,
                                juillandD: several && totalHits > 0 ? Dispersion.juillandD(Dispersion.relativeFrequencies(hits: hits, sizes: sizes)) : nil,
                                rowCount: qualified.count, rows: rows)
    }

    /// A word, phrase or pattern matched against the vocabulary now.
    func termPattern(_ term: String) throws -> TermPattern {
        do { return try TermPattern(term, forms: workspace.vocabulary.allForms()) } catch { throw EngineError("\(error)") }
    }
}
