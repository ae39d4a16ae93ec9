/// Syllables of German, French and Spanish words by spelling rules: each word's vowel groups are split into
/// nuclei by per-language rules, and each nucleus is one syllable (at least one per word; a token without
/// letters counts one). No dictionary: these languages spell far more regularly than English does.
///
/// German — vowels a e i o u ä ö ü y; in a group, ai au äu ei eu ey ie and the doubled aa ee oo are one nucleus,
///   any other two adjacent vowels two ("The-a-ter", "Si-tu-a-ti-on", "Mu-se-um" counts eu as one: "Mu-seum");
///   u after q is no vowel ("Quel-le").
/// French — vowels a à â e é è ê ë i î ï o ô u ù û ü y œ æ; a vowel group is one nucleus ("oi", "eau", "ou",
///   "ui", "ie", "tion": spoken French glides them), except that é/è/ê/ë/ï/ü next to another vowel start a
///   new nucleus ("ré-ac-tion", "po-è-te", "na-ïf", "No-ël"); u after q or g before a vowel is no vowel
///   ("quand", "guerre"); a final e or es after a consonant or after é is mute ("table" 1, "dames" 1,
///   "journée" 2), unless it is the word's only vowel ("le", "les"). The verb ending -ent is counted (it is
///   mute in "parlent" but not in "moment": telling them apart needs a dictionary).
/// Spanish — vowels a e i o u á é í ó ú ü, and y at the end of a word after a vowel ("hoy", "rey"); strong
///   a e o (with á é ó, and the accented í ú) next to another strong one are two nuclei (hiatus: "le-er",
///   "dí-a"), weak i u with any vowel one (diphthongs and triphthongs: "cie-lo", "buey"), except ii and uu;
///   u after q, or after g before e/i, is no vowel ("que", "guerra"; "pingüino" keeps ü).
public struct VowelGroupSyllables: Sendable {
    public let language: Language

    /// nil for a language without rules here.
    public init?(language: Language) {
        guard VowelGroupSyllables.languages.contains(language.code) else { return nil }
        self.language = language
    }

    public static let languages: Set<String> = ["de", "fr", "es"]

    public func count(_ word: String) -> Int {
        let w = Array(Tokenizer.normalise(word).unicodeScalars)
        guard w.contains(where: { $0.properties.isAlphabetic }) else { return 1 }
        let n: Int
        switch language.code {
        case "de": n = VowelGroupSyllables.german(w)
        case "fr": n = VowelGroupSyllables.french(w)
        default: n = VowelGroupSyllables.spanish(w)
        }
        return max(1, n)
    }

    // MARK: German

    static let germanVowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "ä", "ö", "ü", "y"]
    static let germanPairs: Set<String> = ["ai", "au", "äu", "ei", "eu", "ey", "ie", "aa", "ee", "oo", "ay"]

    static func german(_ w: [Unicode.Scalar]) -> Int {
        var count = 0, i = 0
        while i < w.count {
            guard isVowel(w, i, germanVowels) else { i += 1; continue }
            // One nucleus: a listed pair, else one vowel.
            if i + 1 < w.count, isVowel(w, i + 1, germanVowels), germanPairs.contains(String(String.UnicodeScalarView([w[i], w[i + 1]]))) {
                i += 2
            } else {
                i += 1
            }
            count += 1
        }
        return count
    }

    /// A vowel, not counting u after q (German, French: "Quelle", "quand").
    @inline(__always) static func isVowel(_ w: [Unicode.Scalar], _ i: Int, _ vowels: Set<Unicode.Scalar>) -> Bool {
        guard vowels.contains(w[i]) else { return false }
        if w[i] == "u", i > 0, w[i - 1] == "q" { return false }
        return true
    }

    // MARK: French

    static let frenchVowels: Set<Unicode.Scalar> = ["a", "à", "â", "e", "é", "è", "ê", "ë", "i", "î", "ï", "o", "ô", "u", "ù", "û", "ü", "y", "œ", "æ"]
    /// Vowels that keep their own nucleus next to another vowel.
    static let frenchHiatus: Set<Unicode.Scalar> = ["é", "è", "ê", "ë", "ï", "ü"]

    static func french(_ w: [Unicode.Scalar]) -> Int {
        func vowel(_ i: Int) -> Bool {
            guard frenchVowels.contains(w[i]) else { return false }
            // u after q, or after g before a vowel: no vowel ("quand", "guerre", but "aigu").
            if w[i] == "u", i > 0, w[i - 1] == "q" || (w[i - 1] == "g" && i + 1 < w.count && frenchVowels.contains(w[i + 1])) { return false }
            return true
        }
        // A mute final e / es after a consonant, when another vowel comes before it.
        var end = w.count
        if end >= 2, w[end - 1] == "s", w[end - 2] == "e" { end -= 1 }
        if end >= 2, w[end - 1] == "e", !vowel(end - 2) || w[end - 2] == "é", (0..<(end - 1)).contains(where: vowel) { end -= 1 }
        var count = 0, i = 0
        while i < end {
            guard vowel(i) else { i += 1; continue }
            count += 1
            var j = i + 1
            while j < end, vowel(j) {
                // é next to another vowel, or another vowel before ë ï ü è ê é: a new nucleus.
                if frenchHiatus.contains(w[j]) || w[j - 1] == "é" { count += 1 }
                j += 1
            }
            i = j
        }
        return count
    }

    // MARK: Spanish

    static let spanishStrong: Set<Unicode.Scalar> = ["a", "e", "o", "á", "é", "ó", "í", "ú"]
    static let spanishWeak: Set<Unicode.Scalar> = ["i", "u", "ü"]

    static func spanish(_ w: [Unicode.Scalar]) -> Int {
        func vowel(_ i: Int) -> Bool {
            let c = w[i]
            if c == "y" { return i == w.count - 1 && i > 0 && (spanishStrong.contains(w[i - 1]) || spanishWeak.contains(w[i - 1])) }
            guard spanishStrong.contains(c) || spanishWeak.contains(c) else { return false }
            // u after q, or after g before e/i ("que", "guerra"): silent.
            if c == "u", i > 0, w[i - 1] == "q" || (w[i - 1] == "g" && i + 1 < w.count && (w[i + 1] == "e" || w[i + 1] == "i" || w[i + 1] == "é" || w[i + 1] == "í")) {
                return false
            }
            return true
        }
        // "y" alone is a word of one syllable.
        if w == ["y"] { return 1 }
        var count = 0, i = 0
        while i < w.count {
            guard vowel(i) else { i += 1; continue }
            count += 1
            var j = i + 1
            while j < w.count, vowel(j) {
                let a = w[j - 1], b = w[j]
                let strongPair = spanishStrong.contains(a) && spanishStrong.contains(b)
                let sameWeak = a == b && spanishWeak.contains(a)
                if strongPair || sameWeak { count += 1 }
                j += 1
            }
            i = j
        }
        return count
    }
}
