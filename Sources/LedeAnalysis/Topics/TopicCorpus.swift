import Foundation
import LedeText

/// The documents a topic model sees: each text as a sequence of word indices into a compact vocabulary
/// of stems, without stopwords, numbers, rare stems (in fewer than `minDocumentFrequency` texts) and
/// stems in more than `maxDocumentShare` of the texts.
public struct TopicCorpus: Sendable {
    public var words: [String]
    public var documents: [[Int32]]

    public init(words: [String], documents: [[Int32]]) { self.words = words; self.documents = documents }

    public init(texts: [TokenizedText], keys: TopicFeatures, minDocumentFrequency: Int = 5, maxDocumentShare: Double = 0.5) {
        var df = [Int32](repeating: 0, count: keys.count)
        var sequences: [[UInt32]] = []
        sequences.reserveCapacity(texts.count)
        var seen = [Int32](repeating: -1, count: keys.count)
        for (d, text) in texts.enumerated() {
            var seq: [UInt32] = []
            seq.reserveCapacity(text.tokenCount)
            for id in text.ids {
                let k = keys.key(ofToken: id)
                guard k != TopicFeatures.none else { continue }
                seq.append(k)
                if seen[Int(k)] != Int32(d) { seen[Int(k)] = Int32(d); df[Int(k)] += 1 }
            }
            sequences.append(seq)
        }
        let maxDF = Int(Double(texts.count) * maxDocumentShare)
        let minDF = min(minDocumentFrequency, max(1, texts.count / 2))
        // Words in alphabetical order, not in key order: keys follow the order in which parallel loading first
        // met each form, and the sampler's tie-breaks (top words, coherence) must not change between sessions.
        var index = [Int32](repeating: -1, count: keys.count)
        var words: [String] = []
        let kept = (0..<keys.count).filter { Int(df[$0]) >= minDF && (Int(df[$0]) <= maxDF || texts.count < 4) }
        for k in kept.sorted(by: { keys.keyForms[$0] < keys.keyForms[$1] }) {
            index[k] = Int32(words.count)
            words.append(keys.keyForms[k])
        }
        self.words = words
        documents = sequences.map { seq in seq.compactMap { index[Int($0)] >= 0 ? index[Int($0)] : nil } }
    }

    public var tokenCount: Int { documents.reduce(0) { $0 + $1.count } }
}
