import Foundation
import Testing

/// `plot` and `report` with the built binary: a script's charts, its numbers as CSV in a redirect, the report
/// file it writes (relative to the script), its logged plots, and the exit status.
@Suite struct PlotReportTests {
    @Test func aScriptPlotsAndWritesAReport() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        source \(Lede.samples)/load.lede
        plot dispersion said
        plot trend fire --by month --style line
        set format csv
        plot hist words > hist.csv
        set format table
        report out/session.html --title "Samples <b>bold</b>"
        """.write(toFile: dir + "/s.lede", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let r = try Lede.run(["--no-init", dir + "/s.lede"], cwd: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("dispersion of \"said\": 19 hits in 5 of 5 articles"))
        #expect(r.out.contains("\"fire\" per million tokens by month"))
        #expect(!r.out.contains("\u{1B}["))
        let csv = try String(contentsOfFile: dir + "/hist.csv", encoding: .utf8)
        #expect(csv.hasPrefix("low,high,articles\n") && !csv.contains("█"))
        let html = try String(contentsOfFile: dir + "/out/session.html", encoding: .utf8)
        #expect(html.contains("<title>Samples &lt;b&gt;bold&lt;/b&gt;</title>"))
        #expect(html.contains("<code>plot dispersion said</code>") && html.contains("data-chart=\"barcodes\""))
        #expect(html.contains("<section id=\"versions\">"))
    }

    @Test func aBadReportPathFailsWithOneLine() throws {
        let r = try Lede.run(["--no-init", "-c", "load \(Lede.samples)/cup-final.txt", "-c", "report /nonexistent-dir/x.html"])
        #expect(r.status == 1)
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains("report:") && r.err.contains("/nonexistent-dir/x.html"))
    }
}
