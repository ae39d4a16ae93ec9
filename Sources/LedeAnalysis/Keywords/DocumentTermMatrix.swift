import Foundation
import LedeText

/// Term counts per document, sparse: the document-term matrix other tools take over from (quanteda's dfm,
/// scikit-learn's CountVectorizer output, R's Matrix). Terms are what keyword counting counts (words or stems or
/// n-grams, stopwords left out), in alphabetical order; a term seen fewer than `minCount` times in all is left out.
public struct DocumentTermMatrix: Sendable {
    /// The column labels.
    public var terms: [String]
    /// Each document's non-zero cells, by ascending column.
    public var rows: [[(column: Int, count: Int)]]
    /// Each term's count over all documents, and the documents it appears in.
    public var termCounts: [Int]
    public var documentFrequency: [Int]

    public var entries: Int { rows.reduce(0) { $0 + $1.count } }

    /// `unitsOf` gives each text its own units (its language's) when they differ; they share ids with `units`.
    public init(texts: [TokenizedText], units: KeywordUnits, unitsOf: [KeywordUnits]? = nil, minCount: Int = 1) throws {
        var perDocument: [[UInt32: Int]] = []
        perDocument.reserveCapacity(texts.count)
        var totals: [UInt32: Int] = [:]
        for (i, text) in texts.enumerated() {
            if i & 255 == 255 { try Cancellation.check() }
            var counts: [UInt32: Int] = [:]
            (unitsOf?[i] ?? units).forEachUnit(in: text) { counts[$0, default: 0] += 1 }
            for (u, c) in counts { totals[u, default: 0] += c }
            perDocument.append(counts)
        }
        var kept: [(unit: UInt32, label: String)] = []
        for (unit, count) in totals where count >= minCount { kept.append((unit, units.label(unit))) }
        kept.sort { a, b in a.label != b.label ? a.label < b.label : a.unit < b.unit }
        var column: [UInt32: Int] = [:]
        for (k, t) in kept.enumerated() { column[t.unit] = k }
        terms = kept.map { $0.label }
        termCounts = kept.map { totals[$0.unit] ?? 0 }
        var df = [Int](repeating: 0, count: kept.count)
        rows = perDocument.map { counts in
            let cells = counts.compactMap { u, c in column[u].map { (column: $0, count: c) } }.sorted { $0.column < $1.column }
            for cell in cells { df[cell.column] += 1 }
            return cells
        }
        documentFrequency = df
    }

    /// Matrix Market coordinate format (documents are rows, terms columns, 1-based), as `scipy.io.mmread` and R's
    /// `Matrix::readMM` read it.
    public func matrixMarket(comment: String) -> String {
        var out = "%%MatrixMarket matrix coordinate integer general\n"
        for line in comment.split(separator: "\n") { out += "% \(line)\n" }
        out += "\(rows.count) \(terms.count) \(entries)\n"
        for (i, row) in rows.enumerated() {
            for cell in row { out += "\(i + 1) \(cell.column + 1) \(cell.count)\n" }
        }
        return out
    }
}
