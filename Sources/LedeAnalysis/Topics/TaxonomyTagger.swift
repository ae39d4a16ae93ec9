import Foundation
import LedeText

/// One topic's score for one article, with the evidence behind it.
public struct TopicScore: Sendable, Codable, Equatable {
    public struct Evidence: Sendable, Codable, Equatable {
        /// The term or phrase as written in the taxonomy.
        public var term: String
        public var count: Int
        public var weight: Double
        /// This term's part of the score (the parts add up to the score).
        public var contribution: Double
    }
    public var code: String
    public var name: String
    public var label: String
    /// In [0, 1]: this topic's evidence / (all topics' evidence + smoothing).
    public var score: Double
    public var evidence: [Evidence]
}

/// What the tagger found for one text: every topic with evidence (best first), the term list used, and,
/// when there is no topic, why.
public struct TaxonomyTagging: Sendable, Codable, Equatable {
    public var scores: [TopicScore]
    /// The language code of the term list used; nil when the taxonomy has none for the text's language.
    public var language: String?
    /// Why the text has no topic ("no taxonomy for it", "no term of the taxonomy in the text"), shown
    /// after "untagged: "; nil when it has one.
    public var untagged: String?
}

/// Scores texts against a taxonomy (formulas in docs/topics.md). Each matched term adds
/// weight × √(its matches, each counted by where it stands) to its topic's evidence: a match in the title
/// counts `titleWeight` (3), one in the first paragraph of several `leadWeight` (2), any other 1 — repeats
/// count less and less, so one word cannot carry a topic. A topic's score is its evidence divided by the sum
/// over all topics plus the taxonomy's smoothing. English words are matched on stems, other languages' on
/// word forms with their endings (see `TaxonomyTermTable`), with stopwords skipped in both the text and the phrase.
public struct TaxonomyTagger: Sendable {
    public let taxonomy: Taxonomy
    let keys: TopicFeatures
    /// The main language's term table, and the others', built when a text in their language comes.
    let mainTable: TaxonomyTermTable
    private let otherTables: OtherTables
    /// Terms of the main language that no text in the corpus contains (reported by `--explain`).
    public var unmatchedTerms: Int { mainTable.unmatchedTerms }

    public init(taxonomy: Taxonomy, keys: TopicFeatures) {
        self.taxonomy = taxonomy
        self.keys = keys
        mainTable = TaxonomyTermTable(taxonomy: taxonomy, language: taxonomy.language, keys: keys)
        otherTables = OtherTables(languages: Set(taxonomy.languages.dropFirst()))
    }

    /// The term table of a language code, nil when the taxonomy has no terms in it.
    func table(for language: String) -> TaxonomyTermTable? {
        if language == taxonomy.language { return mainTable }
        return otherTables.table(language, taxonomy: taxonomy, keys: keys)
    }

    /// Tables of the languages other than the main one, built on first use (most corpora are in one language).
    private final class OtherTables: @unchecked Sendable {
        let languages: Set<String>
        private let lock = NSLock()
        private var built: [String: TaxonomyTermTable] = [:]
        init(languages: Set<String>) { self.languages = languages }

        func table(_ language: String, taxonomy: Taxonomy, keys: TopicFeatures) -> TaxonomyTermTable? {
            guard languages.contains(language) else { return nil }
            return lock.withLock {
                if let t = built[language] { return t }
                let t = TaxonomyTermTable(taxonomy: taxonomy, language: language, keys: keys)
                built[language] = t
                return t
            }
        }
    }

    /// Every topic's score for one text in the taxonomy's main language, without a title, best first
    /// (topics with no evidence are left out).
    public func score(_ text: TokenizedText) -> [TopicScore] { tag(text).scores }

    /// Scores one text with the term list of its language (metadata or a detector; nil or "und" means the
    /// taxonomy's main language). The title, kept apart from the body by the loaders, counts `titleWeight`;
    /// when the body's first paragraph repeats the title, that paragraph counts as the title instead.
    public func tag(_ text: TokenizedText, title: String? = nil, language: String? = nil) -> TaxonomyTagging {
        let code = Taxonomy.languageCode(language) ?? taxonomy.language
        guard let table = table(for: code) else {
            return TaxonomyTagging(scores: [], language: nil, untagged: "no taxonomy for \(code)")
        }
        var sequence = TaggedSequence()
        sequence.reserve(text.tokenCount + 16)
        var titleUnits = TaggedSequence()
        if let title, !title.isEmpty { titleUnits = units(ofTitle: title, table: table) }

        // The body, with the first paragraph's extent: it is the lead (or a repeat of the title).
        let paragraphs = text.paragraphs
        let firstEnd = paragraphs.count > 0 ? paragraphs[0].tokens.upperBound : text.tokenCount
        var memo: [UInt32: (unit: UInt32, wildcards: [Int32])] = [:]
        var firstCount = 0
        for (i, id) in text.ids.enumerated() {
            let k = keys.key(ofToken: id)
            if k == TopicFeatures.none { continue }
            if table.matchesForms {
                let r: (unit: UInt32, wildcards: [Int32])
                if let m = memo[id] { r = m } else { r = table.resolve(keys.vocabulary.form(id)); memo[id] = r }
                sequence.append(r.unit, weight: 1, wildcards: r.wildcards)
            } else {
                sequence.append(k, weight: 1, wildcards: [])
            }
            if i < firstEnd { firstCount += 1 }
        }
        let repeatsTitle = !titleUnits.units.isEmpty && titleUnits.units.elementsEqual(sequence.units.prefix(firstCount))
        if repeatsTitle {
            for j in 0..<firstCount { sequence.weights[j] = taxonomy.titleWeight }
        } else {
            if paragraphs.count > 1 { for j in 0..<firstCount { sequence.weights[j] = taxonomy.leadWeight } }
            if !titleUnits.units.isEmpty {
                titleUnits.append(TaxonomyTermTable.otherUnit, weight: 0, wildcards: [])  // no phrase runs from title to body
                titleUnits.appendAll(sequence)
                sequence = titleUnits
            }
        }
        let scores = score(sequence, table: table)
        return TaxonomyTagging(scores: scores, language: code, untagged: scores.isEmpty ? "no term of the taxonomy in the text" : nil)
    }

    /// The units of a title's words, each weighted `titleWeight`: the words the tokenizer finds, with the
    /// same word and stopword rules as `TopicFeatures`.
    private func units(ofTitle title: String, table: TaxonomyTermTable) -> TaggedSequence {
        var out = TaggedSequence()
        let bytes = Array(title.utf8)
        var words: [String] = []
        bytes.withUnsafeBufferPointer { b in
            Tokenizer.forEachToken(b) { range, kind in
                guard kind == .word else { return }
                words.append(Tokenizer.normalise(String(decoding: b[range], as: UTF8.self)))
            }
        }
        for form in words where TopicFeatures.isWordLike(form) && !TopicFeatures.stopwords.contains(form) {
            if !table.matchesForms, let id = keys.vocabulary.id(of: form), Int(id) < keys.keyOfToken.count {
                // A word the corpus has: its key is its unit (no stemming); stopwords and numbers have none.
                let k = keys.key(ofToken: id)
                if k != TopicFeatures.none { out.append(k, weight: taxonomy.titleWeight, wildcards: []) }
                continue
            }
            let r = table.resolve(table.matchesForms ? form : TopicFeatures.stem(form))
            out.append(r.unit, weight: taxonomy.titleWeight, wildcards: r.wildcards)
        }
        return out
    }

    private func score(_ sequence: TaggedSequence, table: TaxonomyTermTable) -> [TopicScore] {
        var counts = [Int32](repeating: 0, count: table.entryCount)
        var mass = [Double](repeating: 0, count: table.entryCount)
        let units = sequence.units, weights = sequence.weights
        let unitCount = table.unitCount
        table.singleStart.withUnsafeBufferPointer { singleStart in
        table.singles.withUnsafeBufferPointer { singles in
        table.phraseStart.withUnsafeBufferPointer { phraseStart in
            for i in units.indices {
                let u = Int(units[i])
                guard u < unitCount else { continue }
                let m = weights[i]
                for k in Int(singleStart[u])..<Int(singleStart[u + 1]) {
                    let e = Int(singles[k]); counts[e] += 1; mass[e] += m
                }
                for k in Int(phraseStart[u])..<Int(phraseStart[u + 1]) {
                    let c = table.phrases[k]
                    guard i + c.rest.count < units.count else { continue }
                    var match = true
                    for (j, r) in c.rest.enumerated() where units[i + 1 + j] != r { match = false; break }
                    if match { counts[Int(c.entry)] += 1; mass[Int(c.entry)] += m }
                }
            }
        }
        }
        }
        for (position, e) in sequence.wildcards { counts[Int(e)] += 1; mass[Int(e)] += weights[position] }
        var evidence = [Double](repeating: 0, count: taxonomy.topics.count)
        var parts = [[TopicScore.Evidence]](repeating: [], count: taxonomy.topics.count)
        for e in counts.indices where counts[e] > 0 {
            let v = table.entryWeight[e] * mass[e].squareRoot()
            let topic = table.entryTopic[e]
            evidence[topic] += v
            parts[topic].append(.init(term: table.entryText[e], count: Int(counts[e]), weight: table.entryWeight[e], contribution: v))
        }
        let denominator = evidence.reduce(0, +) + taxonomy.smoothing
        guard denominator > 0 else { return [] }
        var out: [TopicScore] = []
        for (t, topic) in taxonomy.topics.enumerated() where evidence[t] > 0 {
            let ev = parts[t].map { p -> TopicScore.Evidence in
                var p = p; p.contribution /= denominator; return p
            }.sorted { $0.contribution > $1.contribution || ($0.contribution == $1.contribution && $0.term < $1.term) }
            out.append(TopicScore(code: topic.code, name: topic.name, label: topic.label, score: evidence[t] / denominator, evidence: ev))
        }
        out.sort { $0.score > $1.score || ($0.score == $1.score && $0.code < $1.code) }
        return out
    }

    /// The topics an article gets: the top one (if any evidence) and every other one at or above the threshold.
    public func assigned(_ scores: [TopicScore], threshold: Double? = nil) -> [TopicScore] {
        let th = threshold ?? taxonomy.threshold
        return scores.enumerated().filter { $0.offset == 0 || $0.element.score >= th }.map(\.element)
    }
}

/// The words of a text as term-table units, each with the weight of its position, and the wildcard entries
/// matched at each position.
struct TaggedSequence {
    var units: [UInt32] = []
    var weights: [Double] = []
    var wildcards: [(position: Int, entry: Int32)] = []

    mutating func reserve(_ n: Int) { units.reserveCapacity(n); weights.reserveCapacity(n) }

    mutating func append(_ unit: UInt32, weight: Double, wildcards entries: [Int32]) {
        for e in entries { wildcards.append((units.count, e)) }
        units.append(unit); weights.append(weight)
    }

    mutating func appendAll(_ other: TaggedSequence) {
        let shift = units.count
        units += other.units; weights += other.weights
        wildcards += other.wildcards.map { ($0.position + shift, $0.entry) }
    }
}
