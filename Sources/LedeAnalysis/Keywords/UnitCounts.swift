import Foundation
import LedeText

/// Term counts over a set of texts in flat arrays indexed by unit id.
public struct UnitCounts: Sendable {
    public private(set) var counts: [Int32] = []
    public private(set) var documentFrequency: [Int32] = []
    private var lastDocument: [Int32] = []
    /// All tokens of the texts counted (the per-million base), and the number of texts.
    public private(set) var tokens = 0
    public private(set) var documents = 0

    public init() {}

    /// Counts the units of one text.
    public mutating func add(_ text: TokenizedText, units: KeywordUnits) {
        let doc = Int32(documents + 1)
        grow(to: units.unitCount)
        if units.ngram == 1 {
            // Single words (or stems) are ids below `unitCount`: count through raw buffers, without the
            // uniqueness and growth checks of three arrays per token (a third of `keywords all`).
            withCounters { c, last, df in
                units.forEachUnit(in: text) { u in
                    let i = Int(u)
                    precondition(i < c.count, "a single-word unit beyond the unit count")
                    c[i] &+= 1
                    if last[i] != doc { last[i] = doc; df[i] &+= 1 }
                }
            }
        } else {
            units.forEachUnit(in: text) { u in
                let i = Int(u)
                if i >= counts.count { grow(to: max(i + 1, counts.count * 2)) }
                counts[i] &+= 1
                if lastDocument[i] != doc { lastDocument[i] = doc; documentFrequency[i] &+= 1 }
            }
        }
        tokens += text.tokenCount
        documents += 1
    }

    /// Counts every token of `text` by its id (ids past the table are left out); the caller clears the ids
    /// that are not units (`KeywordUnits.skippedIDsIfCountingEveryID`) once all texts are counted.
    mutating func addCountingEveryID(_ text: TokenizedText, unitCount: Int) {
        let doc = Int32(documents + 1)
        grow(to: unitCount)
        withCounters { c, last, df in
            text.ids.withUnsafeIDs { ids in
                for id in ids {
                    let i = Int(id)
                    guard i < c.count else { continue }
                    c[i] &+= 1
                    // Branch-free: a word's first occurrence in a text is unpredictable.
                    df[i] &+= last[i] != doc ? 1 : 0
                    last[i] = doc
                }
            }
        }
        tokens += text.tokenCount
        documents += 1
    }

    /// Counts many texts; checks for Ctrl-C every 256 texts. Single words are counted on all cores
    /// (each worker a table of its own, then summed: the texts are disjoint, so document frequencies add).
    public mutating func add(_ texts: [TokenizedText], units: KeywordUnits) throws {
        guard units.ngram == 1, Parallel.cores > 1, texts.count >= 512 else {
            for (i, t) in texts.enumerated() {
                if i & 255 == 255 { try Cancellation.check() }
                add(t, units: units)
            }
            return
        }
        let parts = Parallel.mapPerCore(count: texts.count) { range -> (table: UnitCounts, skipped: [Bool]?) in
            var table = UnitCounts()
            var skipped: [Bool]?
            for i in range {
                if i & 255 == 255, Cancellation.isRequested { break }
                if let skip = units.skippedIDsIfCountingEveryID(texts[i]) {
                    table.addCountingEveryID(texts[i], unitCount: units.unitCount)
                    skipped = skip
                } else {
                    table.add(texts[i], units: units)
                }
            }
            return (table, skipped)
        }
        try Cancellation.check()
        for part in parts { merge(part.table) }
        // Ids counted that are not units (stopwords, numbers, URLs) are cleared once, here.
        if let skip = parts.lazy.compactMap({ $0.skipped }).first {
            for i in 0..<min(skip.count, counts.count) where skip[i] { counts[i] = 0; documentFrequency[i] = 0 }
        }
    }

    /// Adds a word list as one more source of counts: each unit's count, and the size of the corpus the list
    /// was made from (its tokens). Document frequencies are unknown for a list and stay as they are.
    public mutating func add(listCounts: [(unit: UInt32, count: Int)], tokens listTokens: Int) {
        for (unit, count) in listCounts {
            let i = Int(unit)
            if i >= counts.count { grow(to: max(i + 1, counts.count * 2)) }
            counts[i] = Int32(clamping: Int(counts[i]) + count)
        }
        tokens += listTokens
    }

    /// Adds the counts of a table made from other texts with the same units (or units `sharing` them).
    public mutating func merge(_ other: UnitCounts) {
        grow(to: other.counts.count)
        for i in 0..<other.counts.count where other.counts[i] != 0 {
            counts[i] &+= other.counts[i]
            documentFrequency[i] &+= other.documentFrequency[i]
        }
        tokens += other.tokens
        documents += other.documents
    }

    /// The counts, each unit's last document and the document frequencies as raw buffers, for counting
    /// loops that have already grown the table.
    private mutating func withCounters(_ body: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>,
                                                UnsafeMutableBufferPointer<Int32>) -> Void) {
        counts.withUnsafeMutableBufferPointer { c in
            lastDocument.withUnsafeMutableBufferPointer { last in
                documentFrequency.withUnsafeMutableBufferPointer { df in body(c, last, df) }
            }
        }
    }

    private mutating func grow(to n: Int) {
        guard n > counts.count else { return }
        let extra = n - counts.count
        counts.append(contentsOf: repeatElement(0, count: extra))
        documentFrequency.append(contentsOf: repeatElement(0, count: extra))
        lastDocument.append(contentsOf: repeatElement(0, count: extra))
    }

    public func count(_ unit: UInt32) -> Int { Int(unit) < counts.count ? Int(counts[Int(unit)]) : 0 }

    public func row(_ unit: UInt32, units: KeywordUnits, tfidf: Double? = nil) -> KeywordRow {
        let c = count(unit)
        let df = Int(unit) < documentFrequency.count ? Int(documentFrequency[Int(unit)]) : 0
        return KeywordRow(term: units.label(unit), count: c,
                             perMillion: tokens > 0 ? Double(c) * 1e6 / Double(tokens) : 0,
                             documentFrequency: df, range: documents > 0 ? 100 * Double(df) / Double(documents) : 0,
                             tfidf: tfidf)
    }

    /// The `top` most frequent units with at least `minCount` occurrences; ties by form, so output is stable.
    public func top(_ top: Int, minCount: Int = 1, units: KeywordUnits) -> [KeywordRow] {
        var picked: [(UInt32, Int32)] = []
        let floor = Int32(clamping: max(1, minCount))
        for (i, c) in counts.enumerated() where c >= floor { picked.append((UInt32(i), c)) }
        let best = TopK.select(picked, k: top) { a, b in
            a.1 != b.1 ? a.1 > b.1 : units.label(a.0) < units.label(b.0)
        }
        return best.map { row($0.0, units: units) }
    }
}
