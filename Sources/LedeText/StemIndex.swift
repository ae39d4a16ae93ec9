
/// Stems of a vocabulary's forms, computed once per distinct form. Stems get dense ids of their own.
/// Thread-safe; grows as the vocabulary grows (new forms are stemmed on the first request that needs them).
///
/// Forms that are not plain words — containing a digit, `/`, `@` or `.` (numbers, URLs, e-mails,
/// acronyms such as "u.s.") — are their own stem.
public final class StemIndex: Sendable {
    private struct Stems {
        /// The language's Snowball stemmer when it is not English; only used under the lock (libstemmer
        /// objects are not thread-safe).
        var snowball: SnowballStemmer?
        var stemOfForm: [UInt32] = []
        var stemIDs: [String: UInt32] = [:]
        var stemForms: [String] = []

        mutating func extend(to count: Int, from vocabulary: Vocabulary) {
            guard count > stemOfForm.count else { return }
            let forms = vocabulary.forms(in: stemOfForm.count..<max(count, vocabulary.count))
            stemOfForm.reserveCapacity(stemOfForm.count + forms.count)
            for form in forms {
                let stem = !StemIndex.isStemmable(form) ? form : snowball.map { $0.stem(normalised: form) } ?? SnowballEnglishStemmer.stem(form)
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
    }

    private let vocabulary: Vocabulary
    private let stems: Locked<Stems>
    /// The language whose stems these are (English by default).
    public let language: Language

    /// English stems (`SnowballEnglishStemmer`).
    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        stems = Locked(Stems())
        language = .english
    }

    /// The stems of one language's Snowball stemmer; nil when Snowball has none for it (then forms are their
    /// own stems: use no stem index). One index per language: stem ids are not shared between them.
    public init?(vocabulary: Vocabulary, language: Language) {
        guard let stemmer = SnowballStemmer(language: language) else { return nil }
        self.vocabulary = vocabulary
        stems = Locked(Stems(snowball: language == .english ? nil : stemmer))
        self.language = language
    }

    /// The dense stem id of a vocabulary id.
    public func stem(of id: UInt32) -> UInt32 {
        stems.withLock { s in
            if Int(id) >= s.stemOfForm.count { s.extend(to: Int(id) + 1, from: vocabulary) }
            return s.stemOfForm[Int(id)]
        }
    }

    public func form(ofStem stemID: UInt32) -> String { stems.withLock { $0.stemForms[Int(stemID)] } }

    public var stemCount: Int { stems.withLock { $0.stemForms.count } }

    /// Stem ids of every vocabulary id known now (index = vocabulary id): map token arrays without a lock per token.
    public func stemTable() -> [UInt32] { stemsAndForms().of }

    /// Stem ids of every vocabulary id known now, and each stem's form (indexed by stem id), read together.
    public func stemsAndForms() -> (of: [UInt32], forms: [String]) {
        stems.withLock { s in
            s.extend(to: vocabulary.count, from: vocabulary)
            return (s.stemOfForm, s.stemForms)
        }
    }

    static func isStemmable(_ form: String) -> Bool {
        for c in form.utf8 {
            if (c &- 0x30) < 10 || c == UInt8(ascii: "/") || c == UInt8(ascii: "@") || c == UInt8(ascii: ".") { return false }
        }
        return true
    }
}
