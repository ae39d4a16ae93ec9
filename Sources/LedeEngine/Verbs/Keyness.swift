import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

/// `keyness`: words over- or under-used in a selection against a reference — the rest of the workspace, other
/// articles, or a reference corpus on disk (a folder or files of articles, or a word list with counts).
public struct KeynessRequest: Sendable {
    public enum Direction: String, Sendable, CaseIterable, Codable { case over, under, both }

    /// One `--vs` value: a selector, or (when it selects nothing) a file or folder at `path`.
    public struct Reference: Sendable {
        public var value: String
        public var path: String
        public init(value: String, path: String) { self.value = value; self.path = path }
    }

    public var selectors: [String]
    /// Empty: every article not in the target.
    public var reference: [Reference]
    public var terms: TermOptions
    public var direction: Direction

    public init(selectors: [String], reference: [Reference] = [], terms: TermOptions = TermOptions(minCount: 3),
                direction: Direction = .both) {
        self.selectors = selectors; self.reference = reference; self.terms = terms; self.direction = direction
    }
}

public struct KeynessReport: Codable, Sendable {
    /// A reference corpus read from disk (`--vs PATH`).
    public struct ReferenceFile: Codable, Sendable {
        public var path: String
        public var articles: Int?
        public var listTerms: Int?
        /// For a word list: whether it stated its corpus size (else the size is the sum of its counts).
        public var sizeStated: Bool?
        public var tokens: Int
    }

    public var target: Int
    public var targetTokens: Int
    public var reference: Int
    public var referenceTokens: Int
    public var referenceFiles: [ReferenceFile] = []
    public var terms: [KeynessScore]
    /// Problems met reading reference corpora (files skipped, bad bytes): shown as warnings, not logged.
    public var warnings: [String] = []

    enum CodingKeys: String, CodingKey { case target, targetTokens, reference, referenceTokens, referenceFiles, terms }
}

extension Engine {
    public func keyness(_ request: KeynessRequest) throws -> KeynessReport {
        let target = try select(request.selectors)
        var (reference, referencePaths) = try splitReference(request.reference)
        if request.reference.isEmpty {
            let picked = Set(target.map { ObjectIdentifier($0.article) })
            reference = workspace.articles.filter { !picked.contains(ObjectIdentifier($0)) }.map { Selection(article: $0, version: $0.latest) }
            if reference.isEmpty { throw EngineError("no articles left for the reference; name one with --vs SEL or --vs PATH") }
        } else if !reference.isEmpty {
            let targetVersions = Set(target.map { ObjectIdentifier($0.version) })
            if let shared = reference.first(where: { targetVersions.contains(ObjectIdentifier($0.version)) }) {
                throw EngineError("\(shared.label) is in both the target and the reference (--vs)")
            }
        }
        // Read before the units are made: their terms join the vocabulary the units are built from.
        let corpora = try referencePaths.map { path in
            do { return try ReferenceCorpus.load(path, vocabulary: workspace.vocabulary, stoplists: stoplists) }
            catch { throw EngineError("--vs \(error)") }
        }
        let terms = request.terms
        let stops = try stopwords(terms.stopwords)
        let units = try termUnits(terms, stopwords: stops)
        var t = UnitCounts(), r = UnitCounts()
        try t.add(target.map(\.version.text), units: units)
        try r.add(reference.map(\.version.text), units: units)
        var files: [KeynessReport.ReferenceFile] = []
        for corpus in corpora {
            let before = r.tokens
            switch corpus.content {
            case .texts(let texts):
                try r.add(texts, units: units)
                files.append(.init(path: corpus.path, articles: texts.count, tokens: r.tokens - before))
            case .list(let entries, let tokens, let stated):
                let counts = entries.compactMap { e in units.unit(ofTerm: e.ids, kinds: e.kinds).map { ($0, e.count) } }
                // A list of single words has no counts for n-grams (nor a list of stopwords for words): refuse it
                // rather than compare against zeros.
                if counts.isEmpty {
                    let plural = Format.plural(entries.count, "term")
                    throw EngineError("--vs \(corpus.path): none of its \(plural) is "
                        + (terms.ngram > 1 ? "a \(terms.ngram)-word phrase" : "a word that keyness counts (stopwords and numbers are left out)"))
                }
                r.add(listCounts: counts, tokens: tokens)
                files.append(.init(path: corpus.path, listTerms: entries.count, sizeStated: stated, tokens: tokens))
            }
        }
        if t.tokens == 0 { throw EngineError("the target has no words") }
        if r.tokens == 0 { throw EngineError("the reference has no words") }
        let scores = Keyness.compare(target: t, reference: r, units: units, top: terms.top, minCount: terms.minCount,
                                     direction: request.direction == .both ? nil : request.direction.rawValue)
        return KeynessReport(target: target.count, targetTokens: t.tokens, reference: reference.count, referenceTokens: r.tokens,
                             referenceFiles: files, terms: scores, warnings: corpora.flatMap(\.problems).map { "\($0)" })
    }

    /// The `--vs` articles, and the `--vs` paths: a value that selects no article but names a file or folder is
    /// a reference corpus on disk (a selector wins when both could be meant). Values are tried one by one only
    /// when the whole list does not select.
    private func splitReference(_ values: [KeynessRequest.Reference]) throws -> (selection: [Selection], paths: [String]) {
        if values.isEmpty { return ([], []) }
        if let selection = try? workspace.select(values.map(\.value)), !selection.isEmpty { return (selection, []) }
        var selectors: [String] = [], paths: [String] = []
        for reference in values {
            do {
                _ = try workspace.select([reference.value])
                selectors.append(reference.value)
            } catch SelectorError.noMatch {
                guard FileManager.default.fileExists(atPath: reference.path) else {
                    throw EngineError("--vs \(reference.value): no article matches it, and no file or folder has that name")
                }
                paths.append(reference.path)
            }
        }
        return (selectors.isEmpty ? [] : try select(selectors), paths)
    }
}
