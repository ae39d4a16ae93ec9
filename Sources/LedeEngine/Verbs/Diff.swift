import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

/// `diff`: two versions (or every consecutive pair of one article's versions) aligned by sentence, with
/// word edits inside changed sentences, NewsEdits counts and a change summary.
public struct DiffRequest: Sendable {
    /// Two versions (A B), or one article whose consecutive versions are compared.
    public var selectors: [String]
    /// Least word similarity for two sentences to count as one edited sentence.
    public var threshold: Double
    public init(selectors: [String], threshold: Double = 0.5) { self.selectors = selectors; self.threshold = threshold }
}

public struct DiffReport: Encodable, Sendable {
    public struct VersionRef: Codable, Sendable { public var article: String; public var name: String?; public var version: Int; public var label: String }
    public struct WordEdit: Codable, Sendable {
        public var op: String
        public var old: [Int]?, new: [Int]?
        public var oldText: String?, newText: String?
    }
    public struct Edit: Codable, Sendable {
        public var change: String
        public var moved: Bool
        public var similarity: Double
        public var oldSentences: [Int], newSentences: [Int]
        /// Byte ranges [start, end) into each version's body.
        public var old: [Int]?, new: [Int]?
        public var oldText: String?, newText: String?
        public var words: [WordEdit]
    }
    public struct Pair: Codable, Sendable {
        public var old: VersionRef, new: VersionRef
        public var counts: DiffCounts
        public var changedPercent: Double
        public var identical: Bool, trivial: Bool, rewritten: Bool
        public var metadata: [MetadataChange]
        public var summary: ChangeSummary
        public var edits: [Edit]
    }
    /// One compared pair and its diff, for laying it out (not part of the JSON).
    public struct Comparison: Sendable {
        public var old: Selection, new: Selection
        public var diff: VersionDiff
        public var pair: Pair
    }

    public var comparisons: [Comparison]
    public var pairs: [Pair] { comparisons.map(\.pair) }

    enum CodingKeys: String, CodingKey { case pairs }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pairs, forKey: .pairs)
    }
}

extension Engine {
    public func diff(_ request: DiffRequest) throws -> DiffReport {
        var pairs: [(Selection, Selection)] = []
        if request.selectors.count == 2 {
            let sides = try request.selectors.map { s -> Selection in
                let picked = try workspace.select([s])
                guard picked.count == 1 else { throw EngineError("'\(s)' selects \(picked.count) versions; diff takes one per side (e.g. NAME@2)") }
                return picked[0]
            }
            pairs = [(sides[0], sides[1])]
        } else {
            let articles = try workspace.selectArticles(request.selectors)
            for a in articles where a.versions.count > 1 {
                for k in 1..<a.versions.count {
                    pairs.append((Selection(article: a, version: a.versions[k - 1]), Selection(article: a, version: a.versions[k])))
                }
            }
            if pairs.isEmpty {
                let what = articles.count == 1 ? "'\(articles[0].displayName)' has only one version"
                                               : "none of the \(articles.count) selected articles has two versions"
                throw EngineError("\(what); load another version with 'load FILE --as NAME', or give two articles: diff A B")
            }
        }
        var comparisons: [DiffReport.Comparison] = []
        for (x, y) in pairs {
            try Cancellation.check()
            let diff = VersionDiff.compare(x.version, y.version, threshold: request.threshold)
            comparisons.append(DiffReport.Comparison(old: x, new: y, diff: diff, pair: Self.pair(x, y, diff)))
        }
        return DiffReport(comparisons: comparisons)
    }

    static func reference(_ s: Selection) -> DiffReport.VersionRef {
        DiffReport.VersionRef(article: s.article.id, name: s.article.name, version: s.version.number,
                              label: "\(s.article.displayName)@\(s.version.number)")
    }

    /// The pair's JSON: counts, summary, and every edit with byte ranges and texts.
    static func pair(_ x: Selection, _ y: Selection, _ diff: VersionDiff) -> DiffReport.Pair {
        let a = x.version.text, b = y.version.text
        func span(_ t: TokenizedText, _ sentences: [Int]) -> Range<Int>? {
            guard let f = sentences.first, let l = sentences.last else { return nil }
            return t.sentences[f].bytes.lowerBound..<t.sentences[l].bytes.upperBound
        }
        /// The item's sentences on one side, rebuilt once: its word edits are slices of it.
        func passage(_ t: TokenizedText, _ sentences: [Int]) -> TextPassage? {
            guard let f = sentences.first, let l = sentences.last else { return nil }
            return TextPassage(t, tokens: t.sentences[f].tokens.lowerBound..<t.sentences[l].tokens.upperBound,
                               bytes: t.sentences[f].bytes.lowerBound..<t.sentences[l].bytes.upperBound)
        }
        /// A word edit's bytes and text, from the passage when it holds the tokens.
        func piece(_ t: TokenizedText, _ p: TextPassage?, _ tokens: Range<Int>) -> (Range<Int>, String)? {
            guard !tokens.isEmpty else { return nil }
            if let p, p.contains(token: tokens.lowerBound), p.contains(token: tokens.upperBound - 1) {
                let r = p.range(ofTokens: tokens)
                return (r, p.text(r))
            }
            let r = t.range(ofTokens: tokens)
            return (r, t.text(r))
        }
        let edits = diff.items.filter { $0.change != .unchanged }.map { item -> DiffReport.Edit in
            let ra = span(a, item.a), rb = span(b, item.b)
            let pa = passage(a, item.a), pb = passage(b, item.b)
            let words = item.words.filter { $0.kind != .equal }.map { op -> DiffReport.WordEdit in
                let oa = piece(a, pa, op.a), ob = piece(b, pb, op.b)
                return DiffReport.WordEdit(op: op.kind.rawValue, old: oa.map { [$0.0.lowerBound, $0.0.upperBound] },
                                           new: ob.map { [$0.0.lowerBound, $0.0.upperBound] }, oldText: oa?.1, newText: ob?.1)
            }
            return DiffReport.Edit(change: item.change.rawValue, moved: item.moved || item.change == .moved,
                                   similarity: (item.similarity * 1000).rounded() / 1000,
                                   oldSentences: item.a, newSentences: item.b,
                                   old: ra.map { [$0.lowerBound, $0.upperBound] }, new: rb.map { [$0.lowerBound, $0.upperBound] },
                                   oldText: ra.map { r in pa.map { $0.text(r) } ?? a.text(r) }, newText: rb.map { r in pb.map { $0.text(r) } ?? b.text(r) },
                                   words: words)
        }
        var counts = diff.counts
        counts.similarity = (counts.similarity * 1000).rounded() / 1000
        return DiffReport.Pair(old: reference(x), new: reference(y), counts: counts, changedPercent: (diff.changedShare * 1000).rounded() / 10,
                               identical: diff.identical, trivial: diff.trivial, rewritten: diff.rewritten,
                               metadata: diff.metadata, summary: diff.summary, edits: edits)
    }
}
