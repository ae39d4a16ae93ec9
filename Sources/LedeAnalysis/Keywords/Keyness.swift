import Foundation

/// Keyness of one term: target frequency a of N1 tokens against reference frequency b of N2 tokens
/// (definitions in ../shared/notes/references.md).
public struct KeynessScore: Codable, Sendable, Equatable {
    public var term: String
    public var targetCount: Int
    public var referenceCount: Int
    public var targetPerMillion: Double
    public var referencePerMillion: Double
    /// Log-likelihood over the two frequency cells (a, b) and over all four cells (a, b, N1−a, N2−b).
    public var logLikelihood2: Double
    public var logLikelihood4: Double
    /// log2 of the ratio of relative frequencies; a zero count is taken as 0.5.
    public var logRatio: Double
    /// Percentage difference of the normalised frequencies (Gabrielatos & Marchi); zero reference as 0.5.
    public var percentDiff: Double
    /// p of the four-cell G² under χ² with one degree of freedom.
    public var p: Double
    /// "over" when the term is relatively more frequent in the target (a > E1), "under" when less,
    /// "equal" when its relative frequencies are the same.
    public var direction: String
}

public enum Keyness {
    /// Scores one term. `a`/`n1` target count and size, `b`/`n2` reference count and size.
    public static func score(term: String, a: Int, n1: Int, b: Int, n2: Int) -> KeynessScore {
        let A = Double(a), B = Double(b), N1 = Double(n1), N2 = Double(n2), N = N1 + N2
        let e1 = N1 * (A + B) / N, e2 = N2 * (A + B) / N
        let C = N1 - A, D = N2 - B
        let e3 = N1 * (C + D) / N, e4 = N2 * (C + D) / N
        let ll2 = 2 * (xlogx(A, e1) + xlogx(B, e2))
        let ll4 = 2 * (xlogx(A, e1) + xlogx(B, e2) + xlogx(C, e3) + xlogx(D, e4))
        let relA = (a == 0 ? 0.5 : A) / N1, relB = (b == 0 ? 0.5 : B) / N2
        // a/N1 against b/N2, compared in integers so equal rates are exactly equal.
        let direction = a * n2 == b * n1 ? "equal" : (A * N2 > B * N1 ? "over" : "under")
        return KeynessScore(term: term, targetCount: a, referenceCount: b,
                            targetPerMillion: N1 > 0 ? A * 1e6 / N1 : 0, referencePerMillion: N2 > 0 ? B * 1e6 / N2 : 0,
                            logLikelihood2: ll2, logLikelihood4: ll4,
                            logRatio: log2(relA / relB),
                            percentDiff: (relA - relB) / relB * 100,
                            p: chiSquare1Survival(ll4),
                            direction: direction)
    }

    /// O·ln(O/E), with 0·ln 0 = 0.
    @inline(__always) static func xlogx(_ o: Double, _ e: Double) -> Double { o > 0 && e > 0 ? o * log(o / e) : 0 }

    /// P(χ²₁ ≥ x) = erfc(√(x/2)).
    public static func chiSquare1Survival(_ x: Double) -> Double { x <= 0 ? 1 : erfc((x / 2).squareRoot()) }

    /// Keyness of every unit counted in either table (same `units`), strongest G² (four-cell) first.
    /// `minCount` applies to the target plus reference count; `direction` keeps "over", "under" or both (nil).
    public static func compare(target: UnitCounts, reference: UnitCounts, units: KeywordUnits,
                               top: Int, minCount: Int = 1, direction: String? = nil) -> [KeynessScore] {
        let n = max(target.counts.count, reference.counts.count)
        var scored: [(unit: UInt32, score: KeynessScore)] = []
        for i in 0..<n {
            let a = target.count(UInt32(i)), b = reference.count(UInt32(i))
            guard a + b >= max(1, minCount) else { continue }
            let s = score(term: "", a: a, n1: target.tokens, b: b, n2: reference.tokens)
            if let direction, s.direction != direction { continue }
            scored.append((UInt32(i), s))
        }
        let best = TopK.select(scored, k: top) { x, y in
            x.score.logLikelihood4 != y.score.logLikelihood4 ? x.score.logLikelihood4 > y.score.logLikelihood4 : x.unit < y.unit
        }
        return best.map { var s = $0.score; s.term = units.label($0.unit); return s }
    }
}
