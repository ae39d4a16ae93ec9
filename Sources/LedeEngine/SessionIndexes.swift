import LedeText
import LedeAnalysis

/// What is derived from one vocabulary and worth keeping while it grows: each form's stem (stemmed once),
/// the topic keys built from the stems, the word facts readability counts with, and per-text statistics. The
/// engine owns one for its workspace's vocabulary and drops it with the workspace.
final class SessionIndexes {
    let vocabulary: Vocabulary
    let stems: StemIndex
    let wordFacts = WordFactsCache(sources: .standard)
    let statistics = StatisticsCache()
    private var keys: TopicFeatures?
    /// Stems of other languages, made on first need (nil inside when Snowball has no stemmer for one).
    private var otherStems: [Language: StemIndex?] = [:]
    /// Readability facts of the languages with formulas beside English.
    private var languageFacts: [Language: LanguageWordFactsCache] = [:]

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        stems = StemIndex(vocabulary: vocabulary)
    }

    /// Topic keys for every id of the vocabulary now (rebuilt from the kept stems only when it grew).
    func termKeys() -> TopicFeatures {
        if let keys, keys.keyOfToken.count == vocabulary.count { return keys }
        let made = TopicFeatures(vocabulary: vocabulary, stems: stems)
        keys = made
        return made
    }

    /// Token id → stem id for every id now, and each stem's form.
    func stemTable() -> (of: [UInt32], forms: [String]) { stems.stemsAndForms() }

    /// The stems of a language (English: `stems`); nil when Snowball has no stemmer for it.
    func stems(for language: Language) -> StemIndex? {
        if language == .english { return stems }
        if let known = otherStems[language] { return known }
        let made = StemIndex(vocabulary: vocabulary, language: language)
        otherStems[language] = made
        return made
    }

    /// Syllable and letter counts for a language's readability formulas (German, French, Spanish).
    func facts(for language: Language) -> LanguageWordFacts? {
        if let cache = languageFacts[language] { return cache.facts(for: vocabulary) }
        guard let cache = LanguageWordFactsCache(language: language) else { return nil }
        languageFacts[language] = cache
        return cache.facts(for: vocabulary)
    }

    /// Readability facts for every id now.
    func facts() -> WordFacts { wordFacts.facts(for: vocabulary) }
}
