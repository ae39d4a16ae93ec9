import Foundation
import Testing
@testable import LedeArticles
@testable import LedeText

/// The load path's stoplist shortcuts against plain references: the byte-level stoplist parser against the
/// String rules, and the hashed stopword lookup in `BlockFeatures.measure` against looking each token's
/// normalised form up in a Set.
@Suite struct StopwordFastPathTests {
    /// LedeText's bundled stoplists, in the source tree (always present, unlike ../shared).
    static let stoplists = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LedeText/Resources/stoplists")

    /// The rules the byte-level parser must match: split on Unicode newlines, trim spaces, skip blanks and
    /// `#` comments, lower-case, fold ’ to '.
    static func referenceParse(_ text: String) -> Set<String> {
        var out = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let w = line.trimmingCharacters(in: .whitespaces)
            if w.isEmpty || w.hasPrefix("#") { continue }
            out.insert(w.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
        }
        return out
    }

    @Test func stoplistParserMatchesTheStringRulesOnTrickyText() {
        let text = "# comment\r\nThe\r\n\t  And \t\n\nWON\u{2019}T\nÉcole\u{2028}Naïve \n  # indented comment\n\u{0B}x\u{0C}Y\r\r\n  \u{00A0}café\u{00A0}\n#\nlast"
        #expect(Stopwords.parse(text) == Self.referenceParse(text))
        #expect(Stopwords.parse(text).contains("won't") && Stopwords.parse(text).contains("école"))
        #expect(Stopwords.parse("").isEmpty && Stopwords.parse("\n\n \t\n").isEmpty)
    }

    @Test func stoplistParserMatchesTheStringRulesOnEveryBundledList() throws {
        #expect(Stopwords.availableLanguages.count > 50)
        for language in Stopwords.availableLanguages {
            let url = Self.stoplists.appendingPathComponent(language + ".txt")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(Stopwords.parse(text) == Self.referenceParse(text), "\(language)")
            #expect(try Stopwords.named(language).words == Self.referenceParse(text), "\(language)")
        }
    }

    @Test func namedListsAreCachedAndUnknownNamesStillFail() throws {
        let first = try Stopwords.named("german"), second = try Stopwords.named("GERMAN")
        #expect(first.name == "German" && first.words == second.words && first.words.contains("und"))
        #expect(throws: StopwordsError.self) { try Stopwords.named("Klingon") }
    }

    /// Words as measure defines them (lede's tokens), each normalised form looked up in the Set.
    static func referenceCounts(_ text: String, _ stopwords: Stopwords) -> (words: Int, stops: Int) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.ranges(text)
        let stops = tokens.filter { range, _ in
            stopwords.words.contains(Tokenizer.normalise(String(decoding: bytes[range], as: UTF8.self)))
        }.count
        return (tokens.count, stops)
    }

    @Test func measureCountsTheSameStopwordsAsASet() throws {
        var generator = SplitMix64(seed: 7)
        let english = Stopwords.english, german = try Stopwords.named("German")
        // Stopwords, their capitalised forms, long words (several 8-byte chunks), prefixes and non-ASCII words.
        let pool = Array(english.words.prefix(200)) + Array(german.words.prefix(100))
            + ["The", "AND", "internationalisation", "abcdefgh", "abcdefghi", "thebestof", "Über", "naïve", "can't",
               "won\u{2019}t", "Won\u{2019}t", "x2", "1999", "ÆSIR", "ab", "zzzzzzzzzzzzzzzzz", "DER", "Über-all", "日本", "U.S."]
        let separators = [" ", ", ", ". ", "\n", " — ", "(", ") ", " 'quoted' "]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int(generator.next() % 60) {
                text += pool[Int(generator.next() % UInt64(pool.count))]
                text += separators[Int(generator.next() % UInt64(separators.count))]
            }
            for list in [english, german] {
                let measured = BlockFeatures.measure(text, stopwords: list)
                let reference = Self.referenceCounts(text, list)
                #expect(measured.words == reference.words && measured.stopwords == reference.stops, "\(text)")
            }
        }
    }
}

/// The declared language's stoplist is used only when it fits the page's words better than English does.
@Suite struct StoplistChoiceTests {
    @Test func declaredListWinsOnlyWhenItFitsTheText() {
        let german = ["Der Gemeinderat hat am Donnerstag über den Plan für den Hafen abgestimmt, und die Mehrheit war knapp."]
        let english = ["The council voted on the harbour plan on Thursday, and the majority was narrow."]
        #expect(StoplistChoice.choose(declared: "de-DE", catalog: StopwordCatalog()) { german }.name == "German")
        #expect(StoplistChoice.choose(declared: "de", catalog: StopwordCatalog()) { english }.name == "English")
        #expect(StoplistChoice.choose(declared: nil, catalog: StopwordCatalog()) { german }.name == "English")      // nothing declared: English
        #expect(StoplistChoice.choose(declared: "xx", catalog: StopwordCatalog()) { german }.name == "English")     // unknown code
    }
}
