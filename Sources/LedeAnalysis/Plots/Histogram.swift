import Foundation

/// Values counted in bins of equal, round width (1, 2, 2.5 or 5 × a power of ten; whole numbers for whole-number
/// data), each bin [low, high): a value on an edge counts in the bin it opens.
public struct Histogram: Sendable, Equatable, Codable {
    public struct Bin: Sendable, Equatable, Codable {
        public var low: Double
        public var high: Double
        public var count: Int
    }

    public var bins: [Bin]
    public var width: Double
    /// Values counted (finite ones).
    public var count: Int
    /// Values left out: missing (nil) or not finite.
    public var missing: Int
    public var minimum: Double?
    public var maximum: Double?
    public var mean: Double?
    public var median: Double?
    /// Population standard deviation.
    public var standardDeviation: Double?

    public static let maximumBins = 200

    /// `bins`: about how many (nil: Sturges's ⌈log₂ n⌉ + 1, between 5 and 30).
    public init(_ values: [Double?], bins requested: Int? = nil) {
        var finite = values.compactMap { $0 }.filter(\.isFinite)
        missing = values.count - finite.count
        count = finite.count
        guard !finite.isEmpty else {
            bins = []; width = 0; minimum = nil; maximum = nil; mean = nil; median = nil; standardDeviation = nil
            return
        }
        finite.sort()
        let lo = finite[0], hi = finite[finite.count - 1]
        minimum = lo; maximum = hi
        let m = finite.reduce(0, +) / Double(finite.count)
        mean = m
        median = finite.count % 2 == 1 ? finite[finite.count / 2] : (finite[finite.count / 2 - 1] + finite[finite.count / 2]) / 2
        standardDeviation = (finite.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(finite.count)).squareRoot()
        let integral = finite.allSatisfy { $0 == $0.rounded() }
        let target = min(Histogram.maximumBins, max(1, requested ?? min(30, max(5, Int(ceil(log2(Double(finite.count)))) + 1))))
        var w = Histogram.roundWidth((hi - lo) / Double(target), integral: integral)
        if hi == lo { w = integral ? 1 : Histogram.roundWidth(max(abs(lo), 1) / 10, integral: false) }
        var start = (lo / w).rounded(.down) * w
        var n = Int(((hi - start) / w).rounded(.down)) + 1
        // Never more than the cap, however the widths round.
        while n > Histogram.maximumBins { w = Histogram.roundWidth(w * 1.01, integral: integral); start = (lo / w).rounded(.down) * w; n = Int(((hi - start) / w).rounded(.down)) + 1 }
        width = w
        var made = (0..<n).map { k in Bin(low: start + Double(k) * w, high: start + Double(k + 1) * w, count: 0) }
        for v in finite { made[min(n - 1, max(0, Int(((v - start) / w).rounded(.down))))].count += 1 }
        bins = made
    }

    /// The smallest width of the form {1, 2, 2.5, 5} × 10ᵏ (whole numbers only when `integral`) at least `raw`.
    static func roundWidth(_ raw: Double, integral: Bool) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for step in [1.0, 2, 2.5, 5, 10] {
            let w = step * power
            if integral && w != w.rounded() { continue }
            if w >= raw * (1 - 1e-9) { return integral ? max(1, w) : w }
        }
        return 10 * power
    }
}
