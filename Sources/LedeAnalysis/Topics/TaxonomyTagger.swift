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

/// Scores texts against a taxonomy. Each matched term adds weight × √count to its topic's evidence
/// (repeats count less and less, so one word cannot carry a topic; a match in the headline counts 2); a topic's score is its
/// evidence divided by the sum over all topics plus the taxonomy's smoothing. Terms and phrases are
/// matched on stems, with stopwords skipped in both the text and the phrase.
public struct TaxonomyTagger: Sendable {
    public let taxonomy: Taxonomy
    let keys: TermKeys
    /// Per entry (a topic's term): topic index, weight, text.
    let entryTopic: [Int]
    let entryWeight: [Double]
    let entryText: [String]
    /// Single-word entries by key.
    let singleByKey: [UInt32: [Int32]]
    /// Phrases by their first key: (remaining keys, entry).
    let phrasesByFirstKey: [UInt32: [(rest: [UInt32], entry: Int32)]]
    /// Terms of the taxonomy that no text in the corpus contains (reported by `--explain`).
    public let unmatchedTerms: Int

    public init(taxonomy: Taxonomy, keys: TermKeys) {
        self.taxonomy = taxonomy
        self.keys = keys
        var entryTopic: [Int] = [], entryWeight: [Double] = [], entryText: [String] = []
        var single: [UInt32: [Int32]] = [:]
        var phrases: [UInt32: [(rest: [UInt32], entry: Int32)]] = [:]
        var unmatched = 0
        var seen: [StemSequence: Int] = [:]
        for (t, topic) in taxonomy.topics.enumerated() {
            for term in topic.terms {
                let stems = term.text.split(separator: " ").map { TermKeys.stem(String($0)) }
                    .filter { !TermKeys.isStopword($0) }
                let found = stems.map { keys.key(ofStem: $0) }
                guard !stems.isEmpty, found.allSatisfy({ $0 != nil }) else { unmatched += 1; continue }
                let ks = found.map { $0! }
                // Variants with one stem ("union", "unions") are one entry: the highest weight, counted once.
                if let same = seen[StemSequence(topic: t, keys: ks)] {
                    entryWeight[same] = max(entryWeight[same], term.weight)
                    continue
                }
                let entry = Int32(entryTopic.count)
                seen[StemSequence(topic: t, keys: ks)] = Int(entry)
                entryTopic.append(t); entryWeight.append(term.weight); entryText.append(term.text)
                if ks.count == 1 { single[ks[0], default: []].append(entry) }
                else { phrases[ks[0], default: []].append((Array(ks.dropFirst()), entry)) }
            }
        }
        self.entryTopic = entryTopic; self.entryWeight = entryWeight; self.entryText = entryText
        self.singleByKey = single; self.phrasesByFirstKey = phrases; self.unmatchedTerms = unmatched
    }

    static let headlineWeight = 2.0

    private struct StemSequence: Hashable { var topic: Int; var keys: [UInt32] }

    /// Every topic's score for one text, best first (topics with no evidence are left out).
    public func score(_ text: TokenizedText) -> [TopicScore] {
        var counts = [Int32](repeating: 0, count: entryTopic.count)
        var mass = [Double](repeating: 0, count: entryTopic.count)
        var sequence: [UInt32] = []
        var inLead: [Bool] = []
        sequence.reserveCapacity(text.tokenCount)
        // The headline (first paragraph, when more follow) says what a story is about: its matches count double.
        let leadEnd = text.paragraphs.count > 1 ? text.paragraphs[0].tokens.upperBound : 0
        for (i, id) in text.ids.enumerated() {
            let k = keys.key(ofToken: id)
            if k != TermKeys.none { sequence.append(k); inLead.append(i < leadEnd) }
        }
        for i in sequence.indices {
            let k = sequence[i]
            let m = inLead[i] ? TaxonomyTagger.headlineWeight : 1
            if let entries = singleByKey[k] { for e in entries { counts[Int(e)] += 1; mass[Int(e)] += m } }
            if let candidates = phrasesByFirstKey[k] {
                for c in candidates where i + c.rest.count < sequence.count {
                    var match = true
                    for (j, r) in c.rest.enumerated() where sequence[i + 1 + j] != r { match = false; break }
                    if match { counts[Int(c.entry)] += 1; mass[Int(c.entry)] += m }
                }
            }
        }
        var evidence = [Double](repeating: 0, count: taxonomy.topics.count)
        var parts = [[TopicScore.Evidence]](repeating: [], count: taxonomy.topics.count)
        for e in counts.indices where counts[e] > 0 {
            let v = entryWeight[e] * mass[e].squareRoot()
            evidence[entryTopic[e]] += v
            parts[entryTopic[e]].append(.init(term: entryText[e], count: Int(counts[e]), weight: entryWeight[e], contribution: v))
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

import Foundation
