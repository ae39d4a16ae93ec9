import Foundation
import Testing
@testable import LedeText

@Suite struct LanguageTests {
    @Test func tagsFromMetadata() {
        let cases: [(String, String?)] = [
            ("en", "en"), ("EN", "en"), ("en-GB", "en"), ("en_US", "en"), ("eng", "en"), ("English", "en"),
            ("de-AT", "de"), ("deu", "de"), ("ger", "de"), ("Deutsch", "de"), ("fr-CA", "fr"), ("Français", "fr"),
            ("zh-Hans-CN", "zh"), ("zh_TW", "zh"), ("ja-JP", "ja"), ("pt-BR", "pt"), ("no", "nb"), ("nb-NO", "nb"),
            ("iw", "he"), ("in", "id"), (" es ", "es"), ("sr-Latn", "sr"), ("be-tarask", "be-tarask"),
            ("", nil), ("xx", nil), ("klingon", nil), ("--", nil),
        ]
        for (tag, code) in cases { #expect(Language(tag: tag)?.code == code, "\(tag)") }
    }

    @Test func codesAreUniqueAndNamed() {
        let codes = Language.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(Language(code: "de")?.name == "German")
        #expect(Language(code: "de-AT") == nil)
    }

    /// Every bundled stoplist is some language's, reachable by its code and by its name.
    @Test func everyStoplistByCode() throws {
        let byList = Dictionary(uniqueKeysWithValues: Language.all.compactMap { l in l.stoplistName.map { ($0, l) } })
        #expect(Stopwords.availableLanguages.count >= 100)
        for name in Stopwords.availableLanguages {
            let language = try #require(byList[name], "no language for the list \(name)")
            let list = try #require(Stopwords.list(for: language))
            #expect(list.name == name)
            #expect(!list.words.isEmpty, "\(name)")
            #expect(try Stopwords.named(language.code).name == name)
        }
        #expect(try Stopwords.named("de-CH").name == "German")
        #expect(Stopwords.list(for: Language(code: "zh")!) == nil)
    }

    @Test func keywordStopwordsPerLanguage() throws {
        #expect(Stopwords.keywordStopwords(for: .english)?.contains("government") == false)
        #expect(Stopwords.keywordStopwords(for: .english)?.contains("the") == true)
        #expect(Stopwords.keywordStopwords(for: Language(code: "de")!)?.contains("und") == true)
        #expect(Stopwords.keywordStopwords(for: Language(code: "ja")!) == nil)
    }
}
