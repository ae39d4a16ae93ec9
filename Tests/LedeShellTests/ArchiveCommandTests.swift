import Foundation
import Testing
import LedeArchive
@testable import LedeShell

/// `archive`, `search`, `feeds` and the fetch settings at the prompt: what they print, their errors (one line),
/// and what the archive keeps of each command (its log).
@Suite struct ArchiveCommandTests {
    func loadedHarness() -> (ShellHarness, String) {
        let h = ShellHarness()
        h.file("corpus/fire.txt", ShellHarness.article)
        h.file("corpus/talks.txt", "Peace talks resume\n\nDelegates met in Geneva for peace talks on Monday. The talks were described as useful.")
        let archive = h.dir + "/news.lede"
        #expect(h.run("archive \(archive)").1.hasPrefix("created archive \(archive): 0 articles"))
        #expect(h.run("load \(h.dir)/corpus").0 == .ok)
        return (h, archive)
    }

    @Test func archiveOpensShowsChecksAndCloses() throws {
        let (h, archive) = loadedHarness()
        let (_, out, _) = h.run("archive")
        #expect(out.contains("articles") && out.contains("2") && out.contains("log entries"))
        #expect(h.run("archive --check").1.contains("integrity"))
        #expect(h.run("archive --close").1.contains("closed archive \(archive)"))
        #expect(h.run("archive").1 == "no archive is open ('archive FILE' opens or creates one)\n")
        // Opening it again over the loaded articles needs --force in a script.
        let (outcome, _, err) = h.run("archive \(archive)")
        #expect(outcome == .failed && err.contains("--force") && err.split(separator: "\n").count == 1)
        #expect(h.run("archive \(archive) --force").1.contains("opened archive \(archive): 2 articles"))
        #expect(h.run("archive a b").0 == .failed)
    }

    @Test func everyCommandIsLoggedInTheArchive() throws {
        let (h, archive) = loadedHarness()
        h.run("keywords --top 3")
        h.run("keywords a99")
        h.run("list")
        let log = try Archive(path: archive).log()
        #expect(log.map(\.command) == ["archive \(archive)", "load \(h.dir)/corpus", "keywords --top 3", "keywords a99", "list"])
        #expect(log[2].status == "ok" && log[2].resultJSON?.contains("\"term\"") == true)
        #expect(log[3].status == "error" && log[3].error != nil)
        // list's rows are not a session result: logged without them.
        #expect(log[4].resultJSON == nil)
        #expect(Set(log.compactMap(\.session)).count == 1)
    }

    @Test func searchMarksMatchesAndKeepsACollection() {
        let (h, _) = loadedHarness()
        let (outcome, out, _) = h.run("search '\"peace talks\"'")
        #expect(outcome == .ok)
        // Not a terminal: the match in brackets, the phrase as one.
        #expect(out.contains("[Peace talks]") && out.contains("1 hit in the archive"), "\(out)")
        let kept = h.run("search 'harbour OR talks' --as found")
        #expect(kept.1.contains("collection found: 2 article versions"))
        #expect(h.run("list found").1.contains("2 articles"))
        let bad = h.run("search 'talks AND'")
        #expect(bad.0 == .failed && bad.2.hasPrefix("error: search: cannot read the query 'talks AND'") && bad.2.split(separator: "\n").count == 1)
        #expect(h.run("search nothingmatchesthis").1.contains("no match"))
        // CSV: one row per hit with the snippet in brackets.
        let csv = h.run("search talks > \(h.dir)/hits.csv")
        #expect(csv.0 == .ok)
        let text = (try? String(contentsOfFile: h.dir + "/hits.csv", encoding: .utf8)) ?? ""
        #expect(text.hasPrefix("id,name,version,title,rank,snippet") && text.contains("[talks]"), "\(text)")
    }

    @Test func dropSaysTheArchiveKeepsTheArticles() {
        let (h, archive) = loadedHarness()
        #expect(h.run("drop a1").1.contains("the archive \(archive) keeps them"))
    }

    @Test func fetchSettingsAndFeedsWithoutAnArchive() {
        let h = ShellHarness()
        #expect(h.run("set fetch-delay 0.5").1 == "fetch-delay = 0.5\n")
        #expect(h.run("set").1.contains("fetch-politeness-off"))
        let bad = h.run("set fetch-hosts 0")
        #expect(bad.0 == .failed && bad.2 == "error: set: '0' is not a value for fetch-hosts (expected a number from 1 to 64)\n")
        let feeds = h.run("feeds")
        #expect(feeds.0 == .failed && feeds.2.contains("open one with 'archive FILE'"))
        #expect(h.run("refresh --feeds").0 == .failed)
        #expect(h.run("fetch").2.contains("give at least one URL"))
    }
}
