import Foundation
import LedeText

/// What the German, French and Spanish formulas need per vocabulary form, counted once per form: syllables by
/// the language's spelling rules (`VowelGroupSyllables`) and letters (Unicode letters, not digits).
public struct LanguageWordFacts: Sendable {
    public let language: Language
    public private(set) var syllables: [UInt8] = []
    public private(set) var letters: [UInt8] = []
    private let counter: VowelGroupSyllables

    /// nil for a language without syllable rules (no formula needs them there).
    public init?(language: Language) {
        guard let counter = VowelGroupSyllables(language: language) else { return nil }
        self.language = language; self.counter = counter
    }

    public var count: Int { syllables.count }

    /// Adds facts for the forms from `count` on (forms are append-only, so ids never change).
    public mutating func extend(with forms: [String]) {
        guard forms.count > count else { return }
        syllables.reserveCapacity(forms.count); letters.reserveCapacity(forms.count)
        for form in forms[count...] {
            syllables.append(UInt8(clamping: counter.count(form)))
            var n = 0
            for u in form.unicodeScalars where u.properties.isAlphabetic { n += 1 }
            letters.append(UInt8(clamping: n))
        }
    }
}

/// Per-language word facts for a session's vocabulary, extended as it grows; the caller owns one per language.
public final class LanguageWordFactsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var facts: LanguageWordFacts
    private weak var vocabulary: Vocabulary?

    public init?(language: Language) {
        guard let facts = LanguageWordFacts(language: language) else { return nil }
        self.facts = facts
    }

    /// The facts covering every id of `vocabulary` now.
    public func facts(for vocabulary: Vocabulary) -> LanguageWordFacts {
        lock.withLock {
            if self.vocabulary !== vocabulary { self.vocabulary = vocabulary; facts = LanguageWordFacts(language: facts.language)! }
            if facts.count < vocabulary.count { facts.extend(with: vocabulary.allForms()) }
            return facts
        }
    }
}
