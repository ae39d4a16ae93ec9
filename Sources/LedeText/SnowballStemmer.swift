/// The Snowball stemmer of a language: libstemmer's algorithm for every language Snowball has, except English,
/// which is lede's own implementation of the current Snowball English revision (`SnowballEnglishStemmer`).
///
/// Why English is not libstemmer's: Debian 12's libstemmer is Snowball 2.2.0, whose English predates the
/// current revision (the gener/commun/…/inter prefix exceptions, -ogist, undoubling after -ed/-ing, the
/// dying/lying family): it differs on 57 of the 42,649 words of Snowball's published English vocabulary,
/// while `SnowballEnglishStemmer` agrees on all of them (`SnowballStemmerTests`). `libstemmerEnglish` gives the
/// library's version for comparison.
///
/// Input is lower-cased first (as `Tokenizer.normalise` does), since Snowball algorithms expect lower case.
/// Not thread-safe (see `LibStemmer`): one per thread or worker.
public final class SnowballStemmer {
    public let language: Language
    private let engine: LibStemmer?

    /// nil when Snowball has no stemmer for the language.
    public init?(language: Language) {
        guard let algorithm = language.snowballAlgorithm else { return nil }
        self.language = language
        if language == .english {
            engine = nil
        } else {
            guard let e = LibStemmer(algorithm: algorithm) else { return nil }
            engine = e
        }
    }

    /// The languages that have a Snowball stemmer here.
    public static var languages: [Language] { Language.all.filter { $0.snowballAlgorithm != nil } }

    /// libstemmer's own English (Snowball 2.2.0 on Debian 12), for comparisons.
    public static func libstemmerEnglish() -> LibStemmer? { LibStemmer(algorithm: "english") }

    public func stem(_ word: String) -> String {
        guard let engine else { return SnowballEnglishStemmer.stem(word) }
        var lower = SnowballStemmer.needsLowercasing(word) ? Tokenizer.normalise(word) : word
        return lower.withUTF8 { engine.stem(utf8: $0) }
    }

    /// The stem of a form already normalised as the tokenizer normalises it (lower case, ’ folded to '):
    /// what a vocabulary holds, so nothing is lower-cased again.
    public func stem(normalised form: String) -> String {
        guard let engine else { return SnowballEnglishStemmer.stem(form) }
        var form = form
        return form.withUTF8 { engine.stem(utf8: $0) }
    }

    @inline(__always) static func needsLowercasing(_ word: String) -> Bool {
        for c in word.utf8 where (c &- 0x41) < 26 || c >= 0x80 { return true }
        return false
    }
}
