import Foundation
import Testing
import LedeSession
@testable import LedeEngine

/// Collections, named selections, version order, and the requests that ask before undoing work.
@Suite final class CollectionRequestTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "lede-collections-" + UUID().uuidString
        for folder in ["bbc/politics", "bbc/sport", "story"] {
            try FileManager.default.createDirectory(atPath: "\(dir)/\(folder)", withIntermediateDirectories: true)
        }
        let politics = ["The minister said the vote on the budget would go ahead in parliament next week.",
                        "Members of parliament voted against the minister's plan for the budget.",
                        "The election campaign began as the prime minister promised lower taxes."]
        let sport = ["The striker scored twice as the team won the cup final.",
                     "A late penalty gave the club the league title."]
        for (i, t) in politics.enumerated() { try write("Politics \(i)\n\n\(t) \(t)", "bbc/politics/\(i).txt") }
        for (i, t) in sport.enumerated() { try write("Sport \(i)\n\n\(t) \(t)", "bbc/sport/\(i).txt") }
        // Two versions of one story, the later one first on disk by name.
        try write("Harbour fire\n · 2026-03-14 · Updated: 2026-03-14T18:40 ·\n\nA fire at the harbour killed 15 people on Saturday.", "story/a-1840.txt")
        try write("Harbour fire\n · 2026-03-14 · Updated: 2026-03-14T09:00 ·\n\nA fire at the harbour killed 12 people on Saturday.", "story/b-0900.txt")
        try write("""
        {"title": "Markets fall", "text": "Shares fell in early trading.", "section": "World", "date": "2026-03-02"}
        {"title": "Rates held", "text": "The bank held its rates.", "section": "Business", "date": "2026-03-03"}

        """, "records.jsonl")
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
    }

    @Test func aFolderLoadedAsANameIsACollectionNotOneArticle() throws {
        let engine = Engine()
        let report = try engine.load(LoadRequest(paths: [dir + "/bbc/politics"], name: "politics"))
        #expect(report.collection == "politics")
        #expect(report.counts.added == 3, "three articles, not one with three versions")
        #expect(engine.workspace.articles.allSatisfy { $0.versions.count == 1 && $0.name == nil })
        #expect(try engine.list(ListRequest(selectors: ["politics"])).articles.count == 3)
        _ = try engine.load(LoadRequest(paths: [dir + "/bbc/sport"], name: "sport"))
        #expect(try engine.list(ListRequest(selectors: ["politics", "or", "sport"])).articles.count == 5)
        #expect(try engine.list(ListRequest()).collections.map(\.name) == ["politics", "sport"])
        #expect(try engine.list(ListRequest(selectors: ["path:*/sport/*"])).articles.count == 2)
        // A JSONL file of several records is a collection too; its fields select.
        _ = try engine.load(LoadRequest(paths: [dir + "/records.jsonl"], name: "wire"))
        #expect(try engine.list(ListRequest(selectors: ["wire"])).articles.count == 2)
        #expect(try engine.list(ListRequest(selectors: ["field:section=world"])).articles.map(\.title) == ["Markets fall"])
        // The name of a collection is not an article's.
        #expect(throws: EngineError.self) { try engine.load(LoadRequest(paths: [self.dir + "/story/a-1840.txt"], name: "politics")) }
    }

    @Test func filesNamedOneByOneAreVersionsInDateOrder() throws {
        let engine = Engine()
        let report = try engine.load(LoadRequest(paths: [dir + "/story/a-1840.txt", dir + "/story/b-0900.txt"], name: "fire"))
        #expect(report.collection == nil)
        let fire = try #require(engine.workspace.article(named: "fire"))
        #expect(fire.versions.map { ($0.document.path as NSString).lastPathComponent } == ["b-0900.txt", "a-1840.txt"])
        #expect(report.placedByDate == ["fire@1"])
        #expect(report.items.map(\.version) == [2, 1], "each item names its version as it is after the load")
        // --collection overrides.
        let other = Engine()
        _ = try other.load(LoadRequest(paths: [dir + "/story/a-1840.txt", dir + "/story/b-0900.txt"], name: "fires", grouping: .collection))
        #expect(other.workspace.articles.count == 2 && other.workspace.collection(named: "fires")?.members.count == 2)
    }

    @Test func selectKeepsASelectionUnderAName() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/bbc"]))
        let report = try engine.select(SelectRequest(selectors: ["path:*/politics/*", "and", "not", "title:*2"], name: "early"))
        #expect(report.articles.count == 2 && report.name == "early")
        #expect(try engine.stats(StatsRequest(selectors: ["early"])).articleCount == 2)
        #expect(throws: EngineError.self) { try engine.select(SelectRequest(selectors: ["all"], name: "all")) }
        #expect(throws: EngineError.self) { try engine.select(SelectRequest(selectors: ["all"], name: "a7")) }
        _ = try engine.select(SelectRequest(forget: "early"))
        #expect(throws: SelectorError.self) { try engine.list(ListRequest(selectors: ["early"])) }
        // Saved and opened with the session.
        _ = try engine.select(SelectRequest(selectors: ["path:sport"], name: "games"))
        let file = dir + "/session.json"
        _ = try engine.save(SaveRequest(file: file, path: file))
        let reopened = Engine()
        _ = try reopened.open(OpenRequest(file: file, path: file))
        #expect(try reopened.list(ListRequest(selectors: ["games"])).articles.count == 2)
    }

    @Test func exportedJSONLinesLoadBackWithTheirNames() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/story/b-0900.txt", dir + "/story/a-1840.txt"], name: "fire"))
        let out = dir + "/fire.jsonl"
        _ = try engine.export(ExportRequest(destination: out, path: out, selectors: ["fire@all"]))
        let again = Engine()
        _ = try again.load(LoadRequest(paths: [out]))
        let fire = try #require(again.workspace.article(named: "fire"))
        #expect(fire.versions.count == 2)
    }

    @Test func keynessOffersTheSetDifferenceForSharedArticles() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/bbc"]))
        let refused = #expect(throws: EngineError.self) {
            try engine.keyness(KeynessRequest(selectors: ["a1", "a2", "a4"], reference: [.init(value: "a2", path: "a2"), .init(value: "a3", path: "a3")]))
        }
        #expect(refused?.description.contains("--drop-shared") == true)
        let report = try engine.keyness(KeynessRequest(selectors: ["a1", "a2", "a4"], reference: [.init(value: "a2", path: "a2"), .init(value: "a3", path: "a3")],
                                                       terms: TermOptions(minCount: 1), dropShared: true))
        #expect(report.shared == 1 && report.target == 2 && report.reference == 1)
    }

    @Test func droppingEverythingAndReplacingAModelNeedTheUsersWord() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/bbc"]))
        #expect(throws: ConfirmationNeeded.self) { try engine.drop(DropRequest(selectors: ["all"])) }
        #expect(throws: ConfirmationNeeded.self) { try engine.drop(DropRequest(selectors: ["a*"])) }
        _ = try engine.train(TrainRequest(name: "beats", minDocumentFrequency: 1))
        #expect(throws: ConfirmationNeeded.self) { try engine.train(TrainRequest(name: "beats", minDocumentFrequency: 1)) }
        var again = TrainRequest(name: "beats", minDocumentFrequency: 1)
        again.force = true
        #expect(try engine.train(again).articles == 5)
        #expect(try engine.drop(DropRequest(selectors: ["all"], force: true)).remaining == 0)
    }

    @Test func aClassOfOneArticleWarns() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/bbc/politics", dir + "/story/a-1840.txt"]))
        let report = try engine.train(TrainRequest(name: "m", minDocumentFrequency: 1))
        #expect(report.warnings.count == 1 && report.warnings[0].contains("story"))
    }

    @Test func topicsPrintWordFormsNotStems() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/bbc"]))
        let report = try engine.topics(TopicsRequest(k: 2...2, iterations: 20, minDocumentFrequency: 1))
        let words = report.topics.flatMap(\.words)
        let stems = report.topics.flatMap(\.stems)
        #expect(stems.contains("minist") || stems.contains("elect") || stems.contains("parliament"))
        #expect(!words.contains("minist") && !words.contains("elect"), "\(words)")
        #expect(words.contains("minister") || words.contains("election") || words.contains("parliament"), "\(words)")
    }

    @Test func aDocumentTermMatrixForOtherTools() throws {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir + "/bbc"]))
        let out = dir + "/m.mtx"
        let report = try engine.export(ExportRequest(destination: out, path: out, matrix: TermOptions(minCount: 2)))
        let mtx = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(mtx[0] == "%%MatrixMarket matrix coordinate integer general")
        let size = mtx.first { !$0.hasPrefix("%") }!.split(separator: " ").map { Int($0)! }
        #expect(size == [5, report.terms!, report.entries!])
        let terms = try String(contentsOfFile: dir + "/m.terms.csv", encoding: .utf8).split(separator: "\n")
        #expect(terms.count == report.terms! + 1 && terms[0] == "column,term,count,documents")
        #expect(terms.dropFirst().allSatisfy { Int($0.split(separator: ",")[2])! >= 2 }, "--min-count 2")
        let documents = try String(contentsOfFile: dir + "/m.documents.csv", encoding: .utf8).split(separator: "\n")
        #expect(documents.count == 6)
        // Every cell's count adds up to the term list's counts.
        var sums = [Int](repeating: 0, count: report.terms!)
        for line in mtx.drop(while: { $0.hasPrefix("%") }).dropFirst() {
            let v = line.split(separator: " ").map { Int($0)! }
            sums[v[1] - 1] += v[2]
        }
        #expect(sums == terms.dropFirst().map { Int($0.split(separator: ",")[2])! })
        #expect(throws: EngineError.self) { try engine.export(ExportRequest(destination: out, path: out, matrix: TermOptions())) }
        let triplets = dir + "/m.csv"
        _ = try engine.export(ExportRequest(destination: triplets, path: triplets, force: true, matrix: TermOptions(stem: true)))
        #expect(try String(contentsOfFile: triplets, encoding: .utf8).hasPrefix("document,term,count\n"))
    }
}
