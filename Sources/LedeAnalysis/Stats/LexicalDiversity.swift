import LedeText

/// Lexical diversity over a sequence of word ids: TTR, MATTR and MTLD (references.md).
public enum LexicalDiversity {
    /// Type–token ratio V/N (0 for an empty text).
    public static func ttr(_ ids: [UInt32], counter: inout IdCounter) -> Double {
        guard !ids.isEmpty else { return 0 }
        counter.reset()
        for id in ids { counter.add(id) }
        defer { counter.reset() }
        return Double(counter.distinct) / Double(ids.count)
    }

    /// Moving-average TTR: the mean TTR of every window of `window` consecutive words.
    /// A text shorter than the window has one window, itself (so MATTR = TTR).
    public static func mattr(_ ids: [UInt32], window: Int = 100, counter: inout IdCounter) -> Double {
        guard !ids.isEmpty else { return 0 }
        guard ids.count > window else { return ttr(ids, counter: &counter) }
        let (sum, windows) = mattrSum(ids, window: window, counter: &counter)
        return sum / Double(windows)
    }

    /// The sum of window TTRs and the number of windows (for pooling several texts).
    /// `capacity`: one more than the largest id, when the caller knows it.
    public static func mattrSum(_ ids: [UInt32], window: Int, counter: inout IdCounter, capacity: Int? = nil) -> (Double, Int) {
        let capacity = capacity ?? (ids.max().map { Int($0) + 1 } ?? 0)
        return ids.withUnsafeBufferPointer { mattrSum($0, window: window, counter: &counter, capacity: capacity) }
    }

    static func mattrSum(_ ids: UnsafeBufferPointer<UInt32>, window: Int, counter: inout IdCounter, capacity: Int) -> (Double, Int) {
        counter.reset()
        guard !ids.isEmpty else { return (0, 0) }
        return counter.withScratch(minimumCapacity: capacity) { counts in
            let n = ids.count
            let w = min(window, n)
            var types = 0
            for i in 0..<w {
                let id = Int(ids[i])
                if counts[id] == 0 { types += 1 }
                counts[id] += 1
            }
            // Window type counts are integers: summing them as Int is exact and gives the same Double at the
            // end as summing Doubles, without a floating-point add chained through every word.
            var sum = types
            if n > w {
                // Branch-free: whether a word leaves or enters the window is data, not a predictable branch.
                // The count of the entering word is read after the leaving word's store (they may be the same word).
                for i in w..<n {
                    let out = Int(ids[i - w])
                    let left = counts[out] &- 1
                    counts[out] = left
                    let id = Int(ids[i])
                    let entering = counts[id]
                    counts[id] = entering &+ 1
                    types = types &- (left == 0 ? 1 : 0) &+ (entering == 0 ? 1 : 0)
                    sum &+= types
                }
            }
            for i in (n - w)..<n { counts[Int(ids[i])] = 0 }
            return (Double(sum) / Double(w), n - w + 1)
        }
    }

    /// MTLD (McCarthy & Jarvis 2010): words per factor, where a factor ends when the running TTR falls to
    /// `threshold`; the remainder counts as a partial factor (1 − TTR)/(1 − threshold). Forward and
    /// backward passes are averaged. A text whose TTR never falls to the threshold has MTLD = N / partial.
    public static func mtld(_ ids: [UInt32], threshold: Double = 0.72, counter: inout IdCounter) -> Double {
        guard !ids.isEmpty else { return 0 }
        let forward = factors(ids, reversed: false, threshold: threshold, counter: &counter)
        let backward = factors(ids, reversed: true, threshold: threshold, counter: &counter)
        return mtld(words: ids.count, forwardFactors: forward, backwardFactors: backward)
    }

    /// The mean of N/factors over both passes. A pass with no factor at all (every word new) is taken as
    /// one factor, so MTLD is then N.
    public static func mtld(words: Int, forwardFactors: Double, backwardFactors: Double) -> Double {
        guard words > 0 else { return 0 }
        let n = Double(words)
        func value(_ f: Double) -> Double { f > 0 ? n / f : n }
        return (value(forwardFactors) + value(backwardFactors)) / 2
    }

    /// The number of factors (full plus partial) in one pass.
    public static func factors(_ ids: [UInt32], reversed: Bool, threshold: Double = 0.72, counter: inout IdCounter,
                               capacity: Int? = nil) -> Double {
        let capacity = capacity ?? (ids.max().map { Int($0) + 1 } ?? 0)
        return ids.withUnsafeBufferPointer { factors($0, reversed: reversed, threshold: threshold, counter: &counter, capacity: capacity) }
    }

    static func factors(_ ids: UnsafeBufferPointer<UInt32>, reversed: Bool, threshold: Double, counter: inout IdCounter,
                        capacity: Int) -> Double {
        counter.reset()
        guard !ids.isEmpty else { return 0 }
        // TTR ≤ threshold, compared exactly in integers (types·10⁶ ≤ tokens·threshold·10⁶) without a division per word.
        let scaledThreshold = Int((threshold * 1_000_000).rounded())
        return counter.withScratch(minimumCapacity: capacity) { counts in
            let n = ids.count
            var factors = 0.0
            var tokens = 0, types = 0
            var segmentStart = 0
            // The ids since the last factor ended form one contiguous run, so clearing walks that run.
            func clear(_ from: Int, _ to: Int) {
                for k in from..<to { counts[Int(ids[reversed ? n - 1 - k : k])] = 0 }
            }
            for k in 0..<n {
                let id = Int(ids[reversed ? n - 1 - k : k])
                // counts hold 0 or 1 here (seen in this factor): a new type adds 1 without a branch.
                types &+= Int(1 &- counts[id])
                counts[id] = 1
                tokens &+= 1
                if types &* 1_000_000 <= tokens &* scaledThreshold {
                    factors += 1
                    clear(segmentStart, k + 1)
                    segmentStart = k + 1
                    tokens = 0; types = 0
                }
            }
            clear(segmentStart, n)
            if tokens > 0 { factors += (1 - Double(types) / Double(tokens)) / (1 - threshold) }
            return factors
        }
    }
}
