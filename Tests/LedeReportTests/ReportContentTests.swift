import Foundation
import Testing
import LedeAnalysis
@testable import LedeEngine
@testable import LedeReport

@Suite struct ReportContentTests {
    @Test func overviewDataCountsEveryArticleAndDate() throws {
        let f = try ReportFixture()
        let data = try f.engine.reportData(ReportRequest(path: f.dir + "/r.html"))
        let o = try #require(data.overview)
        #expect(o.articles.count == 28)
        // Undated articles are counted, not dropped: the fire versions carry a written date; the note and the
        // hostile text dump none.
        #expect(o.trends.undated == 2 && o.trends.dated == 26)
        #expect(o.trends.articlesPerBucket.reduce(0) { $0 + $1.articles } == 26)
        #expect(o.groupedBy == "source" && o.topicShares.reduce(0) { $0 + $1.articles } == 28)
        #expect(o.versions.count == 2 && o.versions[0].pairs.count == 1)
        let rows = o.versions[0].pairs[0].rows
        #expect(rows.contains { $0.change == .edited && $0.old.contains { $0.mark == .deleted && $0.text == "12" } && $0.new.contains { $0.mark == .inserted && $0.text == "15" } })
        #expect(rows.contains { $0.change == .added })
        // Every logged result came back as its own report, in order.
        #expect(data.logged.map(\.command) == ["keywords --top 5", "plot dispersion harbour", "plot trend harbour --by month", "plot hist words", "kwic script"])
        guard case .dispersion(let d) = data.logged[1].content else { Issue.record("dispersion not decoded"); return }
        #expect(d.term == "harbour" && d.hits > 0)
    }

    @Test func theLastLoggedLDARunJoinsTheTopicsSection() throws {
        let f = try ReportFixture()
        #expect(try f.engine.reportData(ReportRequest(path: f.dir + "/a.html")).overview?.lda == nil)
        f.log("topics --k 2", try f.engine.topics(TopicsRequest(k: 2...2, iterations: 20, minDocumentFrequency: 2)))
        let data = try f.engine.reportData(ReportRequest(path: f.dir + "/b.html"))
        #expect(data.overview?.lda?.k == 2)
        _ = try f.engine.report(ReportRequest(path: f.dir + "/b.html"))
        let html = try String(contentsOfFile: f.dir + "/b.html", encoding: .utf8)
        let topics = try #require(ReportExpectations.sections(html)["topics"])
        #expect(topics.contains("LDA topics (k = 2"))
    }

    @Test func sideBySideColumnsRebuildBothTextsExactly() throws {
        let f = try ReportFixture()
        let fire = try #require(f.engine.workspace.article(named: "fire"))
        let diff = VersionDiff.compare(fire.versions[0], fire.versions[1])
        let rows = DiffColumns.rows(old: fire.versions[0].text, new: fire.versions[1].text, diff: diff)
        // Read column by column, the rows hold each version's sentences word for word.
        func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " || $0 == "\n" }) }
        let old = rows.flatMap { r in r.old.map(\.text) }.joined(separator: " ")
        let new = rows.filter { !$0.moved || $0.change != .moved }.flatMap { r in r.new.map(\.text) }.joined(separator: " ")
        #expect(words(old).sorted() == words(fire.versions[0].body).sorted())
        #expect(words(new).sorted() == words(fire.versions[1].body).sorted())
    }

    @Test func pageIsSelfContainedAndEscapesEverything() throws {
        let f = try ReportFixture()
        let path = f.dir + "/report.html"
        let result = try f.engine.report(ReportRequest(path: path))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(result.bytes == html.utf8.count)
        #expect(result.sections == ["articles", "readability", "keywords", "dispersion", "trends", "topics", "versions", "log"])
        // No script, no remote or external resource, no event handler: every `<` in the page opens a tag lede
        // wrote (text has `&lt;`), so the tags tell.
        let tags = Self.tags(html)
        #expect(tags.count > 1_000)
        for tag in tags {
            // Attribute values are text (escaped); the markup is what lies outside them.
            let t = tag.lowercased().replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            for banned in ["<script", "<link", "<iframe", "<object", "<embed", "<img", "<a href=\"javascript", "<base", "<form"] {
                #expect(!t.hasPrefix(banned), "\(tag)")
            }
            let handler = t.range(of: #" on[a-z]+="#, options: .regularExpression) != nil
            #expect(!t.contains(" src=") && !t.contains("url(") && !handler, "\(tag)")
        }
        #expect(html.contains("script-src 'none'"))
        // The hostile title and body show as text.
        let shown = ["&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"&gt;",
                     "&lt;script&gt;document.body.setAttribute('data-pwned','2')&lt;/script&gt;",
                     "&lt;a href=\"javascript:document.body.setAttribute('data-pwned','3')\"&gt;",
                     "&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','4')\"&gt;",
                     "&lt;b onmouseover=alert(1)&gt;Wire&lt;/b&gt;"]
        for text in shown {
            let found = html.contains(text)
            #expect(found, "\(text)")
        }
        let raw = html.contains(ReportFixture.hostileTitle) || html.contains("<b onmouseover")
        #expect(!raw)
        // Each section's marks match the data.
        let data = try f.engine.reportData(ReportRequest(path: path))
        let sections = ReportExpectations.sections(html)
        for (id, expected) in ReportExpectations.marks(data) {
            let section = try #require(sections[id], "section \(id)")
            #expect(ReportExpectations.count("class=\"mark\"", in: section) == expected, "\(id)")
        }
    }

    /// Every tag in a page: `<` up to the next `>`.
    static func tags(_ html: String) -> [Substring] {
        var out: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            out.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    @Test func logOnlyReportNeedsNoArticlesAndOverviewNeedsNoLog() throws {
        let f = try ReportFixture()
        let logOnly = try f.engine.report(ReportRequest(path: f.dir + "/log.html", content: .log))
        #expect(logOnly.sections == ["log"] && logOnly.loggedResults == 5 && logOnly.articles == 0)
        let overview = try f.engine.report(ReportRequest(path: f.dir + "/o.html", content: .overview))
        #expect(!overview.sections.contains("log"))
        let empty = Engine()
        let r = try empty.report(ReportRequest(path: f.dir + "/empty.html", content: .log))
        #expect(r.sections == ["log"] && r.loggedResults == 0)
        #expect(try empty.report(ReportRequest(path: f.dir + "/empty2.html")).sections == ["log"])
        #expect(throws: (any Error).self) { try empty.report(ReportRequest(path: f.dir + "/empty3.html", content: .overview)) }
        #expect(throws: EngineError.self) { try f.engine.report(ReportRequest(path: "/nonexistent-dir/x.html")) }
    }
}
