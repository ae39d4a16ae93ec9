/// What keyword counting counts, shared by `keywords` and `keyness`: how many terms, words or stems,
/// single words or n-grams, the least count, and the stopwords left out.
public struct TermOptions: Sendable, Equatable {
    public var top = 20
    public var stem = false
    public var ngram = 1
    public var minCount = 1
    /// `auto` (each article's language: English function words, other languages their lists), `none`, a
    /// language name (English: function words; others: the jusText lists) or a file path.
    public var stopwords = "auto"

    public init(top: Int = 20, stem: Bool = false, ngram: Int = 1, minCount: Int = 1, stopwords: String = "auto") {
        self.top = top; self.stem = stem; self.ngram = ngram; self.minCount = minCount; self.stopwords = stopwords
    }
}
