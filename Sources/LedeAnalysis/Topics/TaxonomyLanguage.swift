import Foundation

extension Taxonomy {
    /// The language code a taxonomy's term lists are keyed by, from what metadata or a detector says:
    /// a BCP 47 tag's primary subtag ("de-AT" → "de"), ISO 639-2 codes and English or native names of
    /// the languages lede has term lists for ("deu", "German", "Deutsch" → "de"). Nil when nothing is
    /// said: an empty value, "und" (undetermined), or text that is not a code or a known name.
    public static func languageCode(_ value: String?) -> String? {
        guard let value else { return nil }
        let lower = value.trimmingCharacters(in: .whitespaces).lowercased()
        if let known = names[lower] { return known }
        let primary = String(lower.prefix { $0 != "-" && $0 != "_" })
        if let known = names[primary] { return known }
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0 >= "a" && $0 <= "z" }), primary != "und" else { return nil }
        return primary
    }

    private static let names: [String: String] = [
        "eng": "en", "english": "en",
        "deu": "de", "ger": "de", "german": "de", "deutsch": "de",
        "fra": "fr", "fre": "fr", "french": "fr", "français": "fr", "francais": "fr",
        "spa": "es", "spanish": "es", "español": "es", "espanol": "es", "castellano": "es",
        "ita": "it", "italian": "it", "italiano": "it",
        "por": "pt", "portuguese": "pt", "português": "pt", "portugues": "pt",
        "nld": "nl", "dut": "nl", "dutch": "nl", "nederlands": "nl",
    ]
}
