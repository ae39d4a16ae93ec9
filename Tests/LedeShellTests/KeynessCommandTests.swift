import Foundation
import Testing
@testable import LedeShell

/// `keyness --vs PATH`: a reference corpus read from disk, not added to the workspace.
@Suite struct KeynessReferenceTests {
    static let harbour = "Harbour fire\n\nThe harbour fire spread to the quay. Fishermen watched the harbour burn for hours.\n"
    static let council = ["Council vote\n\nThe council voted on the budget. The council met for hours on the vote.\n",
                          "Budget row\n\nThe budget vote split the council. Members said the budget was late.\n"]

    /// Rows of a CSV result without its header.
    func rows(_ out: String) -> [[String]] {
        out.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func aFolderOnDiskCountsAsIfItWereLoaded() {
        let h = ShellHarness()
        h.run("load \(h.file("target/harbour.txt", Self.harbour))")
        for (i, text) in Self.council.enumerated() { h.file("reference/c\(i).txt", text) }
        h.run("set format csv")
        let (outcome, fromDisk, err) = h.run("keyness a1 --vs \(h.dir)/reference --min-count 1")
        #expect(outcome == .ok, "\(err)")
        #expect(h.shell.workspace.articles.count == 1, "the reference is not added to the workspace")
        h.run("load \(h.dir)/reference")
        let loaded = h.run("keyness a1 --vs a2 a3 --min-count 1").1
        #expect(!rows(fromDisk).isEmpty)
        #expect(rows(fromDisk) == rows(loaded))
        #expect(fromDisk.hasPrefix("term,targetCount,referenceCount,"))
        #expect(rows(fromDisk).first?[0] == "harbour")
    }

    @Test func aWordListGivesItsCountsAndStatedSize() throws {
        let h = ShellHarness()
        h.run("load \(h.file("harbour.txt", Self.harbour))")
        let list = h.file("ref.tsv", "#Word Types: 4\n#Word Tokens: 10,000\n1\t600\tthe\n2\t40\tcouncil\n3\t3\tHarbour\n4\t9\t2015\n")
        h.run("set format json")
        let (outcome, out, err) = h.run("keyness a1 --vs \(list) --min-count 1")
        #expect(outcome == .ok, "\(err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(json["referenceTokens"] as? Int == 10_000)
        let terms = try #require(json["terms"] as? [[String: Any]])
        let harbour = try #require(terms.first { $0["term"] as? String == "harbour" })
        #expect(harbour["targetCount"] as? Int == 2 && harbour["referenceCount"] as? Int == 3)
        #expect(terms.first { $0["term"] as? String == "council" }?["referenceCount"] as? Int == 40)
        #expect(!terms.contains { $0["term"] as? String == "the" || $0["term"] as? String == "2015" })
        h.run("set format table")
        #expect(h.run("keyness a1 --vs \(list)").1.contains("reference: \(list) (word list, 4 terms), 10,000 tokens"))
    }

    /// A list lede wrote itself (`keywords` as CSV, redirected) reads back as a reference with the same counts.
    @Test func ledesOwnKeywordCSVIsAWordList() throws {
        let h = ShellHarness()
        for (i, text) in Self.council.enumerated() { h.run("load \(h.file("c\(i).txt", text))") }
        h.run("load \(h.file("harbour.txt", Self.harbour))")
        h.run("set format csv")
        let list = h.dir + "/council-words.csv"
        #expect(h.run("keywords a1 a2 --top 1000 > \(list)").0 == .ok)
        h.run("set format json")
        let (outcome, out, err) = h.run("keyness a3 --vs \(list) --min-count 1 --top 1000")
        #expect(outcome == .ok, "\(err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let terms = try #require(json["terms"] as? [[String: Any]])
        #expect(terms.first { $0["term"] as? String == "council" }?["referenceCount"] as? Int == 3)
        #expect(terms.first { $0["term"] as? String == "budget" }?["referenceCount"] as? Int == 3)
    }

    @Test func badReferencesAreOneLineAndTheSessionGoesOn() {
        let h = ShellHarness()
        h.run("load \(h.file("harbour.txt", Self.harbour))")
        #expect(h.run("keyness a1 --vs nowhere").2
                == "error: keyness: --vs nowhere: no article matches it, and no file or folder has that name\n")
        let bad = h.file("bad.tsv", "the\t5\nharbour\tmany\n")
        #expect(h.run("keyness a1 --vs \(bad)").2 == "error: keyness: --vs \(bad): line 2: 'many' is not a count (a whole number of 0 or more)\n")
        let words = h.file("words.tsv", "harbour\t5\nquay\t2\n")
        #expect(h.run("keyness a1 --vs \(words) --ngram 2").2
                == "error: keyness: --vs \(words): none of its 2 terms is a 2-word phrase\n")
        let empty = h.file("empty/notes.bin", "")
        #expect(h.run("keyness a1 --vs \(empty)").2.hasPrefix("error: keyness: --vs \(empty): no articles to compare with"))
        #expect(h.shell.workspace.articles.count == 1)
        let (outcome, out, _) = h.run("keyness a1 --vs \(words) --min-count 1")
        #expect(outcome == .ok)
        #expect(out.contains("reference: \(words) (word list, 2 terms; size: the sum of its counts), 7 tokens"))
    }
}
