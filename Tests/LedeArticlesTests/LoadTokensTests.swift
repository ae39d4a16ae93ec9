import Foundation
import Testing
import LedeText
@testable import LedeArticles

/// Loading with a vocabulary tokenises each body in the parsing pass (text dumps reuse the tokens their
/// jusText features were counted from): the texts must be exactly what tokenising the body afresh gives.
@Suite struct LoadTokensTests {
    /// Loads `paths` with a vocabulary, and again without one (documents that keep their bodies): each text
    /// rebuilds exactly its document's body, and equals tokenising that body afresh.
    func expectSameAsFreshTokenising(_ paths: [String], documents: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let vocabulary = Vocabulary()
        let report = try ArticleLoader().load(paths: paths, vocabulary: vocabulary)
        let plain = try ArticleLoader().load(paths: paths)
        #expect(report.documents.count == documents && plain.documents.count == documents, sourceLocation: sourceLocation)
        #expect(report.texts.count == report.documents.count, sourceLocation: sourceLocation)
        // The texts hold the bodies: the documents no longer do.
        #expect(report.documents.allSatisfy { !$0.hasBody } && plain.documents.allSatisfy(\.hasBody), sourceLocation: sourceLocation)
        var differing: [String] = []
        for ((doc, text), original) in zip(zip(report.documents, report.texts), plain.documents) {
            let fresh = Tokenizer().tokenize(utf8: original.bodyUTF8, vocabulary: vocabulary)
            if doc.path != original.path || doc.paragraphRanges != original.paragraphRanges
                || text.utf8 != original.bodyUTF8 || text.allTokens() != fresh.allTokens()
                || text.sentences != fresh.sentences || text.paragraphs != fresh.paragraphs {
                differing.append(doc.path)
            }
        }
        #expect(differing.isEmpty, "texts unlike a fresh tokenising: \(differing.prefix(5))", sourceLocation: sourceLocation)
    }

    @Test func textsEqualTokenisingTheBodyAfresh() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Block edges where a token could run on: an acronym, a URL, a hyphen, a number, a curly apostrophe;
        // wrapped lines, CRLF, no-break spaces, a menu and a footer that are dropped, non-ASCII text.
        let wrapped = String(repeating: "The council said the plan, first put to voters in 2019-20, would cost ", count: 2)
        try write("""
        Home | News | Sport
        Council backs the harbour plan
        Published: 12 January 2024

        \(wrapped)
        about £1,200.50 a household.\r
        Officials in the U.S.
        said the firm’s offer — see https://example.com/plan. — was well-judged and that the vote in the chamber was close.

        Der Gemeinderat stimmte am Donnerstag zu; die Bürger sollen im Frühjahr über den Plan abstimmen, sagte die Bürgermeisterin.\u{00A0}Sie
        erwartet eine hohe Beteiligung an der Abstimmung über den Hafen und die neuen Wohnungen.

        © 2024 Harbour Gazette. All rights reserved.
        """, to: dir + "/a.txt")
        try write("<html><head><title>Port plan</title></head><body><article><p>"
                  + String(repeating: "The port will grow by a third over the next ten years, the authority said. ", count: 4)
                  + "</p></article></body></html>", to: dir + "/b.html")
        try write(#"{"title": "One", "text": "A first record about the harbour and its plan."}"# + "\n"
                  + #"{"title": "Two", "text": "A second record about the vote, with U.S. observers."}"#, to: dir + "/c.jsonl")
        try expectSameAsFreshTokenising([dir], documents: 4)
    }

    @Test func corporaLoadAsIfTokenisedAfresh() throws {
        guard let shared = sharedDirectory else { print("skipped: ../shared is absent"); return }
        try expectSameAsFreshTokenising([shared + "/corpora/seed", shared + "/corpora/bbc/tech"], documents: 402)
    }

    @Test func droppedBlocksLeaveNoFormsInTheVocabulary() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("""
        Home | Qwertyzap | Sport
        Harbour plan approved

        \(String(repeating: "The council approved the harbour plan on Thursday after a long debate about its cost and its benefits. ", count: 3))

        Copyright © Zyxwvut Media Group
        """, to: dir + "/a.txt")
        let vocabulary = Vocabulary()
        let report = try ArticleLoader().load(paths: [dir], vocabulary: vocabulary)
        let doc = try #require(report.documents.first)
        #expect(doc.dropped.contains { $0.text.contains("Qwertyzap") })
        #expect(doc.dropped.contains { $0.text.contains("Zyxwvut") })
        #expect(vocabulary.id(of: "qwertyzap") == nil)
        #expect(vocabulary.id(of: "zyxwvut") == nil)
        #expect(vocabulary.id(of: "harbour") != nil)
        // Every form in the vocabulary is used by the loaded text.
        let used = Set(report.texts[0].allTokens().map(\.id))
        #expect(used.count == vocabulary.count)
    }

    /// jusText's length is in characters, not bytes: 60 two-byte letters are a short block (< 70), whatever
    /// their 120 bytes; © marks a copyright line wherever it stands.
    @Test func blockLengthsCountCharactersAndCopyrightIsFound() throws {
        let prose = String(repeating: "The council approved the harbour plan on Thursday after a long debate about it. ", count: 3)
        let text = "Harbour plan approved\n\n\(prose)\n\n\(String(repeating: "é", count: 60))\n\nAll text is ours ©, and the pictures are too.\n"
        let doc = try TextDumpParser.parse(text, path: "t.txt")
        let accents = try #require(doc.dropped.first { $0.text.hasPrefix("éé") })
        #expect(accents.reason.hasPrefix("short (60 chars)"), "\(accents.reason)")
        #expect(doc.dropped.contains { $0.text.hasPrefix("All text") && $0.reason == "copyright notice" })
        #expect(doc.paragraphs == [prose.trimmingCharacters(in: .whitespaces)])
    }

    @Test func withoutAVocabularyNothingIsTokenised() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(String(repeating: "A plain sentence about the harbour and the plan for it. ", count: 3), to: dir + "/a.txt")
        let report = try ArticleLoader().load(paths: [dir])
        #expect(report.documents.count == 1)
        #expect(report.texts.isEmpty && report.vocabulary == nil)
    }
}
