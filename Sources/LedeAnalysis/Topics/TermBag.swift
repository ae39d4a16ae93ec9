import Foundation
import LedeText

/// A text as a sparse bag of term keys: sorted keys and their counts.
public struct TermBag: Sendable {
    public var keys: [UInt32]
    public var counts: [Float]

    public init(keys: [UInt32], counts: [Float]) { self.keys = keys; self.counts = counts }

    /// Counts the keyed tokens of a text (one pass over its token ids; nothing is re-tokenised).
    public init(_ text: TokenizedText, keys termKeys: TopicFeatures) {
        var pairs: [UInt32] = []
        pairs.reserveCapacity(text.tokenCount)
        for id in text.ids {
            let k = termKeys.key(ofToken: id)
            if k != TopicFeatures.none { pairs.append(k) }
        }
        pairs.sort()
        var keys: [UInt32] = [], counts: [Float] = []
        for k in pairs {
            if let last = keys.last, last == k { counts[counts.count - 1] += 1 } else { keys.append(k); counts.append(1) }
        }
        self.keys = keys; self.counts = counts
    }

    public var total: Float { counts.reduce(0, +) }
}
