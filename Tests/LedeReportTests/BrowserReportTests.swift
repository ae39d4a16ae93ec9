import Foundation
import Testing
@testable import LedeEngine
@testable import LedeReport

/// The report opened in a real browser (Chromium, headless): the sections and chart marks the browser built
/// match the data, hostile text shows literally and runs nothing, the console stays silent, and a screenshot
/// is left for a person to look at. Skipped where Chromium is not installed (Scripts/setup installs it).
@Suite(.serialized) struct BrowserReportTests {
    static let skipNote: Comment = "Chromium not found (install Debian's chromium: Scripts/setup as root does); browser test skipped"

    @Test(.enabled(if: HeadlessBrowser.found != nil, skipNote))
    func reportRendersInABrowserAsTheDataSays() throws {
        let browser = try #require(HeadlessBrowser.found)
        let f = try ReportFixture()
        let path = f.dir + "/report.html"
        let request = ReportRequest(path: path, title: "Report test")
        let written = try f.engine.report(request)
        let data = try f.engine.reportData(request)
        let run = try browser.run(["--dump-dom", URL(fileURLWithPath: path).absoluteString])
        #expect(run.status == 0, "chromium exit \(run.status)")
        #expect(run.leftovers.isEmpty, "chromium processes left behind: \(run.leftovers)")
        let dom = run.stdout
        #expect(dom.contains("</html>"), "no DOM came back")
        // Nothing ran: the title is ours, no attribute or element the hostile text would have added exists.
        #expect(dom.contains("<title>Report test</title>"))
        #expect(!dom.contains("data-pwned=\""))
        for injected in ["<script", "<img", "<b onmouseover", "<a href=\"javascript"] {
            let present = dom.contains(injected)
            #expect(!present, "\(injected)")
        }
        // …and the hostile text shows literally (a DOM serialisation escapes < > & in text).
        for literal in ["&lt;script&gt;document.title='pwned'&lt;/script&gt;", "&lt;a href=\"javascript:document.body.setAttribute('data-pwned','3')\"&gt;",
                        "&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','4')\"&gt;", "&lt;b onmouseover=alert(1)&gt;Wire&lt;/b&gt;"] {
            let shown = dom.contains(literal)
            #expect(shown, "\(literal)")
        }
        // The sections and the marks the browser built, against the data.
        let sections = ReportExpectations.sections(dom)
        #expect(Set(sections.keys) == Set(written.sections))
        for (id, expected) in ReportExpectations.marks(data) {
            let section = try #require(sections[id], "section \(id)")
            #expect(ReportExpectations.count("class=\"mark\"", in: section) == expected, "marks in \(id)")
        }
        let articles = try #require(sections["articles"])
        #expect(ReportExpectations.count("<tr>", in: articles) == 1 + (data.overview?.articles.count ?? 0))
        // The console shows nothing: no error, no blocked script or resource.
        let console = HeadlessBrowser.consoleLines(run.stderr)
        #expect(console.isEmpty, "\(console.prefix(5))")
    }

    @Test(.enabled(if: HeadlessBrowser.found != nil, skipNote))
    func screenshotIsLeftForAPerson() throws {
        let browser = try #require(HeadlessBrowser.found)
        let f = try ReportFixture()
        let path = f.dir + "/report.html"
        _ = try f.engine.report(ReportRequest(path: path))
        let folder = NSTemporaryDirectory() + "lede-report-screenshots"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let png = folder + "/report-test.png"
        try? FileManager.default.removeItem(atPath: png)
        let run = try browser.run(["--window-size=1100,3000", "--screenshot=\(png)", URL(fileURLWithPath: path).absoluteString])
        #expect(run.status == 0 && run.leftovers.isEmpty)
        let bytes = try #require(FileManager.default.contents(atPath: png), "no screenshot at \(png)")
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 10_000)
        #expect(HeadlessBrowser.consoleLines(run.stderr).isEmpty)
        print("report screenshot: \(png)")
    }
}
