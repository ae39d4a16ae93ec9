import Foundation
import LedeText

/// Word facts for a session's vocabulary, extended as the vocabulary grows; one per vocabulary.
public final class WordFactsCache: Sendable {
    private struct Cached {
        var facts = WordFacts()
        weak var vocabulary: Vocabulary?
    }
    private let cached = Locked(Cached())
    private let sources: WordFacts.Sources

    public init(sources: WordFacts.Sources) { self.sources = sources }

    /// The facts covering every id of `vocabulary` now.
    public func facts(for vocabulary: Vocabulary) -> WordFacts {
        cached.withLock { c in
            if c.vocabulary !== vocabulary { c.vocabulary = vocabulary; c.facts = WordFacts() }
            if c.facts.count < vocabulary.count { c.facts.extend(with: vocabulary.allForms(), sources: sources) }
            return c.facts
        }
    }
}
