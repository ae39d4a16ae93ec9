import Foundation
import Testing
import LedeArticles
@testable import LedeSession

/// Versions of one article are ordered by their dates when known, whatever order they were loaded in.
@Suite struct VersionOrderTests {
    func dated(_ body: String, modified: String?, path: String) -> ParsedDocument {
        ParsedDocument(path: path, format: .text, metadata: ArticleMetadata(title: "Fire", published: "2026-03-14", modified: modified),
                       paragraphs: [body])
    }

    @Test func anEarlierVersionLoadedLaterBecomesVersionOne() {
        let w = Workspace()
        let late = w.add(dated("Fifteen people died.", modified: "2026-03-14T18:40:00Z", path: "/t/1840.txt"), name: "fire")
        let early = w.add(dated("Twelve people died.", modified: "2026-03-14T09:00:00Z", path: "/t/0900.txt"), name: "fire")
        let a = w.article(named: "fire")!
        #expect(a.versions.map(\.document.path) == ["/t/0900.txt", "/t/1840.txt"])
        #expect(a.versions.map(\.number) == [1, 2])
        #expect(early.version.number == 1 && late.version.number == 2, "outcomes read their version's number as it is now")
        // The same 09:00 text again is unchanged: it equals the version it would follow.
        guard case .unchanged(_, let same) = w.add(dated("Twelve people died.", modified: "2026-03-14T09:00:00Z", path: "/t/copy.txt"), name: "fire") else {
            Issue.record("expected unchanged"); return
        }
        #expect(same.number == 1)
        // A middle version goes in between.
        w.add(dated("Fourteen people died.", modified: "2026-03-14T12:00:00+01:00", path: "/t/1200.txt"), name: "fire")
        #expect(a.versions.map(\.document.path) == ["/t/0900.txt", "/t/1200.txt", "/t/1840.txt"])
    }

    @Test func undatedVersionsKeepLoadOrderAndARevertIsANewVersion() {
        let w = Workspace()
        w.add(document("Text one."), name: "x")
        w.add(document("Text two."), name: "x")
        guard case .newVersion(_, let v) = w.add(document("Text one."), name: "x") else { Issue.record("a revert is a new version"); return }
        #expect(v.number == 3)
    }

    @Test func datesCompareAcrossZonesAndPrecisions() throws {
        let utc = try #require(VersionDate.key("2026-03-14T09:00:00Z"))
        #expect(VersionDate.key("2026-03-14T10:00:00+01:00") == utc)
        #expect(VersionDate.key("2026-03-14T04:00-0500") == utc)
        #expect(VersionDate.key("2026-03-14T09:00:00.500Z")! - utc == 0.5)
        #expect(VersionDate.key("2026-03-14")! < utc)
        #expect(VersionDate.key("1970-01-01") == 0)
        #expect(VersionDate.key("2024-02-29") != nil && VersionDate.key("2024-13-01") == nil)
        #expect(VersionDate.key("yesterday") == nil && VersionDate.key("2026-03-14 junk") == nil)
    }

    @Test func recordNamesComeBackFromAnExport() {
        let w = Workspace()
        var d = document("Exported text.")
        d.name = "talks"
        w.add(d)
        #expect(w.article(named: "talks") != nil, "a record's name names the article when the load names none")
    }
}
