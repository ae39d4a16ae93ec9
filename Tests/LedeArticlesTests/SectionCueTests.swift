import Foundation
import Testing
@testable import LedeArticles

/// `SectionCue.match` answers labels that open with an ASCII letter from their bytes; the scalar path (lower-cased,
/// white space folded, punctuation cut) is the definition. Both must agree on every label.
@Suite struct SectionCueTests {
    static func labels() -> [String] {
        var out: [String] = []
        let wrappers: [(String, String)] = [("", ""), ("", ":"), ("  ", " (3)"), ("1. ", ""), ("➡️ ", ""), ("【", "】"),
                                            ("", "s"), ("", "-x"), ("", " und mehr"), ("", "2"), ("", "é")]
        for (_, list) in SectionCue.phrases {
            for phrase in list {
                let forms = [phrase, phrase.uppercased(), phrase.capitalized, phrase.replacingOccurrences(of: " ", with: "  "),
                             phrase.replacingOccurrences(of: " ", with: "\n"), phrase.replacingOccurrences(of: " ", with: "-"),
                             String(phrase.dropLast()), phrase + phrase]
                for form in forms { for (before, after) in wrappers { out.append(before + form + after) } }
            }
        }
        out += ["", " ", "123", "Adidas", "ad", "AD", "Ähnliche Artikel", "ÄHNLICHE ARTIKEL", "Über mich", "ÜBER MICH",
                "Related\tstories", "Related \u{00A0}stories", "Mehr zum Thema", "MEHR ZUM THEMA", "Read also: x"]
        return out
    }

    @Test func theByteMatchAgreesWithTheScalarMatch() {
        var disagreements: [String] = []
        let labels = Self.labels()
        for label in labels {
            let fast = SectionCue.match(label), slow = SectionCue.matchScalars(label)
            if fast?.cue != slow?.cue || fast?.length != slow?.length { disagreements.append(label.debugDescription) }
        }
        #expect(labels.count > 5_000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).joined(separator: ", "))")
    }

    @Test func labelsOpenTheirSections() {
        #expect(SectionCue.match("Related stories")?.cue == .related)
        #expect(SectionCue.match("142 Kommentare")?.cue == .comments)
        #expect(SectionCue.match("Adidas") == nil)
    }
}
