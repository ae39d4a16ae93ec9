import Foundation
import LedeAnalysis
import LedeSession
import LedeEngine

extension HTMLReport {
    /// Rows of a logged table shown at most (the rest is in the session file).
    static let logRowLimit = 200

    func writeLog(_ w: inout HTMLWriter) {
        section(&w, "log") { w in
            if data.logged.isEmpty {
                w.element("p", [A("class", "note")], text: "The session has logged no results yet.")
                return
            }
            w.element("p", [A("class", "note")], text: "What was run in this session, oldest first: \(Format.plural(data.logged.count, "result")).")
            for entry in data.logged {
                w.open("article", [A("class", "logged")])
                w.element("h3") { w in w.element("code", text: entry.command) }
                w.element("p", [A("class", "meta")], text: "\(entry.startedAt), \(Format.fixed(entry.durationMs, 1)) ms")
                logged(&w, entry.content)
                w.close("article")
            }
        }
    }

    func logged(_ w: inout HTMLWriter, _ content: ReportData.Content) {
        switch content {
        case .keywords(let r):
            for g in r.groups {
                figure(&w, caption: "\(g.group): \(Format.plural(g.articles, "article")), \(Format.int(g.tokens)) tokens (\(r.ranking))", chart: { w in
                    SVGCharts.horizontalBars(&w, chart: "keywords", label: "Bar chart of keywords",
                                             items: g.terms.prefix(40).map { t in (t.term, r.ranking == "tfidf" ? (t.tfidf ?? 0) : Double(t.count),
                                                                                  r.ranking == "tfidf" ? Format.fixed(t.tfidf ?? 0, 4) : Format.int(t.count)) })
                }, columns: ["term", "count", "per million", "articles", "range %"] + (r.ranking == "tfidf" ? ["tf-idf"] : []),
                   rows: g.terms.map { [$0.term, Format.int($0.count), Format.fixed($0.perMillion, 1), Format.int($0.documentFrequency), Format.fixed($0.range, 1)]
                                        + (r.ranking == "tfidf" ? [Format.fixed($0.tfidf ?? 0, 4)] : []) },
                   numeric: [1, 2, 3, 4, 5])
            }
        case .keyness(let r):
            figure(&w, caption: "Keyness: \(Format.plural(r.target, "article")) against \(Format.int(r.reference)) (\(Format.int(r.targetTokens)) vs \(Format.int(r.referenceTokens)) tokens) — G², over-used words",
                   chart: { w in
                let over = r.terms.filter { $0.direction == "over" }.prefix(40)
                SVGCharts.horizontalBars(&w, chart: "keyness", label: "Bar chart of keyness", items: over.map { ($0.term, $0.logLikelihood4, Format.fixed($0.logLikelihood4, 1)) })
            }, columns: ["term", "direction", "target", "reference", "G²", "log ratio", "p"],
               rows: r.terms.map { [$0.term, $0.direction, Format.int($0.targetCount), Format.int($0.referenceCount), Format.fixed($0.logLikelihood4, 2),
                                    Format.fixed($0.logRatio, 2), String(format: "%.3g", $0.p)] },
               numeric: [2, 3, 4, 5, 6])
        case .stats(let r):
            let s = r.selection
            HTMLReport.table(&w, columns: ["articles", "words", "sentences", "FRE", "FK grade", "Fog", "SMOG", "Dale–Chall"],
                             rows: [[Format.int(r.articleCount), Format.int(s.words), Format.int(s.sentences), HTMLReport.fixed(s.readability.fleschReadingEase, 1),
                                     HTMLReport.fixed(s.readability.fleschKincaidGrade, 1), HTMLReport.fixed(s.readability.gunningFog, 1),
                                     HTMLReport.fixed(s.readability.smog, 1), HTMLReport.fixed(s.readability.daleChall, 1)]], numeric: Set(0...7))
            limited(&w, r.articles.count) { w, n in
                HTMLReport.table(&w, columns: ["article", "title", "words", "sentences", "FRE", "FK grade"],
                                 rows: r.articles.prefix(n).map { [$0.article, $0.title ?? "", Format.int($0.stats.words), Format.int($0.stats.sentences),
                                                                   HTMLReport.fixed($0.stats.readability.fleschReadingEase, 1),
                                                                   HTMLReport.fixed($0.stats.readability.fleschKincaidGrade, 1)] },
                                 numeric: [2, 3, 4, 5])
            }
        case .dispersion(let r):
            figure(&w, caption: "Dispersion of “\(r.term)”: \(Format.plural(r.hits, "hit")) in \(Format.int(r.articlesWithHits)) of \(Format.plural(r.articles, "article"))"
                   + (r.griesDP.map { "; DP \(Format.fixed($0, 3))" } ?? "") + (r.juillandD.map { ", D \(Format.fixed($0, 3))" } ?? ""),
                   chart: { w in
                SVGCharts.barcodes(&w, chart: "barcodes", label: "Where \(r.term) occurs in each article",
                                   rows: r.rows.prefix(HTMLReport.logRowLimit).map { ($0.article, $0.tokens, $0.positions) })
            }, columns: ["article", "title", "tokens", "hits", "D", "DP"],
               rows: r.rows.map { [$0.article, $0.title ?? "", Format.int($0.tokens), Format.int($0.hits), HTMLReport.fixed($0.juillandD, 3), HTMLReport.fixed($0.griesDP, 3)] },
               numeric: [2, 3, 4, 5])
        case .trend(let r):
            let undated = r.undated.articles > 0 ? "; \(Format.plural(r.undated.articles, "undated article")) not on the time axis" : ""
            figure(&w, caption: "\(r.subject), \(r.measure) by \(r.unit.rawValue)\(undated)", chart: { w in
                SVGCharts.lines(&w, chart: "trend", label: "Line chart of \(r.subject) by \(r.unit.rawValue)", buckets: r.points.map(\.label),
                                series: [(r.subject, r.points.map(\.value))])
            }, columns: [r.unit.rawValue, "articles", "tokens", "hits", r.measure],
               rows: r.points.map { [$0.label, Format.int($0.articles), Format.int($0.tokens), Format.int($0.hits), HTMLReport.fixed($0.value, 2)] }
                   + [["undated", Format.int(r.undated.articles), Format.int(r.undated.tokens), Format.int(r.undated.hits), ""]],
               numeric: [1, 2, 3, 4])
        case .histogram(let r):
            figure(&w, caption: "\(r.label): \(Format.plural(r.histogram.count, "article"))", chart: { w in
                SVGCharts.histogram(&w, chart: "hist-\(r.statistic.rawValue)", label: "Histogram of \(r.label)", bins: r.histogram.bins.map { ($0.low, $0.high, $0.count) })
            }, columns: ["from", "to (not included)", "articles"],
               rows: r.histogram.bins.map { [HTMLWriter.number($0.low), HTMLWriter.number($0.high), Format.int($0.count)] }, numeric: [0, 1, 2])
        case .topics(let r):
            HTMLReport.ldaTable(&w, r)
        case .tag(let r):
            var counts: [String: Int] = [:]
            for a in r.articles { counts[a.topics.first?.label ?? "(none)", default: 0] += 1 }
            let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            figure(&w, caption: "Articles by top topic (\(r.tagger))", chart: { w in
                SVGCharts.horizontalBars(&w, chart: "tags", label: "Bar chart of articles by topic", items: ranked.map { ($0.key, Double($0.value), Format.int($0.value)) })
            }, columns: ["topic", "articles"], rows: ranked.map { [$0.key, Format.int($0.value)] }, numeric: [1])
        case .versions(let r):
            limited(&w, r.versions.count) { w, n in
                HTMLReport.table(&w, columns: ["article", "version", "date", "words", "changed %", "similarity", "flag", "title"],
                                 rows: r.versions.prefix(n).map { [$0.name ?? $0.article, String($0.version), $0.date ?? "", Format.int($0.words),
                                                                   HTMLReport.fixed($0.changedPercent, 1), HTMLReport.fixed($0.similarity, 3), $0.flag ?? "", $0.title ?? ""] },
                                 numeric: [1, 3, 4, 5])
            }
        case .diff(let pairs):
            for p in pairs.prefix(20) { HTMLReport.pair(&w, p, rows: HTMLReport.editRows(p)) }
        case .kwic(let r):
            w.element("p", [A("class", "meta")], text: "\(Format.plural(r.matches, "match", "matches")) of “\(r.term)”")
            limited(&w, r.lines.count) { w, n in
                HTMLReport.table(&w, columns: ["article", "left", "match", "right"],
                                 rows: r.lines.prefix(n).map { [$0.article, $0.left, $0.match, $0.right] }, cls: "kwic")
            }
        case .json(let text, let truncated):
            w.element("details") { w in
                w.element("summary", text: truncated ? "Result (JSON, first \(ReportData.LoggedResult.jsonLimit) bytes)" : "Result (JSON)")
                w.element("pre", text: text)
            }
        }
    }

    /// A logged diff keeps only its edits: each as one side-by-side row.
    static func editRows(_ p: DiffReport.Pair) -> [DiffColumns.Row] {
        p.edits.map { e in
            DiffColumns.Row(change: SentenceChange(rawValue: e.change) ?? .edited, moved: e.moved,
                            old: e.oldText.map { [DiffColumns.Segment($0, e.change == "deleted" ? .deleted : .same)] } ?? [],
                            new: e.newText.map { [DiffColumns.Segment($0, e.change == "added" ? .inserted : .same)] } ?? [])
        }
    }

    /// A table of at most `logRowLimit` rows, saying how many were left out.
    func limited(_ w: inout HTMLWriter, _ count: Int, _ body: (inout HTMLWriter, Int) -> Void) {
        let n = min(count, HTMLReport.logRowLimit)
        w.element("div", [A("class", "scroll")]) { w in body(&w, n) }
        if count > n { w.element("p", [A("class", "note")], text: "First \(Format.int(n)) of \(Format.int(count)) rows.") }
    }
}
