import LedeText

/// What keyword counting counts: words (optionally stemmed) or n-grams of words, with stopwords left out.
/// Numbers, URLs and e-mail addresses are not keywords. Units are dense integer ids, so counts live in
/// flat arrays; n-grams are interned once per distinct sequence.
///
/// Unchecked Sendable: single-word units never change after `init` and are read from every core;
/// n-gram units grow as texts are read, and `UnitCounts.add` counts n-grams on one thread only.
public final class KeywordUnits: @unchecked Sendable {
    public let ngram: Int
    /// Stopword flags by token id.
    let stop: [Bool]
    /// By token id: not counted as a single word (a stopword, or not a word or CJK token by its form's kind).
    /// Built when the vocabulary's kinds are given; texts whose tokens all have their form's kind read only this.
    let skipOne: [Bool]?
    let kinds: VocabularyForms?
    /// Token id → stem id (nil: no stemming).
    let stemOf: [UInt32]?
    let forms: [String]
    let stemForms: [String]?
    /// N-gram ids: shared by the units made `sharing` these, so counts of texts in several languages merge.
    private let ngrams: NGramInterner

    public enum Problem: Error, CustomStringConvertible {
        case badNgram(Int)
        public var description: String {
            switch self { case .badNgram(let n): return "--ngram \(n): n-grams of 2 to 5 words (or 1 for single words)" }
        }
    }

    /// - Parameters:
    ///   - forms: the vocabulary's forms, indexed by id.
    ///   - stems: optional stemming: token id → stem id, and each stem's display form.
    ///   - kinds: the vocabulary's form store (its kinds), for a faster single-word pass (optional).
    /// - Parameter sharing: units whose n-gram ids these share (the same terms in another language's
    ///   stopwords), so tables counted with either merge.
    public init(forms: [String], stopwords: Stopwords, ngram: Int = 1, stems: (of: [UInt32], forms: [String])? = nil,
                kinds: VocabularyForms? = nil, sharing other: KeywordUnits? = nil) throws {
        guard (1...5).contains(ngram) else { throw Problem.badNgram(ngram) }
        self.ngram = ngram
        ngrams = other?.ngrams ?? NGramInterner()
        self.forms = forms
        var stop = [Bool](repeating: false, count: forms.count)
        if !stopwords.words.isEmpty {
            for (i, f) in forms.enumerated() where stopwords.words.contains(f) { stop[i] = true }
        }
        self.stop = stop
        self.kinds = kinds
        skipOne = kinds.map { kinds in
            stop.indices.map { id in
                let kind = kinds[UInt32(id)]
                return stop[id] || !(kind == .word || kind == .cjk)
            }
        }
        stemOf = stems?.of
        stemForms = stems?.forms
    }

    /// How many unit ids exist so far (n-grams grow as texts are read).
    public var unitCount: Int {
        if ngram > 1 { return ngrams.count }
        return stemForms?.count ?? forms.count
    }

    /// The display form of a unit.
    public func label(_ unit: UInt32) -> String {
        if ngram > 1 {
            let key = ngrams.key(unit)
            return (0..<key.count).map { word(key[$0]) }.joined(separator: " ")
        }
        return word(unit)
    }

    private func word(_ unit: UInt32) -> String {
        if let stemForms { return stemForms[Int(unit)] }
        return forms[Int(unit)]
    }

    @inline(__always) func isCandidate(_ text: TokenizedText, _ k: Int, _ id: UInt32) -> Bool {
        guard Int(id) < stop.count else { return false }
        let kind = text.kind(ofToken: k, id: id)
        return kind == .word || kind == .cjk
    }

    /// The ids that are not single-word units, when every token of `text` may be counted by its id and
    /// those ids cleared afterwards (single unstemmed words, and the text's tokens all of their form's kind):
    /// counting without a branch per token is faster than skipping half of them.
    func skippedIDsIfCountingEveryID(_ text: TokenizedText) -> [Bool]? {
        guard ngram == 1, stemOf == nil, let skipOne, let kinds, text.forms === kinds, !text.hasKindExceptions else { return nil }
        return skipOne
    }

    /// Calls `body` with each unit of `text`, in order. N-grams stay inside a sentence, are made of
    /// consecutive words only (a number or URL breaks them), and may not start or end with a stopword.
    public func forEachUnit(in text: TokenizedText, _ body: (UInt32) -> Void) {
        let ids = text.ids
        if ngram == 1, let skipOne, let kinds, text.forms === kinds, !text.hasKindExceptions {
            ids.withUnsafeIDs { ids in
            skipOne.withUnsafeBufferPointer { skip in
                for id in ids where Int(id) < skip.count && !skip[Int(id)] { body(stemOf.map { $0[Int(id)] } ?? id) }
            }
            }
            return
        }
        if ngram == 1 {
            let kinds = text.forms, exceptions = text.hasKindExceptions
            ids.withUnsafeIDs { ids in
            stop.withUnsafeBufferPointer { stop in
                for k in 0..<ids.count {
                    let id = ids[k]
                    // Stopwords first: a cheaper test than the kind, and it rejects about half the tokens.
                    guard Int(id) < stop.count, !stop[Int(id)] else { continue }
                    let kind = exceptions ? text.kind(ofToken: k, id: id) : kinds[id]
                    guard kind == .word || kind == .cjk else { continue }
                    body(stemOf.map { $0[Int(id)] } ?? id)
                }
            }
            }
            return
        }
        for sentence in text.sentences {
            var runStart = sentence.tokens.lowerBound
            for k in sentence.tokens {
                if !isCandidate(text, k, ids[k]) { runStart = k + 1; continue }
                let first = k - ngram + 1
                guard first >= runStart else { continue }
                if stop[Int(ids[first])] || stop[Int(ids[k])] { continue }
                var key = NGramKey(count: ngram)
                for j in 0..<ngram {
                    let id = ids[first + j]
                    key[j] = stemOf.map { $0[Int(id)] } ?? id
                }
                body(intern(key))
            }
        }
    }

    /// The unit of a term given as its tokens (a word list's entry, tokenised like a text): one word, or `ngram`
    /// words whose first and last are not stopwords, stemmed when the units are — the rules that count a text.
    /// Nil when the term is not a unit (a stopword, a number, a phrase of another length).
    public func unit(ofTerm ids: [UInt32], kinds: [TokenKind]) -> UInt32? {
        guard ids.count == ngram, kinds.count == ngram, ids.allSatisfy({ Int($0) < stop.count }),
              kinds.allSatisfy({ $0 == .word || $0 == .cjk }),
              !stop[Int(ids[0])], !stop[Int(ids[ngram - 1])] else { return nil }
        if ngram == 1 { return stemOf.map { $0[Int(ids[0])] } ?? ids[0] }
        var key = NGramKey(count: ngram)
        for j in 0..<ngram { key[j] = stemOf.map { $0[Int(ids[j])] } ?? ids[j] }
        return intern(key)
    }

    @inline(__always) private func intern(_ key: NGramKey) -> UInt32 { ngrams.intern(key) }
}

/// The n-grams met so far, each with a dense id. Grows while texts are counted, on one thread (see the
/// Sendable note on `KeywordUnits`).
final class NGramInterner {
    private var index: [NGramKey: UInt32] = [:]
    private var keys: [NGramKey] = []

    var count: Int { keys.count }
    func key(_ id: UInt32) -> NGramKey { keys[Int(id)] }

    @inline(__always) func intern(_ key: NGramKey) -> UInt32 {
        if let id = index[key] { return id }
        let id = UInt32(keys.count)
        keys.append(key)
        index[key] = id
        return id
    }
}

/// Up to five unit ids, stored inline.
struct NGramKey: Hashable {
    var a: UInt32 = 0, b: UInt32 = 0, c: UInt32 = 0, d: UInt32 = 0, e: UInt32 = 0
    var count: Int

    init(count: Int) { self.count = count }

    subscript(i: Int) -> UInt32 {
        get { switch i { case 0: return a; case 1: return b; case 2: return c; case 3: return d; default: return e } }
        set { switch i { case 0: a = newValue; case 1: b = newValue; case 2: c = newValue; case 3: d = newValue; default: e = newValue } }
    }
}
