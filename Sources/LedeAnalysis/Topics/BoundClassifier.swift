import Foundation
import LedeText

/// A model whose weights are indexed by one session's term keys, ready to classify its texts.
public struct BoundClassifier: Sendable {
    let core: NaiveBayesModel.Core
    public let labels: [String]
    public let matchedFeatures: Int

    /// Labels with a probability-like score in [0, 1] (a softmax over the class scores), best first.
    public func classify(_ bag: TermBag) -> [(label: String, score: Double)] {
        let s = core.scores(bag)
        // Complement weights are normalised to tiny magnitudes: scale them so the softmax is not flat.
        let scale = core.kind == .complement ? 100.0 : 1.0
        let top = s.max() ?? 0
        let e = s.map { Foundation.exp(($0 - top) * scale) }
        let z = e.reduce(0, +)
        return labels.indices.map { (labels[$0], e[$0] / z) }.sorted { $0.score > $1.score || ($0.score == $1.score && $0.label < $1.label) }
    }

    public func predict(_ bag: TermBag) -> Int {
        let s = core.scores(bag)
        return s.indices.max { s[$0] < s[$1] || (s[$0] == s[$1] && $0 > $1) } ?? 0
    }
}
