import Foundation

/// Stems of a vocabulary's forms, computed once per distinct form. Stems get dense ids of their own.
/// Thread-safe; grows as the vocabulary grows (new forms are stemmed on the first request that needs them).
///
/// Forms that are not plain words — containing a digit, `/`, `@` or `.` (numbers, URLs, e-mails,
/// acronyms such as "u.s.") — are their own stem.
public final class StemIndex: @unchecked Sendable {
    private let vocabulary: Vocabulary
    private let lock = NSLock()
    private var stemOfForm: [UInt32] = []
    private var stemIDs: [String: UInt32] = [:]
    private var stemForms: [String] = []
    /// The language's Snowball stemmer; only used under `lock` (libstemmer objects are not thread-safe).
    private let snowball: SnowballStemmer?
    /// The language whose stemmer this index applies (English by default).
    public let language: Language

    /// English stems (`PorterStemmer`).
    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary; snowball = nil; language = .english }

    /// The stems of one language's Snowball stemmer; nil when Snowball has none for it (then forms are
    /// their own stems: use no stem index). One index per language: stem ids are not shared between them.
    public init?(vocabulary: Vocabulary, language: Language) {
        guard let stemmer = SnowballStemmer(language: language) else { return nil }
        self.vocabulary = vocabulary; snowball = stemmer; self.language = language
    }

    /// The dense stem id of a vocabulary id.
    public func stem(of id: UInt32) -> UInt32 {
        lock.withLock {
            if Int(id) >= stemOfForm.count { extendLocked(to: Int(id) + 1) }
            return stemOfForm[Int(id)]
        }
    }

    public func form(ofStem stemID: UInt32) -> String { lock.withLock { stemForms[Int(stemID)] } }

    public var stemCount: Int { lock.withLock { stemForms.count } }

    /// Stem ids of every vocabulary id known now (index = vocabulary id): map token arrays without a lock per token.
    public func stemTable() -> [UInt32] {
        lock.withLock {
            extendLocked(to: vocabulary.count)
            return stemOfForm
        }
    }

    private func extendLocked(to count: Int) {
        guard count > stemOfForm.count else { return }
        let forms = vocabulary.forms(in: stemOfForm.count..<max(count, vocabulary.count))
        stemOfForm.reserveCapacity(stemOfForm.count + forms.count)
        for form in forms {
            let stem = !StemIndex.isStemmable(form) ? form : snowball.map { $0.stem(normalised: form) } ?? PorterStemmer.stem(form)
            if let existing = stemIDs[stem] {
                stemOfForm.append(existing)
            } else {
                let id = UInt32(stemForms.count)
                stemIDs[stem] = id
                stemForms.append(stem)
                stemOfForm.append(id)
            }
        }
    }

    static func isStemmable(_ form: String) -> Bool {
        for c in form.utf8 {
            if (c &- 0x30) < 10 || c == UInt8(ascii: "/") || c == UInt8(ascii: "@") || c == UInt8(ascii: ".") { return false }
        }
        return true
    }
}

/// Syllable counts of a vocabulary's forms, counted once per distinct form. Thread-safe; grows with the vocabulary.
public final class SyllableIndex: @unchecked Sendable {
    private let vocabulary: Vocabulary
    private let lock = NSLock()
    private var counts: [UInt8] = []

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    public func syllables(of id: UInt32) -> Int {
        lock.withLock {
            if Int(id) >= counts.count { extendLocked(to: Int(id) + 1) }
            return Int(counts[Int(id)])
        }
    }

    /// Counts for every vocabulary id known now (index = vocabulary id), for lock-free loops.
    public func syllableTable() -> [UInt8] {
        lock.withLock {
            extendLocked(to: vocabulary.count)
            return counts
        }
    }

    private func extendLocked(to count: Int) {
        guard count > counts.count else { return }
        for form in vocabulary.forms(in: counts.count..<max(count, vocabulary.count)) {
            counts.append(UInt8(clamping: Syllables.count(form)))
        }
    }
}
