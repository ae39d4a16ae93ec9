import Foundation
import Testing
@testable import LedeText

@Suite struct SnowballEnglishStemmerTests {
    @Test(.enabled(if: SharedData.url("testdata/snowball-english/voc.txt") != nil,
                   "needs ../shared/testdata/snowball-english"))
    func snowballVocabularyAgreesCompletely() throws {
        let dir = SharedData.url("testdata/snowball-english")!
        let words = try String(contentsOf: dir.appendingPathComponent("voc.txt"), encoding: .utf8).split(separator: "\n")
        let stems = try String(contentsOf: dir.appendingPathComponent("output.txt"), encoding: .utf8).split(separator: "\n")
        #expect(words.count == 42_649)
        #expect(words.count == stems.count)
        var wrong: [String] = []
        for (word, expected) in zip(words, stems) {
            let got = SnowballEnglishStemmer.stem(String(word))
            if got != expected { wrong.append("\(word) → \(got), expected \(expected)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(words.count) differ, e.g. \(wrong.prefix(20))")
    }

    @Test func knownStems() {
        let cases: [(String, String)] = [
            ("news", "news"), ("running", "run"), ("generously", "generous"), ("dying", "die"),
            ("international", "internat"), ("pasted", "paste"), ("cries", "cri"), ("ties", "tie"),
            ("gaps", "gap"), ("gas", "gas"), ("hopping", "hop"), ("added", "add"), ("yelling", "yell"),
            ("Running", "run"), ("a", "a"), ("", ""),
        ]
        for (word, stem) in cases { #expect(SnowballEnglishStemmer.stem(word) == stem, "\(word)") }
    }

    @Test func nonASCIILettersSurvive() {
        #expect(SnowballEnglishStemmer.stem("cafés") == "café")
        #expect(SnowballEnglishStemmer.stem("naïvely") == "naïv")
        #expect(SnowballEnglishStemmer.stem("北京") == "北京")
    }
}
