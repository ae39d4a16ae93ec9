import Foundation
import LedeText

extension WordFacts.Sources {
    /// CMUdict syllables with LedeText's spelling rules for unknown words, and the Dale–Chall easy list
    /// with the regular inflections Dale and Chall count as familiar (-s, -es, -ies, -ed, -ied, -ing, -er,
    /// -est, -'s of a listed word) and hyphenated compounds of familiar words.
    public static let standard = WordFacts.Sources(
        syllables: { Syllables.count($0) },
        dictionarySyllables: { Syllables.dictionaryCount($0) },
        isEasy: { DaleChallFamiliarity.isFamiliar($0) })
}

/// Dale–Chall familiarity: the easy list plus regular inflections of listed words.
public enum DaleChallFamiliarity {
    public static func isFamiliar(_ form: String) -> Bool {
        if DaleChall.isEasy(form) { return true }
        // A hyphenated compound of familiar words is familiar ("high-speed", "year-end").
        if form.contains("-") {
            let parts = form.split(separator: "-")
            return parts.count > 1 && parts.allSatisfy { isFamiliar(String($0)) }
        }
        if form.hasSuffix("'s") { return DaleChall.isEasy(String(form.dropLast(2))) }
        if form.hasSuffix("s'") { return DaleChall.isEasy(String(form.dropLast(2))) || DaleChall.isEasy(String(form.dropLast(1))) }
        for (suffix, replacements) in inflections where form.hasSuffix(suffix) && form.count > suffix.count + 1 {
            let base = String(form.dropLast(suffix.count))
            for r in replacements where DaleChall.isEasy(base + r) { return true }
            // Doubled final consonant: "bigger", "stopped", "running".
            if ["ed", "ing", "er", "est"].contains(suffix), let last = base.last, base.dropLast().last == last,
               DaleChall.isEasy(String(base.dropLast())) { return true }
        }
        return false
    }

    /// Suffix → what may replace it to give the listed word.
    static let inflections: [(String, [String])] = [
        ("ies", ["y"]), ("ied", ["y"]), ("ier", ["y"]), ("iest", ["y"]),
        ("es", ["", "e"]), ("s", [""]),
        ("ed", ["", "e"]), ("ing", ["", "e"]),
        ("er", ["", "e"]), ("est", ["", "e"]),
    ]
}
