import Foundation
import Testing
import LedeText
@testable import LedeEngine

/// Each article's language decides its stopwords, stems and readability formulas (issues 16 and 18).
@Suite final class LanguageRequestTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "lede-languages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let articles = [
            "de1": "Stadtrat beschließt neuen Hafenplan\n\nDer Stadtrat hat am Donnerstag über den neuen Plan für den Hafen abgestimmt, und die Mehrheit war knapp. Die Fischer sagten, dass die neue Kaimauer ihre Arbeitstage verändern werde. Der Bürgermeister sprach von einem wichtigen Schritt für die Stadt und die Region.",
            "de2": "Fischer protestieren gegen den Hafenplan\n\nDie Fischer der Stadt haben am Freitag gegen den Plan für den Hafen protestiert. Sie sagen, dass die Kaimauer die Fangzeiten verkürzen werde und dass der Stadtrat sie nicht gefragt habe. Der Bürgermeister will mit den Fischern sprechen.",
            "en1": "Council approves harbour plan\n\nThe council voted on Thursday to approve the new harbour plan, and the majority was narrow. Fishermen said the new quay would change their working days. The mayor called it an important step for the city and the region.",
            "ja1": "港湾計画を市議会が承認\n\n" + String(repeating: "市議会は木曜日、新しい港湾計画を承認した。漁業者たちは新しい岸壁が彼らの仕事の日々を変えると語った。市長は市と地域にとって重要な一歩だと述べた。", count: 3),
        ]
        for (name, text) in articles { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name).txt")) }
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func loaded() throws -> Engine {
        let engine = Engine()
        _ = try engine.load(LoadRequest(paths: [dir]))
        return engine
    }

    @Test func keywordsLeaveOutEachLanguagesOwnStopwords() throws {
        let engine = try loaded()
        let report = try engine.keywords(KeywordsRequest(terms: TermOptions(top: 500)))
        let terms = Set(report.groups[0].terms.map(\.term))
        for stop in ["die", "der", "und", "the", "and", "den", "dass"] { #expect(!terms.contains(stop), "\(stop) is a stopword in its language") }
        #expect(terms.contains("fischer") && terms.contains("harbour"))
        #expect(report.stopwords.hasPrefix("auto ("), "\(report.stopwords)")
        // One list for every article when asked: German function words are counted in the English list's eyes.
        let english = try engine.keywords(KeywordsRequest(terms: TermOptions(top: 50, stopwords: "English")))
        #expect(english.groups[0].terms.map(\.term).contains("die"))
    }

    @Test func stemsComeFromEachLanguagesStemmer() throws {
        let engine = try loaded()
        let report = try engine.keywords(KeywordsRequest(selectors: ["a1", "a2"], terms: TermOptions(top: 10, stem: true)))
        let stems = report.groups[0].terms.map(\.term)
        #expect(stems.contains("fisch"), "Fischer and Fischern are one German stem: \(stems)")
    }

    @Test func readabilityOnlyWhereAFormulaExists() throws {
        let engine = try loaded()
        let report = try engine.stats(StatsRequest(rows: 0))
        let byLanguage = Dictionary(grouping: report.articles, by: { $0.language ?? "?" })
        let german = try #require(byLanguage["de"]?.first)
        #expect(german.stats.readability.fleschReadingEase == nil && german.languageReadability?.first?.formula == "Flesch (Amstad)")
        let japanese = try #require(byLanguage["ja"]?.first)
        #expect(japanese.stats.readability.colemanLiau == nil && japanese.languageReadability == nil)
        #expect(japanese.readabilityNote?.contains("no readability formula for Japanese") == true)
        let english = try #require(byLanguage["en"]?.first)
        #expect(english.stats.readability.fleschReadingEase != nil && english.readabilityNote == nil)
        #expect(report.readabilityNote?.hasPrefix("mixed languages") == true && report.selection.readability.smog == nil)
        #expect(report.languages == ["de": 2, "en": 1, "ja": 1])
        let onlyGerman = try engine.stats(StatsRequest(selectors: byLanguage["de"]!.map(\.id)))
        #expect(onlyGerman.languageReadability?.map(\.formula) == ["Flesch (Amstad)", "Wiener Sachtextformel"])
    }
}
