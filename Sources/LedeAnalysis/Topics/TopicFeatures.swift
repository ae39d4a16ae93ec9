import Foundation
import LedeText

/// Maps the token ids of a session's vocabulary to the keys topic models count: Snowball English stems
/// (LedeText's `StemIndex`), so that "elections", "elected" and "election" are one feature. Numbers, URLs,
/// e-mails and stopwords get no key.
public struct TopicFeatures: Sendable {
    /// Key (stem id) of each vocabulary id, or `TopicFeatures.none` when that token is not counted.
    public let keyOfToken: [UInt32]
    /// The text of each key (a stem), indexed by key.
    public let keyForms: [String]
    private let keyByForm: [String: UInt32]
    /// The vocabulary the keys were built from: matchers that compare word forms rather than stems
    /// (the taxonomy tagger's lists in other languages) read the forms from it.
    public let vocabulary: Vocabulary

    public static let none = UInt32.max
    /// Names the feature scheme, stored in saved models so a model from another scheme is refused.
    public static let scheme = "porter2-stems/topic-stopwords/v1"

    /// Function words with no topic (Resources/topic-stopwords-english.txt), read on first use.
    public static let stopwords: Stopwords = {
        guard let url = Bundle.module.url(forResource: "topic-stopwords-english", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return .none }
        var words = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            for w in line.split(separator: " ") { words.insert(String(w)) }
        }
        return Stopwords(name: "topic-stopwords-english", words: words)
    }()

    public init(vocabulary: Vocabulary, stopwords: Stopwords = TopicFeatures.stopwords) {
        self.init(vocabulary: vocabulary, stems: StemIndex(vocabulary: vocabulary), stopwords: stopwords)
    }

    /// The keys of `vocabulary` as it is now, from stems its owner keeps (`StemIndex` stems each form once).
    public init(vocabulary: Vocabulary, stems: StemIndex, stopwords: Stopwords = TopicFeatures.stopwords) {
        let table = stems.stemTable()
        let forms = vocabulary.forms(in: 0..<table.count)
        var keyOfToken = [UInt32](repeating: TopicFeatures.none, count: table.count)
        for (id, form) in forms.enumerated() where TopicFeatures.isWordLike(form) && !stopwords.contains(form) {
            keyOfToken[id] = table[id]
        }
        let keyForms = (0..<stems.stemCount).map { stems.form(ofStem: UInt32($0)) }
        var keyByForm: [String: UInt32] = [:]
        keyByForm.reserveCapacity(keyForms.count)
        for (k, f) in keyForms.enumerated() { keyByForm[f] = UInt32(k) }
        self.keyOfToken = keyOfToken
        self.keyForms = keyForms
        self.keyByForm = keyByForm
        self.vocabulary = vocabulary
    }

    public var count: Int { keyForms.count }

    /// Key of a token id (ids interned after these keys were built have none).
    @inline(__always)
    public func key(ofToken id: UInt32) -> UInt32 {
        Int(id) < keyOfToken.count ? keyOfToken[Int(id)] : TopicFeatures.none
    }

    /// Key of a stem (as stored in model files), when the corpus has it.
    public func key(ofStem stem: String) -> UInt32? { keyByForm[stem] }

    /// Whether a stem is one of the stopwords' stems (phrases in taxonomies skip them as texts do).
    public static func isStopword(_ stem: String) -> Bool { stopwordStems.contains(stem) }
    static let stopwordStems: Set<String> = Set(TopicFeatures.stopwords.words.map { stem($0) })

    /// The stem of one lower-case word.
    public static func stem(_ word: String) -> String { SnowballEnglishStemmer.stem(word) }

    /// Letters (with inner apostrophes or hyphens), at least two: numbers and symbols are not topic evidence.
    static func isWordLike(_ form: String) -> Bool {
        var letters = 0
        for b in form.utf8 {
            if b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) { letters += 1 }
            else if b != 0x27 && b != 0x2D { return false }  // digits, URL and e-mail punctuation
        }
        return letters >= 2
    }
}
