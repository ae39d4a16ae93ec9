import Foundation
import Testing
@testable import LedeText

@Suite struct SnowballStemmerTests {
    @Test(.enabled(if: SharedData.url("testdata/snowball-english/voc.txt") != nil,
                   "needs ../shared/testdata/snowball-english"))
    func englishAgreesWithSnowballsVocabulary() throws {
        let dir = SharedData.url("testdata/snowball-english")!
        let words = try String(contentsOf: dir.appendingPathComponent("voc.txt"), encoding: .utf8).split(separator: "\n")
        let stems = try String(contentsOf: dir.appendingPathComponent("output.txt"), encoding: .utf8).split(separator: "\n")
        #expect(words.count == 42_649 && stems.count == 42_649)
        let stemmer = try #require(SnowballStemmer(language: .english))
        let wrong = zip(words, stems).filter { stemmer.stem(String($0.0)) != $0.1 }
        #expect(wrong.isEmpty, "\(wrong.count) of \(words.count) differ, e.g. \(wrong.prefix(10))")
    }

    @Test func everySnowballLanguageHasAStemmer() {
        // Every algorithm libstemmer lists (less the original Porter, which is no language) is some language's.
        let algorithms = Set(LibStemmer.algorithms).subtracting(["porter"])
        let covered = Set(SnowballStemmer.languages.compactMap(\.snowballAlgorithm))
        #expect(algorithms.isSubset(of: covered), "no language for \(algorithms.subtracting(covered).sorted())")
        for language in SnowballStemmer.languages { #expect(SnowballStemmer(language: language) != nil, "\(language)") }
        #expect(SnowballStemmer(language: Language(code: "zh")!) == nil)
        #expect(SnowballStemmer(language: Language(code: "pl")!) == nil)
    }

    @Test func stemsOfOtherLanguages() throws {
        let cases: [(String, [(String, String)])] = [
            ("de", [("häuser", "haus"), ("Kinder", "kind"), ("gefunden", "gefund"), ("bibliotheken", "bibliothek")]),
            ("fr", [("continuation", "continu"), ("nationales", "national"), ("l'équipe", "l'équip")]),
            ("es", [("bibliotecas", "bibliotec"), ("corriendo", "corr"), ("canciones", "cancion")]),
            ("ru", [("библиотеки", "библиотек"), ("городской", "городск")]),
            ("it", [("biblioteche", "bibliotec"), ("nazionale", "nazional")]),
        ]
        for (code, pairs) in cases {
            let stemmer = try #require(SnowballStemmer(language: Language(code: code)!))
            for (word, stem) in pairs { #expect(stemmer.stem(word) == stem, "\(code): \(word)") }
        }
    }

    /// One stemmer per worker: the same stems as one stemmer used alone.
    @Test func oneStemmerPerWorker() throws {
        let words = ["häuser", "gefunden", "kinder", "bibliotheken", "zeitungen", "regierung"]
        let alone = SnowballStemmer(language: Language(code: "de")!)!
        let expected = words.map { alone.stem($0) }
        let results = Parallel.map(count: 8) { _ in
            let own = SnowballStemmer(language: Language(code: "de")!)!
            var same = true
            for _ in 0..<200 { same = same && words.map { own.stem($0) } == expected }
            return same
        }
        #expect(results.allSatisfy { $0 })
    }

    @Test func stemIndexPerLanguage() throws {
        let vocabulary = Vocabulary()
        _ = Tokenizer().tokenize("Die Häuser und das Haus, die Kinder und das Kind", vocabulary: vocabulary)
        let index = try #require(StemIndex(vocabulary: vocabulary, language: Language(code: "de")!))
        let table = index.stemTable()
        let id = { vocabulary.id(of: $0)! }
        #expect(table[Int(id("häuser"))] == table[Int(id("haus"))])
        #expect(table[Int(id("kinder"))] == table[Int(id("kind"))])
        #expect(index.form(ofStem: table[Int(id("kinder"))]) == "kind")
        #expect(StemIndex(vocabulary: vocabulary, language: Language(code: "ja")!) == nil)
    }
}
