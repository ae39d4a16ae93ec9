import Foundation
import Testing
@testable import LedeText

/// Texts written for these tests (Fixtures/language-id/CODE.txt, one text a line: headlines, one-sentence
/// and few-sentence texts on everyday news topics).
enum LanguageFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/language-id")

    static func texts(_ set: String = "") -> [(code: String, text: String)] {
        let dir = set.isEmpty ? folder : folder.appendingPathComponent(set)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted().flatMap { file -> [(code: String, text: String)] in
            let text = (try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)) ?? ""
            let code = String(file.dropLast(4))
            return text.split(separator: "\n").map { (code, String($0)) }
        }
    }
}

@Suite struct LanguageIdentifierTests {
    static let identifier = LanguageIdentifier()

    /// Accuracy per language (an unsure answer counts as wrong): at least 95 % for each language with 15 or
    /// more texts, and overall.
    @Test(arguments: ["", "held-out"])
    func accuracyOnOwnTexts(set: String) {
        let texts = LanguageFixtures.texts(set)
        #expect(texts.count >= 80)
        var right: [String: Int] = [:], total: [String: Int] = [:], wrong: [String] = []
        for (code, text) in texts {
            total[code, default: 0] += 1
            let got = Self.identifier.identify(text)
            if got?.code == code { right[code, default: 0] += 1 } else { wrong.append("\(code) → \(got?.code ?? "nil"): \(text)") }
        }
        let report = total.keys.sorted().map { "\($0) \(right[$0, default: 0])/\(total[$0]!)" }.joined(separator: ", ")
        for w in wrong { print("  wrong: \(w)") }
        print("language identification (\(set.isEmpty ? "tuning" : set) set): \(report); overall \(right.values.reduce(0, +))/\(texts.count)")
        for (code, n) in total where n >= 15 {
            #expect(Double(right[code, default: 0]) >= 0.95 * Double(n), "\(code): \(right[code, default: 0])/\(n)")
        }
        #expect(Double(right.values.reduce(0, +)) >= 0.95 * Double(texts.count), "\(wrong)")
    }

    /// Each language's texts joined into one long text (decided by the words-only first stage).
    @Test func longTexts() {
        let byLanguage = Dictionary(grouping: LanguageFixtures.texts(), by: \.code)
        for (code, texts) in byLanguage {
            #expect(Self.identifier.identify(texts.map(\.text).joined(separator: " "))?.code == code, "\(code)")
        }
    }

    @Test func scriptsDecideAlone() {
        #expect(Self.identifier.identify("東京都に住んでいます。")?.code == "ja")
        #expect(Self.identifier.identify("北京是中国的首都。")?.code == "zh")
        #expect(Self.identifier.identify("서울은 한국의 수도이다.")?.code == "ko")
        #expect(Self.identifier.identify("Η Αθήνα είναι η πρωτεύουσα.")?.code == "el")
    }

    @Test func unsureIsNil() {
        #expect(Self.identifier.identify("") == nil)
        #expect(Self.identifier.identify("1,200 42 %") == nil)
        #expect(Self.identifier.identify("Reuters") == nil)
        #expect(Self.identifier.scores("Reuters").isEmpty)
    }

    @Test func deterministic() {
        let other = LanguageIdentifier()
        for (_, text) in LanguageFixtures.texts().prefix(60) {
            let a = Self.identifier.scores(text), b = other.scores(text)
            #expect(a.map(\.language) == b.map(\.language) && a.map(\.score) == b.map(\.score))
        }
    }
}
