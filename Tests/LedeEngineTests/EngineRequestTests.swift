import Foundation
import Testing
import LedeSession
@testable import LedeEngine

/// The engine answers typed requests without any shell: these tests are how a library user drives lede.
@Suite final class EngineRequestTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "lede-engine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/sport", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/economy", withIntermediateDirectories: true)
        let sport = ["The striker scored twice as the home team won the cup final in front of a full stadium.",
                     "The coach praised the team after a late goal sealed the league title for the club.",
                     "A penalty in the final minute gave the visitors a draw and kept the title race open."]
        let economy = ["The central bank raised interest rates as inflation stayed above its target for the year.",
                       "Shares fell after the company reported lower profits and cut its forecast for sales.",
                       "The government said the budget deficit narrowed as tax receipts rose faster than spending."]
        for (i, text) in sport.enumerated() { try write("Sport story \(i)\n\n\(text) \(text)", "sport/\(i).txt") }
        for (i, text) in economy.enumerated() { try write("Economy story \(i)\n\n\(text) \(text)", "economy/\(i).txt") }
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
    }

    func loaded() throws -> Engine {
        let engine = Engine()
        let report = try engine.load(LoadRequest(paths: [dir + "/sport", dir + "/economy"]))
        #expect(report.counts.added == 6 && report.errors.isEmpty)
        return engine
    }

    @Test func loadListAndKeywords() throws {
        let engine = try loaded()
        let list = try engine.list(ListRequest())
        #expect(list.articles.map(\.id) == ["a1", "a2", "a3", "a4", "a5", "a6"])
        let keywords = try engine.keywords(KeywordsRequest(terms: TermOptions(top: 3)))
        let top = try #require(keywords.groups.first?.terms.first)
        // Ties rank by form: final, team and title are each used twice, in two articles.
        #expect(keywords.groups[0].terms.map(\.term) == ["final", "team", "title"] && top.count == 4, "\(keywords.groups[0].terms)")
        let bySource = try engine.keywords(KeywordsRequest(terms: TermOptions(top: 1), by: .article))
        #expect(bySource.groups.count == 6)
        // The report is what --json prints and the log keeps.
        let json = String(decoding: try JSONEncoder.lede.encode(keywords), as: UTF8.self)
        #expect(json.contains("\"ranking\":\"frequency\"") && json.contains("\"term\":\"final\""))
    }

    @Test func keynessAgainstTheRestAndAgainstAFolderOnDisk() throws {
        let engine = try loaded()
        let rest = try engine.keyness(KeynessRequest(selectors: ["a1", "a2", "a3"], terms: TermOptions(top: 5, minCount: 2)))
        #expect(rest.target == 3 && rest.reference == 3)
        #expect(rest.terms.first.map { ["team", "title", "final"].contains($0.term) } == true, "\(rest.terms.map(\.term))")
        let disk = try engine.keyness(KeynessRequest(selectors: ["a1", "a2", "a3"],
                                                     reference: [.init(value: "economy", path: dir + "/economy")],
                                                     terms: TermOptions(top: 5, minCount: 2)))
        #expect(disk.referenceFiles.map(\.articles) == [3])
        #expect(disk.terms.map(\.term) == rest.terms.map(\.term))
        #expect(throws: EngineError.self) {
            try engine.keyness(KeynessRequest(selectors: ["a1"], reference: [.init(value: "a1", path: "a1")]))
        }
    }

    @Test func trainEvaluateAndTagWithTheModel() throws {
        let engine = try loaded()
        let trained = try engine.train(TrainRequest(name: "beats", minDocumentFrequency: 1))
        #expect(trained.labels == ["economy": 3, "sport": 3])
        #expect(engine.models.names == ["beats"])
        let evaluated = try engine.evaluate(EvaluateRequest(name: "beats", folds: 3))
        #expect(evaluated.report.labels == ["economy", "sport"])
        let tagged = try engine.tag(TagRequest(tagger: .model(name: "beats", path: "beats")))
        #expect(tagged.articles.map { $0.topics.first?.label } == ["sport", "sport", "sport", "economy", "economy", "economy"])
        #expect(try engine.list(ListRequest(selectors: ["tag:beats/sport"])).articles.count == 3, "model tags are MODEL/label")
        #expect(throws: SelectorError.self) { try engine.list(ListRequest(selectors: ["tag:sport"])) }
        #expect(throws: EngineError.self) { try engine.evaluate(EvaluateRequest(name: "nothing")) }
    }

    @Test func versionsAndDiffOfANamedArticle() throws {
        let engine = Engine()
        try write("Harbour fire\n\nA fire at the harbour killed 12 people on Saturday, the fire chief said.", "v1.txt")
        try write("Harbour fire\n\nA fire at the harbour killed 15 people on Saturday, the fire chief said.", "v2.txt")
        _ = try engine.load(LoadRequest(paths: [dir + "/v1.txt"], name: "fire"))
        let second = try engine.load(LoadRequest(paths: [dir + "/v2.txt"], name: "fire"))
        #expect(second.counts.newVersions == 1)
        let diff = try engine.diff(DiffRequest(selectors: ["fire"]))
        #expect(diff.pairs.count == 1 && diff.pairs[0].counts.edited == 1)
        #expect(diff.pairs[0].summary.lines.contains { $0.contains("12 → 15") }, "\(diff.pairs[0].summary.lines)")
        let versions = try engine.versions(VersionsRequest(selectors: ["fire"]))
        #expect(versions.versions.map(\.version) == [1, 2])
    }

    @Test func aBadSessionFileLeavesTheWorkspaceAsItWas() throws {
        let engine = try loaded()
        try write("{\"formatVersion\": 1}", "bad.json")
        #expect(throws: EngineError.self) { try engine.open(OpenRequest(file: "bad.json", path: dir + "/bad.json")) }
        #expect(engine.workspace.articles.count == 6)
        let saved = try engine.save(SaveRequest(file: "s.json", path: dir + "/s.json"))
        #expect(saved.articles == 6 && engine.log.unsaved == 0)
        let reopened = Engine()
        let opened = try reopened.open(OpenRequest(file: "s.json", path: dir + "/s.json"))
        #expect(opened.articles == 6 && opened.warnings.isEmpty)
        #expect(try reopened.stats(StatsRequest()).selection.words == (try engine.stats(StatsRequest())).selection.words)
    }

    /// `open` reads the texts back without tokenising them (that is what made reopening slow); `list` shows the
    /// saved word counts, and the first analysis tokenises what it selected, giving what the loaded session gave.
    @Test func openDefersTokenisingToTheFirstCommandThatReadsTheTexts() throws {
        let engine = try loaded()
        _ = try engine.save(SaveRequest(file: "s.json", path: dir + "/s.json"))
        let reopened = Engine()
        _ = try reopened.open(OpenRequest(file: "s.json", path: dir + "/s.json"))
        let versions = reopened.workspace.articles.flatMap(\.versions)
        #expect(versions.count == 6 && versions.allSatisfy { !$0.deferredText.isTokenized })
        #expect(try reopened.list(ListRequest()).articles.map(\.words) == (try engine.list(ListRequest())).articles.map(\.words))
        #expect(versions.allSatisfy { !$0.deferredText.isTokenized }, "list tokenised the texts")
        #expect(reopened.workspace.articles[0].latest.body == engine.workspace.articles[0].latest.body)
        let keywords = try reopened.keywords(KeywordsRequest(terms: TermOptions(top: 5)))
        #expect(versions.allSatisfy { $0.deferredText.isTokenized })
        #expect(keywords.groups[0].terms.map(\.term) == (try engine.keywords(KeywordsRequest(terms: TermOptions(top: 5)))).groups[0].terms.map(\.term))
        for (a, b) in zip(reopened.workspace.articles, engine.workspace.articles) {
            #expect(a.latest.text.tokenCount == b.latest.text.tokenCount && a.latest.contentHash == b.latest.contentHash)
        }
    }
}
