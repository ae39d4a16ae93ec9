import Foundation
import Testing
import LedeArticles
import LedeText
@testable import LedeArchive

/// Which article a document joins and when it is a new version, as a workspace decides; texts and raw files
/// stored once; an unchanged file skipped by its hash before parsing.
@Suite struct VersioningTests {
    @Test func versionsDedupeByContentHash() throws {
        let archive = try Archive.inMemory()
        let v1 = document("/news/harbour.txt", title: "Harbour", paragraphs: ["The plan was approved.", "Boats wait."])
        #expect(try archive.store([ArchiveDocument(v1)]) == [.added(id: "a1")])
        // The same text again, even re-spaced and with curly quotes straightened, is unchanged.
        let respaced = document("/news/harbour.txt", title: "Harbour", paragraphs: ["The  plan was\u{00A0}approved.", "Boats wait."])
        #expect(try archive.store([ArchiveDocument(v1), ArchiveDocument(respaced)]) == [.unchanged(id: "a1", number: 1), .unchanged(id: "a1", number: 1)])
        // A changed text is version 2; changed metadata alone is a version too.
        let v2 = document("/news/harbour.txt", title: "Harbour", paragraphs: ["The plan was rejected.", "Boats wait."])
        #expect(try archive.store([ArchiveDocument(v2)]) == [.newVersion(id: "a1", number: 2)])
        let v3 = document("/news/harbour.txt", title: "Harbour (updated)", paragraphs: ["The plan was rejected.", "Boats wait."])
        #expect(try archive.store([ArchiveDocument(v3)]) == [.newVersion(id: "a1", number: 3)])
        let back = try archive.readArticles()
        #expect(back.map { $0.versions.map(\.number) } == [[1, 2, 3]])
        #expect(back[0].versions[1].contentHash == back[0].versions[2].contentHash)
    }

    @Test func articlesAreFoundByNameThenURLThenFile() throws {
        let archive = try Archive.inMemory()
        let a = document("/f/a.txt", title: "A", paragraphs: ["alpha text one"], url: "https://example.org/a")
        let b = document("/f/b.txt", title: "B", paragraphs: ["beta text one"])
        #expect(try archive.store([ArchiveDocument(a), ArchiveDocument(b)]) == [.added(id: "a1"), .added(id: "a2")])
        // Another file with the same canonical URL is a version of a1.
        let aMoved = document("/elsewhere/a-copy.txt", title: "A", paragraphs: ["alpha text two"], url: "https://example.org/a")
        // A name collects any file under it.
        let talks1 = ArchiveDocument(document("/t/1.txt", title: "Talks", paragraphs: ["talks day one"]), name: "talks")
        let talks2 = ArchiveDocument(document("/t/2.txt", title: "Talks", paragraphs: ["talks day two"]), name: "talks")
        #expect(try archive.store([ArchiveDocument(aMoved), talks1, talks2])
                == [.newVersion(id: "a1", number: 2), .added(id: "a3"), .newVersion(id: "a3", number: 2)])
        // Relative and absolute paths name the same file.
        let cwd = FileManager.default.currentDirectoryPath
        let relative = document("b.txt", title: "B", paragraphs: ["beta text two"])
        let absolute = document(cwd + "/./sub/../b.txt", title: "B", paragraphs: ["beta text three"])
        let outcomes = try archive.store([ArchiveDocument(relative), ArchiveDocument(absolute)])
        #expect(outcomes == [.added(id: "a4"), .newVersion(id: "a4", number: 2)])
        // An explicit article id wins over every rule.
        var forced = ArchiveDocument(document("/z/z.txt", title: "Z", paragraphs: ["zeta"]))
        forced.articleID = "a2"
        #expect(try archive.store([forced]) == [.newVersion(id: "a2", number: 2)])
        forced.articleID = "a99"
        #expect(throws: ArchiveError.unknownArticle(path: ":memory:", id: "a99")) { try archive.store([forced]) }
        #expect(try archive.listArticles().map(\.versions) == [2, 2, 2, 2])
    }

    /// A batch is stored whole or not at all: a bad document anywhere in it leaves the archive as it was, and
    /// the next batch numbers its articles as if the failed one never ran.
    @Test func aFailedBatchStoresNothing() throws {
        let archive = try Archive.inMemory()
        _ = try archive.store([ArchiveDocument(document("/b/0.txt", title: "Zero", paragraphs: ["zero"]))])
        var bad = ArchiveDocument(document("/b/bad.txt", title: "Bad", paragraphs: ["bad"]))
        bad.articleID = "a99999"
        let docs = (1...5000).map { ArchiveDocument(document("/b/\($0).txt", title: "N\($0)", paragraphs: ["text \($0)"])) } + [bad]
        #expect(throws: ArchiveError.unknownArticle(path: ":memory:", id: "a99999")) { try archive.store(docs) }
        let summary = try archive.summary()
        #expect(summary.articles == 1 && summary.versions == 1 && summary.texts == 1)
        #expect(try archive.store([ArchiveDocument(document("/b/1.txt", title: "N1", paragraphs: ["text 1"]))]) == [.added(id: "a2")])
        #expect(try archive.search("text").hits.map(\.articleID) == ["a2"])
    }

    @Test func aTextHeldByManyArticlesIsStoredOnce() throws {
        let archive = try Archive.inMemory()
        let paragraphs = ["A wire story printed by many outlets.", "Word for word."]
        let raw = RawCopy.make(Array("A wire story printed by many outlets.\n\nWord for word.\n".utf8))
        let docs = (1...5).map { ArchiveDocument(document("/outlet\($0)/wire.txt", title: "Wire", paragraphs: paragraphs), raw: raw) }
        #expect(try archive.store(docs).count == 5)
        let summary = try archive.summary()
        #expect(summary.articles == 5 && summary.versions == 5 && summary.texts == 1 && summary.rawFiles == 1)
        // A new Archive object (no cache) still finds the stored text.
        _ = try archive.store([ArchiveDocument(document("/outlet6/wire.txt", title: "Wire", paragraphs: paragraphs))])
        #expect(try archive.summary().texts == 1)
        let back = try archive.readArticles()
        #expect(Set(back.flatMap { $0.versions.map(\.textID) }).count == 1)
        #expect(try archive.search("wire story").hits.count == 6)
    }

    /// Loading a folder into an archive, then again: the second load fingerprints each file and parses none.
    @Test func anUnchangedFileCostsAHashNotAParse() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for k in 1...4 {
            try Data("Headline \(k)\n\n".utf8 + Data(String(repeating: "The council met on Thursday to discuss item \(k) of the harbour plan. ", count: 4).utf8))
                .write(to: URL(fileURLWithPath: dir + "/\(k).txt"))
        }
        let archive = try Archive(path: dir + "/archive.lede")
        func load() throws -> (ArchiveIntake, [StoreOutcome], Int) {
            let intake = try ArchiveIntake(archive: archive)
            var options = LoadOptions()
            options.beforeParsing = intake.beforeParsing
            let report = try ArticleLoader(options: options).load(paths: [dir + "/1.txt", dir + "/2.txt", dir + "/3.txt", dir + "/4.txt"],
                                                                   vocabulary: Vocabulary())
            return (intake, try archive.store(intake.documents(from: report)), report.documents.count)
        }
        let (first, outcomes, parsed) = try load()
        #expect(parsed == 4 && outcomes.count == 4 && first.unchanged.isEmpty)
        #expect(try archive.summary().rawFiles == 4)
        let (second, again, parsedAgain) = try load()
        #expect(parsedAgain == 0 && again.isEmpty)
        #expect(Set(second.unchanged.flatMap(\.articles)) == ["a1", "a2", "a3", "a4"])
        // A changed file is parsed and becomes version 2; the others are still skipped.
        try Data("Headline 2\n\n".utf8 + Data(String(repeating: "The council voted on Friday to reject the harbour plan. ", count: 4).utf8))
            .write(to: URL(fileURLWithPath: dir + "/2.txt"))
        let (third, changed, parsedThird) = try load()
        #expect(parsedThird == 1 && changed == [.newVersion(id: "a2", number: 2)] && third.unchanged.count == 3)
        #expect(try archive.rawBytes(articleID: "a2", version: 2) == fileBytes(dir + "/2.txt"))
    }
}
