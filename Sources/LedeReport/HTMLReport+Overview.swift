import Foundation
import LedeAnalysis
import LedeSession
import LedeEngine

extension HTMLReport {
    /// Rows of the articles table at most: the page stays a few megabytes for a large archive.
    static let articleRowLimit = 5_000

    func writeOverview(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        articles(&w, o)
        readability(&w, o)
        keywords(&w, o)
        dispersion(&w, o)
        trends(&w, o)
        topics(&w, o)
        if !o.versions.isEmpty { versions(&w, o) }
    }

    func articles(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        section(&w, "articles") { w in
            let topicNote = o.topicSource == "tags" ? "the article's first tag" : "the best-scoring topic of lede's built-in IPTC Media Topics (tag)"
            w.element("p", [A("class", "note")], text: "\(Format.plural(o.articles.count, "article")). Top topic: \(topicNote). Readability: Flesch Reading Ease (higher is easier) and Flesch–Kincaid grade.")
            let shown = o.articles.prefix(HTMLReport.articleRowLimit)
            w.element("div", [A("class", "scroll")]) { w in
                HTMLReport.table(&w, columns: ["id", "title", o.groupedBy == "source" ? "source" : "folder", "date", "versions", "words", "top topic", "FRE", "FK grade"],
                                 rows: shown.map { a in
                                     [a.label, a.title ?? "", a.source ?? a.group, a.date ?? "", String(a.versions), Format.int(a.words), a.topic ?? "",
                                      HTMLReport.fixed(a.fleschReadingEase, 1), HTMLReport.fixed(a.fleschKincaidGrade, 1)]
                                 }, numeric: [4, 5, 7, 8], cls: "articles")
            }
            if o.articles.count > shown.count {
                w.element("p", [A("class", "note")], text: "The first \(Format.int(shown.count)) of \(Format.int(o.articles.count)) articles; every chart counts them all ('list' or 'export' gives every row).")
            }
        }
    }

    func readability(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        section(&w, "readability") { w in
            for h in o.readability {
                let s = h.histogram
                var caption = "\(h.label): \(Format.plural(s.count, "article"))"
                if let mean = s.mean, let median = s.median { caption += ", mean \(Format.fixed(mean, 1)), median \(Format.fixed(median, 1))" }
                if s.missing > 0 { caption += " (\(Format.int(s.missing)) without a value)" }
                figure(&w, caption: caption, chart: { w in
                    SVGCharts.histogram(&w, chart: "hist-\(h.statistic.rawValue)", label: "Histogram of \(h.label)",
                                        bins: s.bins.map { ($0.low, $0.high, $0.count) })
                }, columns: ["from", "to (not included)", "articles"],
                   rows: s.bins.map { [HTMLWriter.number($0.low), HTMLWriter.number($0.high), Format.int($0.count)] }, numeric: [0, 1, 2])
            }
        }
    }

    func keywords(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        section(&w, "keywords") { w in
            let g = o.keywords.groups.first
            let terms = g?.terms ?? []
            figure(&w, caption: "Top \(terms.count) keywords (count; English function words left out)", chart: { w in
                SVGCharts.horizontalBars(&w, chart: "keywords", label: "Bar chart of the top keywords by count",
                                         items: terms.map { ($0.term, Double($0.count), Format.int($0.count)) })
            }, columns: ["#", "word", "count", "per million", "articles", "range %"],
               rows: terms.enumerated().map { i, t in [String(i + 1), t.term, Format.int(t.count), Format.fixed(t.perMillion, 1),
                                                      Format.int(t.documentFrequency), Format.fixed(t.range, 1)] },
               numeric: [0, 2, 3, 4, 5])
            if o.keyness.isEmpty {
                w.element("p", [A("class", "note")], text: "Keyness compares the groups of articles (by \(o.groupedBy)) when there are 2 to 12; this selection has \(o.topicShares.count).")
            }
            for (k, group) in o.keyness.enumerated() {
                figure(&w, caption: "Keyness: \(group.group) (\(Format.plural(group.articles, "article"))) against the other articles — log-likelihood G²",
                       chart: { w in
                    SVGCharts.horizontalBars(&w, chart: "keyness", label: "Bar chart of the words most over-used in \(group.group)",
                                             items: group.terms.map { ($0.term, $0.logLikelihood4, Format.fixed($0.logLikelihood4, 1)) },
                                             color: SVGCharts.palette[(k + 1) % SVGCharts.palette.count])
                }, columns: ["word", "count here", "count elsewhere", "per million here", "per million elsewhere", "G²", "log ratio"],
                   rows: group.terms.map { [$0.term, Format.int($0.targetCount), Format.int($0.referenceCount), Format.fixed($0.targetPerMillion, 1),
                                            Format.fixed($0.referencePerMillion, 1), Format.fixed($0.logLikelihood4, 2), Format.fixed($0.logRatio, 2)] },
                   numeric: [1, 2, 3, 4, 5, 6])
            }
        }
    }

    func dispersion(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        section(&w, "dispersion") { w in
            w.element("p", [A("class", "note")], text: "Each strip is the whole selection laid end to end, articles in order, grouped by \(o.groupedBy) (bands); a mark where the keyword occurs, darker where it occurs more. Gries's DP: 0 = spread like the text, towards 1 = concentrated; Juilland's D over the articles: 1 = even.")
            for s in o.dispersion {
                let figures = [s.griesDP.map { "DP \(Format.fixed($0, 3))" }, s.griesDPNorm.map { "DPnorm \(Format.fixed($0, 3))" },
                               s.juillandD.map { "D \(Format.fixed($0, 3))" }].compactMap { $0 }.joined(separator: ", ")
                figure(&w, caption: "“\(s.term)”: \(Format.plural(s.hits, "hit")) in \(Format.int(s.articlesWithHits)) of \(Format.plural(s.articles, "article")); \(figures)",
                       chart: { w in
                    SVGCharts.strip(&w, chart: "strip", label: "Where \(s.term) occurs across the selection",
                                    columns: s.columns, groups: s.groups.map { ($0.name, $0.first, $0.last) })
                }, columns: ["article", "title", "words", "hits", "per 1,000", "D", "DP"],
                   rows: s.top.map { [$0.article, $0.title ?? "", Format.int($0.tokens), Format.int($0.hits), Format.fixed($0.perThousand, 2),
                                      HTMLReport.fixed($0.juillandD, 3), HTMLReport.fixed($0.griesDP, 3)] },
                   numeric: [2, 3, 4, 5, 6])
            }
        }
    }

    func trends(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        section(&w, "trends") { w in
            let t = o.trends
            let undated = "\(Format.plural(t.undated, "article")) without a date (published, else modified)"
            guard let unit = t.unit, !t.articlesPerBucket.isEmpty else {
                w.element("p", [A("class", "note")], text: "No article has a date: \(undated). Trends need dates.")
                return
            }
            w.element("p", [A("class", "note")], text: "\(Format.plural(t.dated, "dated article")) by \(unit.rawValue); \(undated), not on the time axis.")
            let labels = t.articlesPerBucket.map(\.label)
            figure(&w, caption: "Articles per \(unit.rawValue)", chart: { w in
                SVGCharts.columns(&w, chart: "articles-per-bucket", label: "Articles per \(unit.rawValue)", buckets: labels,
                                  values: t.articlesPerBucket.map(\.articles))
            }, columns: [unit.rawValue, "from", "to", "articles", "words"],
               rows: t.articlesPerBucket.map { [$0.label, $0.start, $0.end, Format.int($0.articles), Format.int($0.tokens)] }, numeric: [3, 4])
            guard !t.terms.isEmpty else { return }
            w.element("div", [A("class", "legend")]) { w in
                for (k, r) in t.terms.enumerated() {
                    w.element("span", [A("style", "--c:" + SVGCharts.palette[k % SVGCharts.palette.count])], text: r.subject)
                }
            }
            figure(&w, caption: "Top keywords per million words, by \(unit.rawValue)", chart: { w in
                SVGCharts.lines(&w, chart: "trend", label: "Line chart of the top keywords per million words by \(unit.rawValue)",
                                buckets: labels, series: t.terms.map { ($0.subject, $0.points.map(\.value)) })
            }, columns: [unit.rawValue] + t.terms.map { "\($0.subject) per million" },
               rows: labels.indices.map { k in [labels[k]] + t.terms.map { HTMLReport.fixed($0.points[k].value, 1) } },
               numeric: Set(1...t.terms.count))
        }
    }

    func topics(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        section(&w, "topics") { w in
            // The most frequent topics get colours; the rest share grey.
            var totals: [String: Int] = [:]
            for g in o.topicShares { for t in g.topics { totals[t.topic, default: 0] += t.articles } }
            let ranked = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            var colors: [String: String] = [:]
            for (k, t) in ranked.filter({ $0 != "(none)" }).prefix(SVGCharts.palette.count).enumerated() { colors[t] = SVGCharts.palette[k] }
            w.element("div", [A("class", "legend")]) { w in
                for t in ranked { w.element("span", [A("style", "--c:" + (colors[t] ?? SVGCharts.other))], text: t) }
            }
            let source = o.topicSource == "tags" ? "first tag" : "top IPTC topic"
            figure(&w, caption: "Topic shares by \(o.groupedBy) (each article's \(source))", chart: { w in
                SVGCharts.stacked(&w, chart: "topic-shares", label: "Stacked bars of topic shares by \(o.groupedBy)",
                                  groups: o.topicShares.map { ($0.group, $0.topics.map { ($0.topic, $0.articles) }) }, colors: colors)
            }, columns: [o.groupedBy, "topic", "articles", "share %"],
               rows: o.topicShares.flatMap { g in g.topics.map { [g.group, $0.topic, Format.int($0.articles),
                                                                   Format.fixed(100 * Double($0.articles) / Double(max(1, g.articles)), 1)] } },
               numeric: [2, 3])
            if let lda = o.lda { HTMLReport.ldaTable(&w, lda) } else {
                w.element("p", [A("class", "note")], text: "No LDA topics in this session (run 'topics' before 'report' to include them).")
            }
        }
    }

    static func ldaTable(_ w: inout HTMLWriter, _ lda: TopicsReport) {
        w.element("h3", text: "LDA topics (k = \(lda.k), \(lda.iterations) iterations, seed \(lda.seed); coherence \(Format.fixed(lda.coherence, 2))\(lda.purity.map { ", purity " + Format.fixed($0, 3) } ?? ""))")
        table(&w, columns: ["topic", "top words", "UMass coherence", "articles"],
              rows: lda.topics.map { [String($0.topic), $0.words.joined(separator: ", "), Format.fixed($0.coherence, 2), Format.int($0.articles)] },
              numeric: [2, 3])
    }

    func versions(_ w: inout HTMLWriter, _ o: ReportData.Overview) {
        section(&w, "versions") { w in
            if o.versionsOmitted > 0 {
                w.element("p", [A("class", "note")], text: "\(Format.plural(o.versionsOmitted, "more article")) with versions not shown (at most \(ReportData.VersionStory.limit)).")
            }
            for story in o.versions {
                w.open("article", [A("class", "story")])
                w.element("h3", text: story.label + (story.title.map { " — " + $0 } ?? ""))
                figure(&w, caption: "Timeline: \(Format.plural(story.timeline.count, "version"))", chart: { w in
                    SVGCharts.timeline(&w, chart: "timeline", label: "Versions of \(story.label) over time",
                                       points: story.timeline.map { ($0.version, $0.date, $0.words) })
                }, columns: ["version", "date", "words", "changed %", "similarity", "flag"],
                   rows: story.timeline.map { [String($0.version), $0.date ?? "", Format.int($0.words), HTMLReport.fixed($0.changedPercent, 1),
                                               HTMLReport.fixed($0.similarity, 3), $0.flag ?? ""] },
                   numeric: [0, 2, 3, 4])
                for view in story.pairs { HTMLReport.pair(&w, view.pair, rows: view.rows) }
                w.close("article")
            }
        }
    }

    /// A version pair: counts, the change summary, metadata changes, then the two texts side by side.
    static func pair(_ w: inout HTMLWriter, _ p: DiffReport.Pair, rows: [DiffColumns.Row]?) {
        let c = p.counts
        w.element("h3", text: "\(p.old.label) → \(p.new.label)")
        w.element("p", [A("class", "meta")], text: "Sentences: \(c.unchanged) unchanged, \(c.added) added, \(c.deleted) deleted, \(c.edited) edited, \(c.moved) moved, \(c.merged) merged, \(c.split) split. Words +\(c.wordsAdded) −\(c.wordsRemoved), similarity \(Format.fixed(c.similarity, 3)); \(Format.fixed(p.changedPercent, 1)) % of sentences changed.")
        let lines = p.summary.lines + p.metadata.map { "\($0.field): \($0.old ?? "—") → \($0.new ?? "—")" }
        if !lines.isEmpty {
            w.element("ul", [A("class", "summary")]) { w in for l in lines { w.element("li", text: l) } }
        }
        if p.identical { w.element("p", [A("class", "note")], text: "No changes."); return }
        if p.trivial { w.element("p", [A("class", "note")], text: "Only whitespace, punctuation or letter case changed."); return }
        guard let rows else { return }
        w.open("table", [A("class", "sbs")])
        w.element("thead") { w in
            w.element("tr") { w in w.element("th", [A("scope", "col")], text: p.old.label); w.element("th", [A("scope", "col")], text: p.new.label) }
        }
        w.open("tbody")
        for r in rows {
            w.open("tr", [A("class", r.change.rawValue)])
            w.element("td", [A("class", "old")]) { w in segments(&w, r.old) }
            w.element("td", [A("class", "new")]) { w in
                if r.moved { w.element("span", [A("class", "note")], text: "(moved) ") }
                segments(&w, r.new)
            }
            w.close("tr")
        }
        w.close("tbody")
        w.close("table")
    }

    static func segments(_ w: inout HTMLWriter, _ segments: [DiffColumns.Segment]) {
        for s in segments {
            switch s.mark {
            case .same: w.text(s.text)
            case .deleted: w.element("del", text: s.text)
            case .inserted: w.element("ins", text: s.text)
            }
        }
    }
}
