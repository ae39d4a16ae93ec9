import Foundation
import Testing
import LedeArticles
import LedeAnalysis
@testable import LedeSession

/// Selections as a researcher makes them: where an article came from, what it says about itself, combined with
/// and/or/not, kept under a name.
@Suite struct SelectionExpressionTests {
    /// Six articles from two folders, with authors, dates, languages and JSON fields.
    func corpus() -> Workspace {
        let w = Workspace()
        func add(_ path: String, _ body: String, author: String? = nil, published: String? = nil, language: String? = nil,
                 source: String? = nil, fields: [String: String]? = nil, format: ArticleFormat = .text) {
            w.add(ParsedDocument(path: path, format: format,
                                 metadata: ArticleMetadata(title: body, published: published, source: source, author: author,
                                                           language: language, fields: fields),
                                 paragraphs: [body]))
        }
        add("/c/bbc/politics/001.txt", "Vote today in parliament.", author: "Kari Olsen", published: "2026-03-02", language: "en", source: "BBC")
        add("/c/bbc/politics/002.txt", "Ministers met again.", author: "Ann Lee", published: "2026-04-15T09:00:00Z", language: "en", source: "BBC")
        add("/c/bbc/sport/001.txt", "Rovers won the cup.", author: "Per Olsen", published: "2026-05-01", language: "en", source: "BBC")
        add("/c/wire/de/001.txt", "Die Wahl ist heute.", published: "2026-03-20", language: "de-AT", source: "APA")
        add("/c/wire/items.jsonl", "Markets fell sharply in early trading on Monday.", published: "2026-02-27", language: "en",
            source: "Wire", fields: ["section": "World", "tags": "markets, europe"], format: .jsonl)
        add("/c/wire/undated.txt", "No date on this one at all.", source: "Wire")
        w.article(id: "a1")!.tags = ["politics", "11000000"]
        w.article(id: "a2")!.tags = ["politics", "11000000", "bbc/politics"]
        w.article(id: "a3")!.tags = ["sport", "15000000", "bbc/sport"]
        w.article(id: "a5")!.tags = ["economy", "04000000"]
        return w
    }

    func ids(_ w: Workspace, _ s: String) throws -> [String] {
        try w.select(s.split(separator: " ").map(String.init)).map(\.article.id)
    }

    @Test func parsingBindsNotThenAndThenOr() throws {
        let e = try SelectorExpression.parse(["a", "b", "and", "not", "c", "or", "(d", "or", "e)"])
        #expect(e == .union([.atom("a"), .intersection(.atom("b"), .complement(.atom("c"))), .union([.atom("d"), .atom("e")])]))
        #expect(try SelectorExpression.parse(["title:*(updated)"]) == .atom("title:*(updated)"), "a parenthesis inside a word stays")
        for bad in [["and", "a"], ["a", "and"], ["(a"], ["(a", "b", ")", ")"], ["not"], ["()"]] {
            #expect(throws: SelectorError.self, "\(bad)") { try SelectorExpression.parse(bad) }
        }
    }

    @Test func whereItCameFrom() throws {
        let w = corpus()
        #expect(try ids(w, "path:*/politics/*") == ["a1", "a2"])
        #expect(try ids(w, "path:wire") == ["a4", "a5", "a6"], "a plain value is a part of the path")
        #expect(try ids(w, "format:jsonl") == ["a5"])
        #expect(try ids(w, "source:bbc") == ["a1", "a2", "a3"])
    }

    @Test func whatItSaysAboutItself() throws {
        let w = corpus()
        #expect(try ids(w, "author:*olsen*") == ["a1", "a3"])
        #expect(try ids(w, "author:olsen") == ["a1", "a3"])
        #expect(try ids(w, "lang:de") == ["a4"], "de matches de-AT")
        #expect(try ids(w, "lang:en") == ["a1", "a2", "a3", "a5"])
        #expect(try ids(w, "field:section=World") == ["a5"])
        #expect(try ids(w, "field:section=world") == ["a5"], "any case")
        #expect(try ids(w, "field:tags=europe") == ["a5"], "a list matches by its items")
        #expect(try ids(w, "field:section") == ["a5"], "a field present")
        #expect(try ids(w, "words:>5") == ["a5", "a6"])
        #expect(try ids(w, "words:..3") == ["a2"])
        #expect(try ids(w, "words:4") == w.articles.filter { $0.latest.wordCount == 4 }.map(\.id))
        #expect(try ids(w, "words:4").contains("a4"))
        #expect(try ids(w, "title:rovers") == ["a3"])
    }

    @Test func datesByDayMonthYearAndRange() throws {
        let w = corpus()
        #expect(try ids(w, "date:2026-03") == ["a1", "a4"])
        #expect(try ids(w, "date:2026-03..2026-04") == ["a1", "a2", "a4"], "both ends at their own precision")
        #expect(try ids(w, "date:..2026-03-02") == ["a1", "a5"])
        #expect(try ids(w, "date:2026-04..") == ["a2", "a3"])
        #expect(try ids(w, "date:2026-0[34]*") == ["a1", "a2", "a4"])
        #expect(try ids(w, "date:2026") == ["a1", "a2", "a3", "a4", "a5"])
        #expect(throws: SelectorError.self) { try w.select(["date:March"]) }
        #expect(throws: SelectorError.self) { try w.select(["date:2026-05..2026-03"]) }
        let empty = #expect(throws: SelectorError.self) { try w.select(["date:2025-12"]) }
        #expect(empty?.description == "no article matches 'date:2025-12' (dates run from 2026-02-27 to 2026-05-01; 1 articles have none)")
    }

    @Test func anUnknownPrefixIsAnErrorListingTheKnownOnes() {
        let w = corpus()
        let error = #expect(throws: SelectorError.self) { try w.select(["auther:olsen"]) }
        #expect(error?.description.hasPrefix("unknown selector 'auther:' (known: id: name: tag: source: author: title: url: path: date:") == true)
    }

    @Test func setOperations() throws {
        let w = corpus()
        #expect(try ids(w, "source:bbc and not tag:politics") == ["a3"])
        #expect(try ids(w, "lang:en and ( tag:sport or tag:economy )") == ["a3", "a5"])
        #expect(try ids(w, "not source:bbc") == ["a4", "a5", "a6"])
        #expect(try ids(w, "source:bbc or source:apa") == ["a1", "a2", "a3", "a4"])
        #expect(try ids(w, "source:bbc and not author:nobody") == ["a1", "a2", "a3"], "an empty part inside and/not is no error")
        let error = #expect(throws: SelectorError.self) { try w.select(["source:bbc", "and", "source:apa"]) }
        #expect(error == .empty("source:bbc and source:apa"))
        #expect(throws: SelectorError.noMatch("a99")) { try w.select(["a1", "or", "a99"]) }
    }

    @Test func tagsByLabelAndAliasSayWhatTheyResolvedTo() throws {
        let w = corpus()
        #expect(try ids(w, "tag:business") == ["a5"])
        #expect(w.takeSelectionNotes() == ["tag:business is the IPTC topic economy (04000000, economy, business and finance)"])
        #expect(try ids(w, "tag:economy") == ["a5"])
        #expect(w.takeSelectionNotes().isEmpty, "an exact tag needs no note")
        #expect(try ids(w, "tag:finance") == ["a5"])
        #expect(TopicNames.resolve("tech")?.name == "science")
        #expect(TopicNames.resolve("entertainment")?.name == "arts")
    }

    @Test func modelTagsStayApartFromTaxonomyTags() throws {
        let w = corpus()
        #expect(try ids(w, "tag:politics") == ["a1", "a2"])
        #expect(try ids(w, "tag:bbc/politics") == ["a2"])
        #expect(try ids(w, "tag:*/sport") == ["a3"])
        w.article(id: "a1")!.tags = []
        w.article(id: "a2")!.tags = ["bbc/politics"]
        let error = #expect(throws: SelectorError.self) { try w.select(["tag:politics"]) }
        #expect(error?.description.contains("model tags: bbc/politics (1), bbc/sport (1)") == true, "\(String(describing: error))")
    }

    @Test func theBuiltInTopicNamesMatchTheTaxonomy() throws {
        let taxonomy = try Taxonomy.builtIn()
        #expect(taxonomy.topics.map(\.code) == TopicNames.topics.map(\.code))
        #expect(taxonomy.topics.map(\.name) == TopicNames.topics.map(\.name))
        #expect(taxonomy.topics.map(\.label) == TopicNames.topics.map(\.label))
    }

    @Test func namedSelectionsAreUsableEverywhere() throws {
        let w = corpus()
        w.setCollection(ArticleCollection(name: "home", members: [.init(article: "a3"), .init(article: "a1")]))
        #expect(try ids(w, "home") == ["a3", "a1"])
        #expect(try ids(w, "home and lang:en") == ["a3", "a1"])
        #expect(try ids(w, "not home") == ["a2", "a4", "a5", "a6"])
        #expect(try ids(w, "name:ho*") == ["a1", "a3"])
        w.drop(["a3"])
        #expect(w.collection(named: "home")?.members == [.init(article: "a1")], "a dropped article leaves its collections")
        w.removeAll()
        #expect(w.collections.isEmpty)
    }

    @Test func aCollectionMemberMayBeOneVersion() throws {
        let w = Workspace()
        w.add(document("First text of the story."), name: "story")
        w.add(document("Second text of the story."), name: "story")
        w.setCollection(ArticleCollection(name: "early", members: [.init(article: "a1", version: 1)]))
        #expect(try w.select(["early"]).map(\.version.number) == [1])
        #expect(try w.select(["early@latest"]).map(\.version.number) == [2])
        #expect(ArticleCollection.Member(text: "a12@3") == .init(article: "a12", version: 3))
        #expect(ArticleCollection.Member(text: "b1") == nil)
    }
}
