import LedeText

/// Maps the token ids of a session's vocabulary to the keys topic models count: word stems, so that
/// "elections", "elected" and "election" are one feature. Numbers, URLs and stopwords get no key.
/// Built once per command over the vocabulary's current forms (the stems themselves are cached by LedeText).
public struct TermKeys: Sendable {
    /// Key of each vocabulary id, or `TermKeys.none` when that token is not counted.
    public let keyOfToken: [UInt32]
    /// The text of each key (a stem), indexed by key.
    public let keyForms: [String]
    private let keyByForm: [String: UInt32]

    public static let none = UInt32.max
    /// Names the feature scheme, stored in saved models so a model from another scheme is refused.
    public static let scheme = "stems-v1"

    public init(vocabulary: Vocabulary, stopwords: Stopwords = .english) {
        let forms = vocabulary.allForms()
        var keyOfToken = [UInt32](repeating: TermKeys.none, count: forms.count)
        var keyForms: [String] = []
        var keyByForm: [String: UInt32] = [:]
        for (id, form) in forms.enumerated() {
            guard TermKeys.isWordLike(form), !stopwords.contains(form) else { continue }
            let stem = TermKeys.stem(form)
            if let k = keyByForm[stem] { keyOfToken[id] = k; continue }
            let k = UInt32(keyForms.count)
            keyForms.append(stem)
            keyByForm[stem] = k
            keyOfToken[id] = k
        }
        self.keyOfToken = keyOfToken
        self.keyForms = keyForms
        self.keyByForm = keyByForm
    }

    public var count: Int { keyForms.count }

    /// Key of a token id (ids interned after these keys were built have none).
    @inline(__always)
    public func key(ofToken id: UInt32) -> UInt32 {
        Int(id) < keyOfToken.count ? keyOfToken[Int(id)] : TermKeys.none
    }

    /// Key of a word or stem written in a taxonomy or model file, when the corpus has it.
    public func key(ofWord word: String) -> UInt32? { keyByForm[TermKeys.stem(word.lowercased())] }
    public func key(ofStem stem: String) -> UInt32? { keyByForm[stem] }

    /// Whether a stem is one of the stopwords' stems (phrases in taxonomies skip them as texts do).
    public static func isStopword(_ stem: String) -> Bool { stopwordStems.contains(stem) }
    static let stopwordStems: Set<String> = Set(Stopwords.english.words.map { stem($0) })

    /// The stem of one lower-case word.
    public static func stem(_ word: String) -> String { word }

    /// Letters (with inner apostrophes or hyphens), at least two bytes: numbers and symbols are not topic evidence.
    static func isWordLike(_ form: String) -> Bool {
        var letters = 0
        for b in form.utf8 {
            if b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) { letters += 1 }
            else if b != 0x27 && b != 0x2D { return false }  // digits, URL and e-mail punctuation
        }
        return letters >= 2
    }
}
