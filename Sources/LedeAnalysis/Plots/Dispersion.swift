import Foundation

/// How evenly a term's hits spread over the parts of a text or corpus (references: Juilland & Chang-Rodríguez
/// 1964; Gries 2008; Lijffijt & Gries 2012).
public enum Dispersion {
    /// Juilland's D = 1 − V/√(n−1) over `n` parts, V the coefficient of variation (population standard deviation
    /// over the mean) of the parts' frequencies. 1: perfectly even; 0: all in one part. Nil with fewer than two
    /// parts or no hits. Give relative frequencies when the parts differ in size.
    public static func juillandD(_ frequencies: [Double]) -> Double? {
        let n = frequencies.count
        guard n >= 2 else { return nil }
        let mean = frequencies.reduce(0, +) / Double(n)
        guard mean > 0, mean.isFinite else { return nil }
        let variance = frequencies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        let v = variance.squareRoot() / mean
        return min(1, max(0, 1 - v / Double(n - 1).squareRoot()))
    }

    /// Gries's DP = ½ Σ |vᵢ − sᵢ|: vᵢ the part's share of the hits, sᵢ its share of the corpus. 0: hits spread
    /// exactly as the text does; towards 1: all in a small part. Nil without hits or size.
    public static func griesDP(hits: [Int], sizes: [Int]) -> Double? {
        precondition(hits.count == sizes.count, "one size per part")
        let totalHits = hits.reduce(0, +), totalSize = sizes.reduce(0, +)
        guard totalHits > 0, totalSize > 0 else { return nil }
        var sum = 0.0
        for (h, s) in zip(hits, sizes) { sum += abs(Double(h) / Double(totalHits) - Double(s) / Double(totalSize)) }
        return sum / 2
    }

    /// DP scaled to [0, 1] by its largest possible value, 1 − the smallest part's share (Lijffijt & Gries 2012).
    public static func griesDPNorm(hits: [Int], sizes: [Int]) -> Double? {
        guard let dp = griesDP(hits: hits, sizes: sizes) else { return nil }
        let totalSize = sizes.reduce(0, +)
        let smallest = Double(sizes.min() ?? 0) / Double(totalSize)
        guard smallest < 1 else { return nil }
        return min(1, dp / (1 - smallest))
    }

    /// Hits (token positions in a text of `length` tokens) counted in `parts` equal stretches of it (fewer when
    /// the text is shorter), with each stretch's size in tokens.
    public static func partCounts(positions: [Int32], length: Int, parts: Int) -> (hits: [Int], sizes: [Int]) {
        let n = max(1, min(parts, length))
        var hits = [Int](repeating: 0, count: n)
        var sizes = [Int](repeating: 0, count: n)
        for k in 0..<n { sizes[k] = (k + 1) * length / n - k * length / n }
        guard length > 0 else { return (hits, sizes) }
        for p in positions {
            // Token p lies in the part k with k·length/n ≤ p < (k+1)·length/n.
            var k = (Int(p) * n) / length
            while k + 1 < n, (k + 1) * length / n <= Int(p) { k += 1 }
            while k > 0, k * length / n > Int(p) { k -= 1 }
            hits[min(max(k, 0), n - 1)] += 1
        }
        return (hits, sizes)
    }

    /// Juilland's D and Gries's DP of hits in one text, over `parts` equal stretches of it.
    public static func ofText(positions: [Int32], length: Int, parts: Int) -> (d: Double?, dp: Double?) {
        guard !positions.isEmpty else { return (nil, nil) }
        let (hits, sizes) = partCounts(positions: positions, length: length, parts: parts)
        return (juillandD(relativeFrequencies(hits: hits, sizes: sizes)), griesDP(hits: hits, sizes: sizes))
    }

    /// Hits per token of each part (the frequencies Juilland's D compares when parts differ in size).
    public static func relativeFrequencies(hits: [Int], sizes: [Int]) -> [Double] {
        zip(hits, sizes).map { $1 > 0 ? Double($0) / Double($1) : 0 }
    }
}
