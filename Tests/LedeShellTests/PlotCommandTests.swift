import Foundation
import Testing
@testable import LedeShell
import LedeEngine
import LedeAnalysis

/// `plot` and `report` through the shell: charts fit the width, carry no colour off a terminal, and give their
/// numbers as CSV, plain text and JSON; bad arguments are one line.
@Suite struct PlotCommandTests {
    static let records = [
        #"{"title": "Harbour vote", "published": "2024-01-05", "source": "Gazette", "text": "The harbour council voted on the harbour plan. The harbour opens in spring."}"#,
        #"{"title": "Bank rates", "published": "2024-02-20", "source": "Wire", "text": "The central bank held rates. Traders said the harbour trade was slow."}"#,
        #"{"title": "Cup final", "published": "2024-03-02", "source": "Wire", "text": "The striker scored twice and the home team won the cup."}"#,
        #"{"title": "No date", "source": "Wire", "text": "A harbour note without a date."}"#,
    ]

    func loaded() -> ShellHarness {
        let h = ShellHarness()
        h.run("load \(h.file("news.jsonl", Self.records.joined(separator: "\n") + "\n"))")
        return h
    }

    @Test func dispersionDrawsOneRowPerArticleWithHitsWithinTheWidth() {
        let h = loaded()
        let (outcome, out, err) = h.run("plot dispersion harbour")
        #expect(outcome == .ok, "\(err)")
        let lines = out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("dispersion of \"harbour\": 5 hits in 3 of 4 articles") == true)
        #expect(lines.filter { $0.contains("▕") }.count == 3)
        #expect(lines.allSatisfy { TextWidth.of(String($0)) <= 200 })
        #expect(!out.contains("\u{1B}["))
        #expect(h.run("plot dispersion harbour --with-empty").1.split(separator: "\n").filter { $0.contains("▕") }.count == 4)
    }

    @Test func numbersBehindTheChartsAsCSVAndJSON() throws {
        let h = loaded()
        h.run("set format csv")
        let csv = h.run("plot dispersion harbour").1
        #expect(csv.hasPrefix("article,id,title,tokens,hits,per 1000,D,DP,positions\n"))
        #expect(csv.contains("a1,a1,Harbour vote,13,3,") && !csv.contains("▕"))
        let trend = h.run("plot trend harbour --by month").1.split(separator: "\n")
        #expect(trend.first == "month,start,end,articles,tokens,hits,articles with hits,per million")
        #expect(trend.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] } == ["2024-01", "2024-02", "2024-03", "undated"])
        #expect(trend.last?.hasPrefix("undated,,,1,") == true)
        let hist = h.run("plot hist words").1
        #expect(hist.hasPrefix("low,high,articles\n"))
        h.run("set format json")
        let t = try #require(try JSONSerialization.jsonObject(with: Data(h.run("plot trend harbour --by month --style line").1.utf8)) as? [String: Any])
        #expect(t["kind"] as? String == "trend" && t["unit"] as? String == "month" && (t["undated"] as? [String: Any])?["articles"] as? Int == 1)
    }

    @Test func chartsFitEveryWidthAndColourOnlyWhenAsked() throws {
        let h = loaded()
        let engine = h.shell.engine
        let charts: [any TerminalChart] = [
            DispersionChart(report: try engine.dispersion(DispersionRequest(term: "the", includeEmpty: true))),
            TrendChart(report: try engine.trend(TrendRequest(subject: .term("harbour"), unit: .day))),
            TrendChart(report: try engine.trend(TrendRequest(subject: .term("harbour"), unit: .day)), style: .line),
            TrendChart(report: try engine.trend(TrendRequest(subject: .term("harbour"), unit: .month))),
            HistogramChart(report: try engine.histogram(HistogramRequest(statistic: .fre))),
        ]
        for chart in charts {
            for width in [40, 61, 80, 133, 200] {
                let plain = chart.lines(width: width, color: false)
                #expect(plain.allSatisfy { TextWidth.of($0) <= width }, "\(type(of: chart)) at \(width): \(plain.map { TextWidth.of($0) }.max() ?? 0)")
                #expect(!plain.joined().contains("\u{1B}"))
                #expect(chart.lines(width: width, color: true).joined().contains("\u{1B}["))
            }
        }
        let bars = h.run("plot trend harbour --by month").1
        #expect(bars.contains("2024-01") && bars.contains("2024-03") && bars.contains("1 undated article not on the time axis"))
        #expect(bars.contains("█") || bars.contains("▇"))
        #expect(h.run("plot trend harbour --style line --by day").1.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test func badArgumentsAreOneLine() {
        let h = loaded()
        for (line, message) in [("plot hist nonsense", "unknown statistic 'nonsense'"), ("plot dispersion", "name a term"),
                                ("plot hist words --by month", "--by applies to 'plot trend'"), ("plot dispersion x --parts 1", "--parts 1"),
                                ("plot trend tag:nothing", "tag:nothing"), ("plot pie x", "plot")] {
            let (outcome, _, err) = h.run(line)
            #expect(outcome == .failed, "\(line)")
            #expect(err.contains(message) && err.split(separator: "\n").count == 1, "\(line): \(err)")
        }
    }

    @Test func reportWritesAFileAndSaysWhatItHolds() throws {
        let h = loaded()
        h.run("plot dispersion harbour")
        let path = h.dir + "/out.html"
        let (outcome, out, err) = h.run("report \(path)")
        #expect(outcome == .ok, "\(err)")
        #expect(out.contains("wrote") && out.contains("articles, readability, keywords, dispersion, trends, topics, log"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("plot dispersion harbour"))
        #expect(h.run("report \(h.dir)/missing/dir/x.html").0 == .failed)
    }
}
