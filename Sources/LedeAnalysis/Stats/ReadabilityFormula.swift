import Foundation

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
