import Foundation
import LedeText

/// TF-IDF as scikit-learn's TfidfVectorizer defaults: raw term counts, idf = ln((1 + n) / (1 + df)) + 1
/// (smooth idf), each document's row L2-normalised. A selection's ranking is the mean of the documents'
/// normalised weights (a term absent from a document weighs 0 there).
public enum TfIdf {
    /// Smooth idf for a term found in `df` of `n` documents.
    public static func idf(documents n: Int, documentFrequency df: Int) -> Double {
        log(Double(1 + n) / Double(1 + df)) + 1
    }

    /// The L2-normalised TF-IDF row of one document: unit → weight (df and n from `table`).
    public static func row(_ text: TokenizedText, units: KeywordUnits, table: UnitCounts,
                           counter: inout IdCounter) -> [(unit: UInt32, weight: Double)] {
        counter.reset()
        units.forEachUnit(in: text) { counter.add($0) }
        defer { counter.reset() }
        var weights: [(UInt32, Double)] = []
        weights.reserveCapacity(counter.touched.count)
        var norm = 0.0
        for u in counter.touched {
            let w = Double(counter[u]) * idf(documents: table.documents, documentFrequency: Int(table.documentFrequency[Int(u)]))
            weights.append((u, w))
            norm += w * w
        }
        norm = norm.squareRoot()
        guard norm > 0 else { return [] }
        return weights.map { (unit: $0.0, weight: $0.1 / norm) }
    }

    /// The `top` units of `texts` by mean normalised TF-IDF weight. Document frequencies come from `idfFrom`
    /// (the texts themselves, or a larger set they belong to); counts shown from `countsFrom`.
    /// `unitsOf` gives each text its own units (its language's stopwords or stems) when they differ; the units
    /// must share their ids with `units` (see `KeywordUnits.init(sharing:)`).
    public static func top(_ texts: [TokenizedText], units: KeywordUnits, unitsOf: [KeywordUnits]? = nil, idfFrom table: UnitCounts,
                           countsFrom counts: UnitCounts? = nil, top: Int, minCount: Int = 1) throws -> [KeywordRow] {
        let counts = counts ?? table
        var sums = [Double](repeating: 0, count: units.unitCount)
        var counter = IdCounter(capacity: units.unitCount)
        for (i, text) in texts.enumerated() {
            if i & 255 == 255 { try Cancellation.check() }
            for (u, w) in row(text, units: unitsOf?[i] ?? units, table: table, counter: &counter) {
                if Int(u) >= sums.count { sums.append(contentsOf: repeatElement(0, count: Int(u) + 1 - sums.count)) }
                sums[Int(u)] += w
            }
        }
        let n = Double(max(texts.count, 1))
        var picked: [(UInt32, Double)] = []
        for (i, s) in sums.enumerated() where s > 0 && counts.count(UInt32(i)) >= minCount { picked.append((UInt32(i), s / n)) }
        let best = TopK.select(picked, k: top) { a, b in a.1 != b.1 ? a.1 > b.1 : units.label(a.0) < units.label(b.0) }
        return best.map { counts.row($0.0, units: units, tfidf: $0.1) }
    }
}
