import Foundation
import LedeText

/// Readability beyond English: which formulas apply to a language, the counts they are made of, and their
/// scores. Sources and coefficients: docs/readability.md.
///
/// - German: Amstad's Flesch (1978) and the first Wiener Sachtextformel (Bamberger & Vanecek 1984);
/// - French: Kandel & Moles (1958);
/// - Spanish: Fernández Huerta (1959, as corrected by Law 2011) and Szigriszt-Pazos's perspicuity (1993);
/// - English: the seven scores of `ReadabilityScores`;
/// - any other language: none, and `unavailableReason` says why (the cell stays empty with that reason).
public enum LanguageReadability {
    /// The formulas for a language other than English (English has `ReadabilityScores`); empty when none exists.
    public static func formulas(for language: Language) -> [ReadabilityFormula] {
        ReadabilityFormula.allCases.filter { $0.languageCode == language.code }
    }

    /// Why a text gets no readability score: nil when formulas exist for its language (English included).
    public static func unavailableReason(for language: Language?) -> String? {
        guard let language else { return "language unknown: readability formulas are language-specific" }
        if language == .english || !formulas(for: language).isEmpty { return nil }
        return "no readability formula for \(language.name) (\(language.code))"
    }

    /// The scores of a language's formulas from its counts (each nil when the text has no words or sentences).
    public static func scores(_ counts: LanguageReadabilityCounts, language: Language) -> [(formula: ReadabilityFormula, score: Double?)] {
        formulas(for: language).map { ($0, $0.score(counts)) }
    }

    /// The counts of one text: every token is a word, as in `TextStatistics`; sentences with tokens count.
    /// `facts` must cover the ids of the text's vocabulary.
    public static func counts(of text: TokenizedText, facts: LanguageWordFacts) -> LanguageReadabilityCounts {
        var c = LanguageReadabilityCounts()
        let ids = text.ids
        for sentence in text.sentences where !sentence.tokens.isEmpty {
            c.sentences += 1
            for k in sentence.tokens {
                let id = Int(ids[k])
                let sy = Int(facts.syllables[id])
                c.words += 1
                c.syllables += sy
                if sy >= 3 { c.polysyllables += 1 }
                if sy == 1 { c.monosyllables += 1 }
                if facts.letters[id] > 6 { c.longWords += 1 }
            }
        }
        return c
    }
}

/// The counts the German, French and Spanish formulas are made of. Additive over texts.
public struct LanguageReadabilityCounts: Codable, Sendable, Equatable {
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    /// Words of three or more syllables (Wiener Sachtextformel: MS).
    public var polysyllables = 0
    /// Words of one syllable (ES).
    public var monosyllables = 0
    /// Words of more than six letters (IW).
    public var longWords = 0

    public init() {}

    public init(words: Int, sentences: Int, syllables: Int, polysyllables: Int, monosyllables: Int, longWords: Int) {
        self.words = words; self.sentences = sentences; self.syllables = syllables
        self.polysyllables = polysyllables; self.monosyllables = monosyllables; self.longWords = longWords
    }

    public static func + (a: Self, b: Self) -> Self {
        var r = a
        r.words += b.words; r.sentences += b.sentences; r.syllables += b.syllables
        r.polysyllables += b.polysyllables; r.monosyllables += b.monosyllables; r.longWords += b.longWords
        return r
    }
}
