import Foundation
import Testing
import LedeSession
import LedeArchive
@testable import LedeEngine

/// The engine with an archive open: loads store into it, a fresh engine reads the same session back from it (ids,
/// versions, tags, models, collections), unchanged files are not parsed again, drop leaves the archive alone, and
/// search runs over it (or, without one, over the workspace).
@Suite final class ArchiveRequestTests {
    let dir: String
    var archivePath: String { dir + "/news.lede" }

    init() throws {
        dir = NSTemporaryDirectory() + "lede-archive-engine-" + UUID().uuidString
        for folder in ["sport", "economy"] {
            try FileManager.default.createDirectory(atPath: dir + "/corpus/" + folder, withIntermediateDirectories: true)
        }
        let sport = ["The striker scored twice as the home team won the cup final in front of a full stadium.",
                     "The coach praised the team after a late goal sealed the league title for the club.",
                     "A penalty in the final minute gave the visitors a draw and kept the title race open."]
        let economy = ["The central bank raised interest rates as inflation stayed above its target for the year.",
                       "Shares fell after the company reported lower profits and cut its forecast for sales.",
                       "The government said the budget deficit narrowed as peace talks and tax receipts rose faster than spending."]
        for (i, text) in sport.enumerated() { try write("Sport story \(i)\n\n\(text) \(text)", "corpus/sport/\(i).txt") }
        for (i, text) in economy.enumerated() { try write("Economy story \(i)\n\n\(text) \(text)", "corpus/economy/\(i).txt") }
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
    }

    func opened(force: Bool = false) throws -> Engine {
        let engine = Engine()
        let report = try engine.archive(ArchiveRequest(action: .open(file: "news.lede", path: archivePath), force: force))
        #expect(["opened", "created"].contains(report.action))
        return engine
    }

    @Test func aFreshEngineGetsTheSameArticlesIdsTagsModelsAndCollectionsBack() throws {
        let first = try opened()
        let load = try first.load(LoadRequest(paths: [dir + "/corpus"], name: "corpus"))
        #expect(load.counts.added == 6 && load.errors.isEmpty && load.collection == "corpus")
        _ = try first.tag(TagRequest())
        _ = try first.train(TrainRequest(name: "beats", minDocumentFrequency: 1))
        _ = try first.select(SelectRequest(selectors: ["a1", "a2"], name: "firsttwo"))
        let ids = first.workspace.articles.map(\.id)
        let titles = first.workspace.articles.map { $0.latest.metadata.title }
        let tags = first.workspace.articles.map { Set($0.tags) }
        first.closeArchive()

        let second = try opened()
        #expect(second.workspace.articles.map(\.id) == ids)
        // Opening reads the stored texts without tokenising them; `list` shows the stored word counts.
        #expect(second.workspace.articles.allSatisfy { !$0.latest.deferredText.isTokenized })
        #expect(second.workspace.articles.map(\.latest.wordCount) == first.workspace.articles.map(\.latest.wordCount))
        #expect(second.workspace.articles.allSatisfy { !$0.latest.deferredText.isTokenized })
        #expect(second.workspace.articles.map { $0.latest.metadata.title } == titles)
        #expect(second.workspace.articles.map { Set($0.tags) } == tags)
        #expect(tags.contains { !$0.isEmpty })
        #expect(second.models.names == ["beats"])
        #expect(Set(second.workspace.collections.map(\.name)) == ["corpus", "firsttwo"])
        // The model tags with what the fresh engine read: no original files needed.
        let tagged = try second.tag(TagRequest(tagger: .model(name: "beats", path: dir + "/beats")))
        #expect(tagged.articles.count == 6)
        // Analyses see the archive's articles.
        let keywords = try second.keywords(KeywordsRequest(terms: TermOptions(top: 3)))
        #expect(!keywords.groups[0].terms.isEmpty)
        #expect(second.workspace.articles.allSatisfy { $0.latest.deferredText.isTokenized })
        #expect(second.workspace.articles.map(\.latest.text.tokenCount) == first.workspace.articles.map(\.latest.text.tokenCount))
        let report = try second.archive(ArchiveRequest(action: .summary))
        #expect(report.contents?.articles == 6 && report.contents?.models == 1 && report.contents?.tags ?? 0 > 0)
    }

    /// A folder is stored a part at a time while the next part parses: with parts of one and two files, the
    /// archive ends as one part would leave it — each text stored once (a copy of a file, in another part, shares
    /// it), ids in file order, a changed copy a new article — and the next load finds every file unchanged.
    @Test func aFolderStoredInSmallPartsEndsAsOneLoadWould() throws {
        try FileManager.default.createDirectory(atPath: dir + "/corpus/zcopies", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir + "/corpus/sport/0.txt", toPath: dir + "/corpus/zcopies/0.txt")
        try write("Sport story 0\n\nA different text under the same headline.", "corpus/zcopies/1.txt")
        var outcomes: [[String]] = []
        var texts: [Int] = []
        for batch in [1, 2, 1000] {
            try? FileManager.default.removeItem(atPath: archivePath)
            let engine = try opened()
            engine.settings.archiveBatch = batch
            let report = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
            #expect(report.counts == (8, 0, 0) && report.errors.isEmpty, "batch \(batch): \(report.errors)")
            outcomes.append(report.items.map { "\($0.id) \(($0.path as NSString).lastPathComponent) \($0.words)" })
            let again = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
            #expect(again.counts == (0, 0, 8))
            // Unchanged files are reported in the order the load lists them, as the first load reported them.
            #expect(again.items.map(\.id) == report.items.map(\.id))
            // An article dropped from the session comes back, under its id, when its file is found unchanged.
            _ = try engine.drop(DropRequest(selectors: ["a3"]))
            let back = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
            #expect(back.counts == (0, 0, 8) && engine.workspace.article(id: "a3") != nil && engine.workspace.articles.count == 8)
            engine.closeArchive()
            texts.append(try Archive(path: archivePath).summary().texts)
        }
        #expect(outcomes[0] == outcomes[2] && outcomes[1] == outcomes[2])
        #expect(texts == [7, 7, 7], "the copied file's text is stored once")
    }

    @Test func anUnchangedFolderIsNotParsedAgainAndAChangedFileIsANewVersion() throws {
        let engine = try opened()
        _ = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
        let again = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
        #expect(again.counts == (0, 0, 6))
        #expect(Set(again.items.map(\.id)) == Set(engine.workspace.articles.map(\.id)))
        try write("Sport story 0\n\nThe striker scored three times as the home team won the cup final.", "corpus/sport/0.txt")
        let changed = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
        #expect(changed.counts == (0, 1, 5))
        let article = try #require(engine.workspace.articles.first { $0.latest.document.path.hasSuffix("sport/0.txt") })
        #expect(article.versions.count == 2)
        engine.closeArchive()

        // A fresh process sees both versions, in the same order.
        let fresh = try opened()
        let back = try #require(fresh.workspace.article(id: article.id))
        #expect(back.versions.map(\.body) == article.versions.map(\.body))
        let unchanged = try fresh.load(LoadRequest(paths: [dir + "/corpus"]))
        #expect(unchanged.counts == (0, 0, 6))
    }

    @Test func dropTakesArticlesOutOfTheSessionOnly() throws {
        let engine = try opened()
        _ = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
        let dropped = try engine.drop(DropRequest(selectors: ["a1"]))
        #expect(dropped.keptInArchive == "news.lede" && dropped.remaining == 5)
        // Loading the file again finds it unchanged in the archive and brings it back under its id.
        let path = try #require(try Archive(path: archivePath).listArticles().first { $0.id == "a1" }?.sourcePath)
        let back = try engine.load(LoadRequest(paths: [path]))
        #expect(back.items.map(\.id) == ["a1"] && back.items.map(\.status) == ["unchanged"])
        #expect(engine.workspace.article(id: "a1") != nil)
        _ = try engine.drop(DropRequest(selectors: ["a2"]))
        engine.closeArchive()
        #expect(try opened().workspace.articles.count == 6)
    }

    @Test func searchFindsPhrasesInTheArchiveAndKeepsTheHitsAsACollection() throws {
        let engine = try opened()
        _ = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
        let phrase = try engine.search(SearchRequest(query: "\"cup final\""))
        #expect(phrase.hits.count == 1 && phrase.searched == "archive news.lede")
        #expect(phrase.hits[0].snippet.contains("[cup final]"), "\(phrase.hits[0].snippet)")
        let either = try engine.search(SearchRequest(query: "title OR inflation", name: "found"))
        #expect(either.hits.count == 3 && either.collectionSize == 3)
        #expect(try engine.list(ListRequest(selectors: ["found"])).articles.count == 3)
        // A selection restricts the hits.
        let within = try engine.search(SearchRequest(query: "title OR inflation", selectors: ["found", "and", "not", "a1"]))
        #expect(within.hits.allSatisfy { $0.id != "a1" } && within.matching == within.hits.count)
        // Dropped articles are left out (the archive still has them).
        let firstHit = try #require(phrase.hits.first?.id)
        _ = try engine.drop(DropRequest(selectors: [firstHit]))
        let after = try engine.search(SearchRequest(query: "\"cup final\""))
        #expect(after.hits.isEmpty && after.leftOut == 1)
        #expect(throws: EngineError.self) { try engine.search(SearchRequest(query: "talks AND")) }
    }

    @Test func searchWithoutAnArchiveSearchesTheWorkspace() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/corpus"]))
        let first = try engine.search(SearchRequest(query: "fina*"))
        #expect(first.searched == "workspace" && first.hits.count == 2 && first.indexedNow == 6)
        // New articles are indexed on the next search, the others are not indexed again.
        try write("Later story\n\nThe final whistle blew at the cup final.", "later.txt")
        _ = try engine.load(LoadRequest(paths: [dir + "/later.txt"]))
        let second = try engine.search(SearchRequest(query: "\"cup final\""))
        #expect(second.indexedNow == 1 && second.hits.count == 2)
        _ = try engine.drop(DropRequest(selectors: ["a7"]))
        #expect(try engine.search(SearchRequest(query: "\"cup final\"")).hits.count == 1)
    }

    @Test func openingAnArchiveOverLoadedArticlesAsksFirst() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/corpus/sport"]))
        #expect(throws: ConfirmationNeeded.self) {
            try engine.archive(ArchiveRequest(action: .open(file: "news.lede", path: archivePath)))
        }
        #expect(engine.archive == nil && engine.workspace.articles.count == 3)
        #expect(!FileManager.default.fileExists(atPath: archivePath))
        _ = try engine.archive(ArchiveRequest(action: .open(file: "news.lede", path: archivePath), force: true))
        #expect(engine.workspace.articles.isEmpty && engine.archive != nil)
    }

    @Test func aFileThatIsNotAnArchiveIsRefusedInOneLineAndNothingChanges() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/corpus/sport"]))
        let bogus = dir + "/notes.txt"
        try write("not a database", "notes.txt")
        do {
            _ = try engine.archive(ArchiveRequest(action: .open(file: "notes.txt", path: bogus), force: true))
            Issue.record("opened a text file as an archive")
        } catch let e as EngineError {
            #expect(!e.description.contains("\n") && e.description.contains("is not a lede archive"), "\(e)")
        }
        #expect(engine.workspace.articles.count == 3 && engine.archive == nil)
        #expect(try String(contentsOfFile: bogus, encoding: .utf8) == "not a database")
    }
}
