import Foundation
import Testing
import LedeSession
import LedeAnalysis
@testable import LedeEngine

/// `plot` and `report` requests answered by the engine directly.
@Suite final class PlotRequestTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "lede-plot-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let records = [
            ("Harbour vote", "2024-01-05", "The harbour council voted on the harbour plan. The harbour opens in spring."),
            ("Bank rates", "2024-01-20", "The central bank held rates. Traders said trade at the harbour was slow."),
            ("Cup final", "2024-03-02", "The striker scored twice and the home team won the cup in the final minute."),
            ("Undated", nil, "A note about the harbour without any date at all."),
        ].map { title, date, text -> String in
            var o = ["title": title, "text": text]
            if let date { o["published"] = date }
            return String(decoding: try! JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        }
        try Data(records.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: dir + "/news.jsonl"))
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func loaded() throws -> Engine {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/news.jsonl"]))
        return engine
    }

    @Test func dispersionRowsAndSelectionFigures() throws {
        let engine = try loaded()
        let r = try engine.dispersion(DispersionRequest(term: "harbour"))
        #expect(r.hits == 5 && r.articles == 4 && r.articlesWithHits == 3 && r.rowCount == 3)
        #expect(r.rows.map(\.id) == ["a1", "a2", "a4"] && r.rows[0].positions == [1, 6, 9])
        #expect(r.rows[0].perThousand == 3000.0 / Double(r.rows[0].tokens))
        let sizes = engine.workspace.articles.map(\.latest.wordCount), hits = [3, 1, 0, 1]
        #expect(r.rows[0].tokens == sizes[0] && r.tokens == sizes.reduce(0, +))
        #expect(r.griesDP == Dispersion.griesDP(hits: hits, sizes: sizes))
        let byHits = try engine.dispersion(DispersionRequest(term: "harbour", rows: 2, includeEmpty: true, order: .hits))
        #expect(byHits.rows.map(\.id) == ["a1", "a2"] && byHits.rowCount == 4)
        #expect(throws: EngineError.self) { try engine.dispersion(DispersionRequest(term: "  ")) }
        #expect(try engine.dispersion(DispersionRequest(term: "zeppelin")).rows.isEmpty)
    }

    @Test func trendOfATermAndOfATag() throws {
        let engine = try loaded()
        let t = try engine.trend(TrendRequest(subject: .term("harbour"), unit: .month))
        #expect(t.points.map(\.label) == ["2024-01", "2024-02", "2024-03"])
        #expect(t.points[0].hits == 4 && t.points[0].tokens == 26 && t.points[0].value == 4.0 * 1_000_000 / 26)
        #expect(t.points[1].value == nil && t.points[2].value == 0)
        #expect(t.undated.articles == 1 && t.undated.hits == 1)
        #expect(throws: (any Error).self) { try engine.trend(TrendRequest(subject: .tag("sport"))) }   // no article is tagged yet
        _ = try engine.tag(TagRequest())
        let sport = try engine.trend(TrendRequest(subject: .tag("sport"), unit: .month))
        #expect(sport.measure == "% of articles" && sport.points[2].value == 100 && sport.points[0].value == 0)
    }

    @Test func histogramOfAStatistic() throws {
        let engine = try loaded()
        let h = try engine.histogram(HistogramRequest(statistic: .words))
        #expect(h.histogram.count == 4 && h.histogram.bins.reduce(0) { $0 + $1.count } == 4 && h.histogram.minimum == 10)
        let fre = try engine.histogram(HistogramRequest(statistic: .fre, bins: 3))
        #expect(fre.label == "Flesch Reading Ease" && fre.histogram.missing == 0)
    }
}
