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

/// One readability formula for a language other than English.
public enum ReadabilityFormula: String, Codable, Sendable, CaseIterable {
    case amstad, wienerSachtextformel, kandelMoles, fernandezHuerta, szigrisztPazos

    /// The language the formula was made for.
    public var languageCode: String {
        switch self {
        case .amstad, .wienerSachtextformel: return "de"
        case .kandelMoles: return "fr"
        case .fernandezHuerta, .szigrisztPazos: return "es"
        }
    }

    /// The name shown beside the score.
    public var name: String {
        switch self {
        case .amstad: return "Flesch (Amstad)"
        case .wienerSachtextformel: return "Wiener Sachtextformel"
        case .kandelMoles: return "Kandel–Moles"
        case .fernandezHuerta: return "Fernández Huerta"
        case .szigrisztPazos: return "Szigriszt-Pazos"
        }
    }

    /// ASL = words per sentence, ASW = syllables per word; percentages are of all words.
    public func score(_ c: LanguageReadabilityCounts) -> Double? {
        guard c.words > 0, c.sentences > 0 else { return nil }
        let w = Double(c.words)
        let asl = w / Double(c.sentences)
        let asw = Double(c.syllables) / w
        switch self {
        case .amstad:
            return 180 - asl - 58.5 * asw
        case .wienerSachtextformel:
            let ms = 100 * Double(c.polysyllables) / w, iw = 100 * Double(c.longWords) / w, es = 100 * Double(c.monosyllables) / w
            return 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875
        case .kandelMoles:
            return 207 - 1.015 * asl - 73.6 * asw
        case .fernandezHuerta:
            // 206.84 − 0.60·P − 1.02·F with P syllables per 100 words and F words per sentence (Law 2011).
            return 206.84 - 0.60 * (100 * asw) - 1.02 * asl
        case .szigrisztPazos:
            return 206.835 - 62.3 * asw - asl
        }
    }
}
