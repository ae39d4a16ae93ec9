import Foundation
import Testing
@testable import LedeText

@Suite struct SyllableTests {
    @Test func dictionaryWordsUseFirstPronunciation() {
        #expect(Syllables.dictionaryCount("the") == 1)
        #expect(Syllables.dictionaryCount("business") == 2)
        #expect(Syllables.dictionaryCount("every") == 3)      // CMUdict's first pronunciation: EH1 V ER0 IY0
        #expect(Syllables.count("Every") == 3)
        #expect(Syllables.dictionaryCount("flibberjab") == nil)
        #expect(Syllables.dictionaryCount("") == nil)
        #expect(Syllables.dictionaryCount("zzzzzzzzzzzzzzzz") == nil)   // beyond the last entry
        #expect(Syllables.dictionaryCount("'bout") == 1)                   // the first entry
    }

    @Test func fallbackOnMadeUpWords() {
        let expected: [(String, Int)] = [
            ("blorp", 1), ("flibberjab", 3), ("zorkable", 3), ("snarfed", 1), ("glorpes", 1), ("plinkle", 2),
            ("vintrosian", 3), ("blathermonia", 5), ("frimbled", 2), ("zentraxia", 4), ("bloxes", 2),
            ("quorbality", 4), ("glonted", 2),
        ]
        for (word, n) in expected {
            #expect(Syllables.dictionaryCount(word) == nil, "\(word) should be made up")
            #expect(Syllables.count(word) == n, "\(word)")
        }
    }

    @Test func hyphensPossessivesAndNumbers() {
        #expect(Syllables.dictionaryCount("china-russia") == nil)
        #expect(Syllables.count("china-russia") == 4)              // china 2 + russia 2, each from CMUdict
        #expect(Syllables.count("blorp-flibberjab") == 4)
        #expect(Syllables.count("blorp's") == 1)
        #expect(Syllables.count("blorpex's") == 3)
        #expect(Syllables.count("2015") == 1)
        #expect(Syllables.count("x") >= 1)
    }

    @Test func daleChallList() {
        #expect(DaleChall.listSize > 2_900)
        #expect(DaleChall.isEasy("about"))
        #expect(DaleChall.isEasy("About"))
        #expect(DaleChall.isEasy("don’t"))
        #expect(!DaleChall.isEasy("legislation"))
        #expect(!DaleChall.isEasy(""))
    }

    /// Every CMUdict word in the BBC corpus gets exactly the count of its first pronunciation in the
    /// original dictionary file (parsed here independently of the bundled resource).
    @Test(.enabled(if: SharedData.url("corpora/bbc") != nil && SharedData.url("data/cmudict/cmudict.dict") != nil,
                   "needs ../shared/corpora/bbc and ../shared/data/cmudict"))
    func bbcDictionaryWordsMatchCMUdict() throws {
        var firstPronunciation: [String: Int] = [:]
        let dict = try String(contentsOf: SharedData.url("data/cmudict/cmudict.dict")!, encoding: .utf8)
        for line in dict.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let head = fields.first, !head.contains("(") else { continue }
            var n = 0
            for f in fields.dropFirst() {
                if f == "#" { break }
                if let last = f.last, last.isNumber { n += 1 }
            }
            if firstPronunciation[String(head)] == nil { firstPronunciation[String(head)] = n }
        }
        let vocabulary = Vocabulary()
        let tokenizer = Tokenizer()
        let files = FileManager.default.enumerator(at: SharedData.url("corpora/bbc")!, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "txt" {
            let data = try Data(contentsOf: url)
            _ = tokenizer.tokenize(utf8: [UInt8](data), vocabulary: vocabulary)
        }
        var checked = 0, ruleAgrees = 0
        var mismatches: [String] = []
        for form in vocabulary.allForms() {
            guard let expected = firstPronunciation[form] else { continue }
            checked += 1
            if Syllables.count(form) != expected || Syllables.dictionaryCount(form) != expected {
                mismatches.append("\(form): \(Syllables.count(form)) ≠ \(expected)")
            }
            if Syllables.ruleCount(form) == expected { ruleAgrees += 1 }
        }
        #expect(checked > 20_000)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(10))")
        // The fallback rules alone, measured on the same words (a figure quoted in the README).
        let share = Double(ruleAgrees) / Double(checked)
        print("syllable rules alone agree with CMUdict on \(ruleAgrees)/\(checked) BBC dictionary words (\(String(format: "%.1f", share * 100)) %)")
        #expect(share > 0.80)
    }
}
