import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

/// `report FILE.html [SEL]`: one self-contained HTML file of the selection's overview and the session's logged
/// results. The engine gathers the data (`reportData`); `LedeReport` writes the HTML.
public struct ReportRequest: Sendable {
    public enum Content: String, Sendable, CaseIterable, Codable { case overview, log, both }

    /// Where to write (resolved).
    public var path: String
    public var selectors: [String]
    public var content: Content
    /// Keywords in the overview; the first `dispersionTerms` of them get dispersion strips and trends.
    public var keywords: Int
    public var dispersionTerms: Int
    public var title: String?

    public init(path: String, selectors: [String] = [], content: Content = .both, keywords: Int = 20, dispersionTerms: Int = 5,
                title: String? = nil) {
        self.path = path; self.selectors = selectors; self.content = content; self.keywords = keywords
        self.dispersionTerms = dispersionTerms; self.title = title
    }
}

public struct ReportReport: Codable, Sendable {
    public var kind = "report"
    public var path: String
    public var bytes: Int
    public var articles: Int
    /// Section ids, in order.
    public var sections: [String]
    public var loggedResults: Int
    public var charts: Int
    public var seconds: Double

    public init(path: String, bytes: Int, articles: Int, sections: [String], loggedResults: Int, charts: Int, seconds: Double) {
        self.path = path; self.bytes = bytes; self.articles = articles; self.sections = sections
        self.loggedResults = loggedResults; self.charts = charts; self.seconds = seconds
    }
}

extension Engine {
    /// The report's data: the overview of the selection (unless only the log is asked for) and the logged results.
    public func reportData(_ request: ReportRequest) throws -> ReportData {
        var data = ReportData(title: request.title ?? "lede report", generatedAt: Self.timestamp(Date()), ledeVersion: Engine.version,
                              selectors: request.selectors, overview: nil, logged: [])
        // With nothing loaded, `both` is the log alone (an overview of nothing would only be an error).
        let nothingLoaded = workspace.articles.isEmpty && request.selectors.isEmpty && request.content == .both
        let logged = try loggedResults()
        if request.content != .log && !nothingLoaded {
            let lda = logged.reversed().lazy.compactMap { if case .topics(let t) = $0.content { return t } else { return nil } }.first
            data.overview = try overview(request, lda: lda)
        }
        if request.content != .overview { data.logged = logged }
        return data
    }

    func overview(_ request: ReportRequest, lda: TopicsReport?) throws -> ReportData.Overview {
        let selection = try select(request.selectors)
        let stats = try articleStatistics(selection)
        // Groups: the source, or the folder when no article names one.
        let hasSource = selection.contains { $0.version.metadata.source != nil }
        let groups = selection.map { s -> String in
            if hasSource { return s.version.metadata.source ?? "(no source)" }
            let folder = RawPath.parent(of: s.version.document.path)
            return folder.isEmpty ? "(no folder)" : RawPath.lastComponent(of: folder)
        }
        let (topics, topicSource) = try topTopics(selection)
        let articles = selection.indices.map { i -> ReportData.ArticleRow in
            let s = selection[i], m = s.version.metadata
            return ReportData.ArticleRow(id: s.article.id, label: s.label, title: m.title, source: m.source, group: groups[i],
                                         date: m.published ?? m.modified, versions: s.article.versions.count, words: s.version.wordCount,
                                         topic: topics[i], fleschReadingEase: stats[i].readability.fleschReadingEase,
                                         fleschKincaidGrade: stats[i].readability.fleschKincaidGrade)
        }
        let readability = [ArticleStatistic.fre, .fkgl, .fog, .daleChall, .words].map { stat in
            HistogramReport(statistic: stat, label: stat.label, articles: selection.count, histogram: Histogram(stats.map { stat.value(in: $0) }))
        }
        let keywords = try self.keywords(KeywordsRequest(selectors: request.selectors, terms: TermOptions(top: request.keywords)))
        let topTerms = (keywords.groups.first?.terms ?? []).prefix(request.dispersionTerms).map(\.term)
        return ReportData.Overview(
            articles: articles, topicSource: topicSource, groupedBy: hasSource ? "source" : "folder",
            readability: readability, keywords: keywords,
            keyness: try groupKeyness(selection, groups: groups),
            dispersion: try topTerms.map { try strip($0, selection: selection, groups: groups) },
            trends: try trends(topTerms, request: request),
            topicShares: Self.topicShares(groups: groups, topics: topics),
            lda: lda,
            versions: try versionStories(selection),
            versionsOmitted: max(0, Set(selection.filter { $0.article.versions.count > 1 }.map(\.article.id)).count - ReportData.VersionStory.limit))
    }

    /// Each article's top topic: its first tag when the session tagged any selected article, else the built-in
    /// IPTC taxonomy's best-scoring topic (nothing when no term matched).
    func topTopics(_ selection: [Selection]) throws -> ([String?], String) {
        if selection.contains(where: { !$0.article.tags.isEmpty }) { return (selection.map { $0.article.tags.first }, "tags") }
        let taxonomy: Taxonomy
        do { taxonomy = try Taxonomy.builtIn() } catch { throw EngineError("\(error)") }
        let tagger = TaxonomyTagger(taxonomy: taxonomy, keys: indexes.termKeys())
        let topics = Parallel.map(count: selection.count, chunk: 64) { range in
            range.map { i -> String? in
                let v = selection[i].version
                guard let best = tagger.tag(v.text, title: v.metadata.title, language: v.metadata.language).scores.first, best.score > 0 else { return nil }
                return best.label
            }
        }.flatMap { $0 }
        return (topics, "IPTC")
    }

    /// For each group (when there are 2 to 12), the words it over-uses against all the other selected articles.
    func groupKeyness(_ selection: [Selection], groups: [String]) throws -> [ReportData.GroupKeyness] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, g) in groups.enumerated() {
            if members[g] == nil { order.append(g) }
            members[g, default: []].append(i)
        }
        guard (2...12).contains(order.count) else { return [] }
        let languageUnits = try languageUnits(TermOptions(), languages: languages(of: selection, for: TermOptions()))
        let units = languageUnits.shared
        var tables: [String: UnitCounts] = [:]
        for g in order { tables[g] = try count(members[g]!.map { selection[$0] }, with: languageUnits) }
        return try order.map { g in
            var rest = UnitCounts()
            try rest.add(selection.indices.filter { groups[$0] != g }.map { selection[$0].version.text }, units: units)
            let t = tables[g]!
            return ReportData.GroupKeyness(group: g, articles: members[g]!.count, tokens: t.tokens,
                                           terms: Keyness.compare(target: t, reference: rest, units: units, top: 10, minCount: 5, direction: "over"))
        }
    }

    static let stripColumns = 400

    /// A keyword's hits over the selection laid end to end.
    func strip(_ term: String, selection: [Selection], groups: [String]) throws -> ReportData.DispersionStrip {
        let texts = selection.map(\.version.text)
        let positions = try TermHits.positions(try termPattern(term), in: texts)
        let sizes = texts.map(\.tokenCount), hits = positions.map(\.count)
        let total = max(1, sizes.reduce(0, +))
        let n = Self.stripColumns
        var columns = [Int](repeating: 0, count: n)
        var spans: [ReportData.GroupSpan] = []
        var offset = 0
        for i in selection.indices {
            let first = offset * n / total
            for p in positions[i] { columns[min(n - 1, (offset + Int(p)) * n / total)] += 1 }
            offset += sizes[i]
            let last = max(first, min(n - 1, (offset * n - 1) / total))
            if let l = spans.last, l.name == groups[i] { spans[spans.count - 1].last = last }
            else { spans.append(ReportData.GroupSpan(name: groups[i], first: first, last: last)) }
        }
        let ranked = selection.indices.filter { hits[$0] > 0 }.sorted { hits[$0] != hits[$1] ? hits[$0] > hits[$1] : $0 < $1 }.prefix(10)
        let top = ranked.map { i -> DispersionReport.Row in
            let (d, dp) = Dispersion.ofText(positions: positions[i], length: sizes[i], parts: 10)
            let s = selection[i]
            return DispersionReport.Row(id: s.article.id, article: s.label, title: s.version.metadata.title, tokens: sizes[i], hits: hits[i],
                                        perThousand: sizes[i] > 0 ? Double(hits[i]) * 1000 / Double(sizes[i]) : 0,
                                        juillandD: d, griesDP: dp, positions: positions[i].map(Int.init))
        }
        let several = selection.count > 1, any = hits.contains { $0 > 0 }
        return ReportData.DispersionStrip(
            term: term, hits: hits.reduce(0, +), articlesWithHits: hits.filter { $0 > 0 }.count, articles: selection.count,
            griesDP: several ? Dispersion.griesDP(hits: hits, sizes: sizes) : nil,
            griesDPNorm: several ? Dispersion.griesDPNorm(hits: hits, sizes: sizes) : nil,
            juillandD: several && any ? Dispersion.juillandD(Dispersion.relativeFrequencies(hits: hits, sizes: sizes)) : nil,
            columns: columns, groups: spans, top: Array(top))
    }

    func trends(_ terms: [String], request: ReportRequest) throws -> ReportData.Trends {
        let selection = try select(request.selectors)
        let dated = selection.filter { Self.day(of: $0.version.metadata) != nil }.count
        var out = ReportData.Trends(unit: nil, articlesPerBucket: [], terms: [], dated: dated, undated: selection.count - dated)
        guard dated > 0 else { return out }
        let first = try trend(TrendRequest(subject: .term(terms.first ?? "the"), selectors: request.selectors))
        out.unit = first.unit
        out.articlesPerBucket = first.points
        out.terms = try terms.map { try trend(TrendRequest(subject: .term($0), selectors: request.selectors, unit: first.unit)) }
        return out
    }

    static func topicShares(groups: [String], topics: [String?]) -> [ReportData.TopicShare] {
        var order: [String] = []
        var counts: [String: [String: Int]] = [:]
        for (g, t) in zip(groups, topics) {
            if counts[g] == nil { order.append(g) }
            counts[g, default: [:]][t ?? "(none)", default: 0] += 1
        }
        return order.map { g in
            let c = counts[g]!
            return ReportData.TopicShare(group: g, articles: c.values.reduce(0, +),
                                         topics: c.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                                                  .map { ReportData.TopicCount(topic: $0.key, articles: $0.value) })
        }
    }

    /// Timelines and side-by-side diffs of the selected articles with versions (the first `limit` of them).
    func versionStories(_ selection: [Selection]) throws -> [ReportData.VersionStory] {
        var seen = Set<String>()
        var stories: [ReportData.VersionStory] = []
        for s in selection where s.article.versions.count > 1 && seen.insert(s.article.id).inserted {
            if stories.count == ReportData.VersionStory.limit { break }
            try Cancellation.check()
            let a = s.article
            let timeline = try versions(VersionsRequest(selectors: [a.id])).versions
            let diff = try self.diff(DiffRequest(selectors: [a.id]))
            let pairs = diff.comparisons.map { c in
                ReportData.PairView(pair: c.pair, rows: DiffColumns.rows(old: c.old.version.text, new: c.new.version.text, diff: c.diff))
            }
            stories.append(ReportData.VersionStory(id: a.id, label: a.displayName, title: a.latest.metadata.title, timeline: timeline, pairs: pairs))
        }
        return stories
    }

    /// The session's successful results, oldest first, each decoded as its verb's report where lede knows one.
    public func loggedResults() throws -> [ReportData.LoggedResult] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var out: [ReportData.LoggedResult] = []
        for entry in log.entries where entry.status == .ok {
            let words = entry.command.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let verb = words.first.map({ $0.lowercased() }), !Self.unreported.contains(verb), let json = entry.result else { continue }
            let data = try JSONEncoder.lede.encode(json)
            func decode<T: Decodable>(_ type: T.Type) -> T? { try? decoder.decode(type, from: data) }
            var content: ReportData.Content?
            switch verb {
            case "keywords": content = decode(KeywordsReport.self).map { .keywords($0) }
            case "keyness": content = decode(KeynessReport.self).map { .keyness($0) }
            case "stats": content = decode(StatsReport.self).map { .stats($0) }
            case "topics": content = decode(TopicsReport.self).map { .topics($0) }
            case "tag": content = decode(TagReport.self).map { .tag($0) }
            case "versions": content = decode(VersionsReport.self).map { .versions($0) }
            case "kwic": content = decode(KwicReport.self).map { .kwic($0) }
            case "diff": content = decode(LoggedPairs.self).map { .diff($0.pairs) }
            case "plot":
                switch json.kind {
                case "dispersion": content = decode(DispersionReport.self).map { .dispersion($0) }
                case "trend": content = decode(TrendReport.self).map { .trend($0) }
                case "histogram": content = decode(HistogramReport.self).map { .histogram($0) }
                default: break
                }
            default: break
            }
            if content == nil {
                let text = String(decoding: data, as: UTF8.self)
                let cut = text.utf8.count > ReportData.LoggedResult.jsonLimit
                content = .json(cut ? String(decoding: Array(text.utf8.prefix(ReportData.LoggedResult.jsonLimit)), as: UTF8.self) : text, truncated: cut)
            }
            out.append(ReportData.LoggedResult(command: entry.command, startedAt: Self.timestamp(entry.startedAt),
                                               durationMs: entry.durationMs, content: content!))
        }
        return out
    }

    /// Verbs whose results say nothing a reader of the report needs.
    static let unreported: Set<String> = ["help", "set", "history", "source", ".", "save", "open", "report", "quit", "exit"]

    private struct LoggedPairs: Decodable { var pairs: [DiffReport.Pair] }
}

extension JSONValue {
    /// The `kind` field of an object, if it has a string one.
    var kind: String? {
        if case .object(let o) = self, case .string(let k)? = o["kind"] { return k }
        return nil
    }
}
