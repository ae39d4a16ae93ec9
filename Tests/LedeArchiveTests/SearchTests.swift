import Foundation
import Testing
import LedeArticles
@testable import LedeArchive

/// Full-text search: words, phrases, prefixes, Boolean operators, BM25 order, marked snippets, bad queries.
@Suite struct SearchTests {
    func archive() throws -> Archive {
        let archive = try Archive.inMemory()
        let stories: [(String, [String])] = [
            ("Peace talks resume in Geneva", ["Negotiators from Zürich met in Geneva on Monday as peace talks resumed after a month.",
                                             "Both delegations said the talks were constructive."]),
            ("Harbour plan approved", ["The council approved the harbour plan. Fishermen welcomed the five-year budget.",
                                       "The U.S. embassy sent an observer."]),
            ("Talks on trade stall", ["Trade talks stalled over tariffs. Peace was not on the agenda.",
                                      "Analysts expect talks to continue."]),
            ("Football results", ["The home side won after extra time; the talking point was the referee.",
                                  "Supporters celebrated in the harbour district."]),
        ]
        _ = try archive.store(stories.enumerated().map { k, s in ArchiveDocument(document("/s/\(k).txt", title: s.0, paragraphs: s.1)) })
        return archive
    }

    func ids(_ a: Archive, _ q: String) throws -> [String] { try a.search(q, limit: nil).hits.map(\.articleID) }

    @Test func wordsPhrasesPrefixesAndOperators() throws {
        let a = try archive()
        #expect(Set(try ids(a, "talks")) == ["a1", "a3"])
        #expect(try ids(a, "\"peace talks\"") == ["a1"])
        #expect(Set(try ids(a, "talk*")) == ["a1", "a3", "a4"])
        #expect(try ids(a, "talks AND tariffs") == ["a3"])
        #expect(Set(try ids(a, "geneva OR fishermen")) == ["a1", "a2"])
        #expect(try ids(a, "talks NOT geneva") == ["a3"])
        #expect(Set(try ids(a, "harbour")) == ["a2", "a4"])
        #expect(try ids(a, "title:harbour") == ["a2"])
        // Words FTS5 would reject as they stand are searched as their parts.
        #expect(try ids(a, "five-year") == ["a2"])
        #expect(try ids(a, "U.S.") == ["a2"])
        #expect(try ids(a, "nothing-like-this").isEmpty)
        // Accents are ignored (remove_diacritics 2).
        #expect(try ids(a, "zurich") == ["a1"])
    }

    @Test func hitsComeInBM25OrderWithMarkedSnippets() throws {
        // Documents of equal length: FTS5's BM25 counts a word in the title twice (the weight), saturating
        // repeats (k1 = 1.2): three times in the body (count 3) > once in the title (count 2) > once in the body.
        let ranked = try Archive.inMemory()
        let texts: [(String, String)] = [
            ("Weather report", "rain rain rain expected today in the north and in the hills"),
            ("Weather report", "rain was expected today in the north and also in the hills"),
            ("Rain report", "clouds were expected today in the north and also in the hills"),
            ("Harbour news", "boats were expected today in the north and also in the bays"),
            ("Market news", "prices were expected today in the north and also in the towns"),
        ]
        _ = try ranked.store(texts.enumerated().map { k, t in ArchiveDocument(document("/r/\(k).txt", title: t.0, paragraphs: [t.1])) })
        let order = try ranked.search("rain", limit: nil).hits
        #expect(order.map(\.articleID) == ["a1", "a3", "a2"])
        #expect(order[0].rank < order[1].rank && order[1].rank < order[2].rank)

        let a = try archive()
        let result = try a.search("talks", limit: 10)
        #expect(Set(result.hits.map(\.articleID)) == ["a1", "a3"])
        #expect(result.matchingTexts == 2)
        let snippet = result.hits[0].snippet
        #expect(snippet.contains(SnippetPart("talks", isMatch: true)) || snippet.contains(SnippetPart("Talks", isMatch: true)))
        #expect(result.hits[0].snippetText(open: "<", close: ">").contains("<talks>"))
        #expect(!result.hits[0].snippetText().contains("\u{E000}"))
        // The limit counts hits; the total does not.
        let one = try a.search("talks", limit: 1)
        #expect(one.hits.count == 1 && one.matchingTexts == 2)
    }

    @Test func aQueryFTS5CannotReadIsOneLine() throws {
        let a = try archive()
        for q in ["talks AND", "(peace", "OR talks", "talks NOT", "   "] {
            do {
                _ = try a.search(q)
                Issue.record("'\(q)' was accepted")
            } catch let error as ArchiveError {
                guard case .badQuery(let query, _) = error else { Issue.record("\(error)"); continue }
                #expect(query == q)
                #expect(!error.description.contains("\n"))
                #expect(error.description.hasPrefix("search: cannot read the query"))
            }
        }
        // The archive still answers afterwards.
        #expect(try ids(a, "geneva") == ["a1"])
    }

    @Test func textsStoredAfterASearchAreFoundByTheNext() throws {
        var options = Archive.Options()
        options.indexing = .onSearch
        let a = try Archive(path: ":memory:", options: options)
        _ = try a.store([ArchiveDocument(document("/s/1.txt", title: "Harbour", paragraphs: ["The harbour reopened."]))])
        #expect(try ids(a, "volcano").isEmpty)
        _ = try a.store([ArchiveDocument(document("/s/new.txt", title: "Volcano erupts", paragraphs: ["Ash closed the airport."]))])
        #expect(try a.summary().unindexedTexts == 1)
        #expect(try ids(a, "volcano") == ["a2"])
        #expect(try a.summary().unindexedTexts == 0)
    }

    /// By default a small store is indexed at once; a large one is left to the next search.
    @Test func smallStoresAreIndexedAtOnceLargeOnesOnSearch() throws {
        let a = try Archive.inMemory()
        _ = try a.store([ArchiveDocument(document("/s/1.txt", title: "Volcano erupts", paragraphs: ["Ash closed the airport."]))])
        #expect(try a.summary().unindexedTexts == 0)
        let many = (0...Archive.automaticIndexingLimit).map { k in
            ArchiveDocument(document("/m/\(k).txt", title: "Item \(k)", paragraphs: ["market report number \(k)"]))
        }
        _ = try a.store(many)
        #expect(try a.summary().unindexedTexts == Archive.automaticIndexingLimit + 1)
        #expect(try a.search("market", limit: nil).hits.count == Archive.automaticIndexingLimit + 1)
    }

    @Test func queriesAreNormalisedOnlyWhereFTS5WouldFail() {
        #expect(SearchQuery.normalise("peace talks") == "peace talks")
        #expect(SearchQuery.normalise("\"peace talks\" OR geneva*") == "\"peace talks\" OR geneva*")
        #expect(SearchQuery.normalise("five-year (U.S. OR don't)") == "\"five-year\" (\"U.S.\" OR \"don't\")")
        #expect(SearchQuery.normalise("title:harbour body:\"a b\"") == "title:harbour body: \"a b\"")
        #expect(SearchQuery.normalise("\"unclosed phrase") == "\"unclosed phrase\"")
    }
}
