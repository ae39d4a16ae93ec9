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

    /// Readability facts for every id now.
    func facts() -> WordFacts { wordFacts.facts(for: vocabulary) }
}
