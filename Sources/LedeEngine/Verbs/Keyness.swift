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
    /// Leave out of both sides the articles they share (the set difference each way), instead of refusing.
    public var dropShared: Bool

    public init(selectors: [String], reference: [Reference] = [], terms: TermOptions = TermOptions(minCount: 3),
                direction: Direction = .both, dropShared: Bool = false) {
        self.selectors = selectors; self.reference = reference; self.terms = terms; self.direction = direction
        self.dropShared = dropShared
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
    /// Articles in both selections, left out of both (`dropShared`).
    public var shared: Int = 0
    public var terms: [KeynessScore]
    /// Problems met reading reference corpora (files skipped, bad bytes): shown as warnings, not logged.
    public var warnings: [String] = []

    enum CodingKeys: String, CodingKey { case target, targetTokens, reference, referenceTokens, referenceFiles, shared, terms }
}

extension Engine {
    public func keyness(_ request: KeynessRequest) throws -> KeynessReport {
        var target = try select(request.selectors)
        var (reference, referencePaths) = try splitReference(request.reference)
        var sharedCount = 0
        if request.reference.isEmpty {
            let picked = Set(target.map { ObjectIdentifier($0.article) })
            reference = workspace.articles.filter { !picked.contains(ObjectIdentifier($0)) }.map { Selection(article: $0, version: $0.latest) }
            if reference.isEmpty { throw EngineError("no articles left for the reference; name one with --vs SEL or --vs PATH") }
            try tokenizeTexts(of: reference.map(\.version))
        } else if !reference.isEmpty {
            let targetVersions = Set(target.map { ObjectIdentifier($0.version) })
            let shared = Set(reference.map { ObjectIdentifier($0.version) }).intersection(targetVersions)
            if !shared.isEmpty {
                let example = reference.first { shared.contains(ObjectIdentifier($0.version)) }!.label
                guard request.dropShared else {
                    let a = request.selectors.joined(separator: " "), b = request.reference.map(\.value).joined(separator: " ")
                    throw EngineError("\(Format.plural(shared.count, "article")) (\(example)\(shared.count > 1 ? ", …" : "")) \(shared.count == 1 ? "is" : "are") in both "
                                      + "the target and the reference; compare what is not shared with --drop-shared "
                                      + "(the same as: keyness \(a) and not (\(b)) --vs \(b) and not (\(a)))")
                }
                target.removeAll { shared.contains(ObjectIdentifier($0.version)) }
                reference.removeAll { shared.contains(ObjectIdentifier($0.version)) }
                sharedCount = shared.count
                if target.isEmpty { throw EngineError("every target article is also in the reference; nothing is left to compare") }
                if reference.isEmpty && referencePaths.isEmpty { throw EngineError("every reference article is also in the target; nothing is left to compare") }
            }
        }
        // Read before the units are made: their terms join the vocabulary the units are built from.
        let corpora = try referencePaths.map { path in
            do { return try ReferenceCorpus.load(path, vocabulary: workspace.vocabulary, stoplists: stoplists) }
            catch { throw EngineError("--vs \(error)") }
        }
        let terms = request.terms
        let languageUnits = try languageUnits(terms, languages: languages(of: target + reference, for: terms))
        let units = languageUnits.shared
        let t = try count(target, with: languageUnits)
        var r = try count(reference, with: languageUnits)
        var files: [KeynessReport.ReferenceFile] = []
        for corpus in corpora {
            let before = r.tokens
            switch corpus.content {
            case .texts(let texts):
                // A corpus on disk is counted with the units of a text of unknown language (English, under auto).
                try r.add(texts, units: languageUnits.units(for: nil))
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
                             referenceFiles: files, shared: sharedCount, terms: scores, warnings: corpora.flatMap(\.problems).map { "\($0)" })
    }

    /// The `--vs` articles, and the `--vs` paths: a value that selects no article but names a file or folder is
    /// a reference corpus on disk (a selector wins when both could be meant). Values are tried one by one only
    /// when the whole list does not select.
    private func splitReference(_ values: [KeynessRequest.Reference]) throws -> (selection: [Selection], paths: [String]) {
        if values.isEmpty { return ([], []) }
        if let selection = try? workspace.select(values.map(\.value)), !selection.isEmpty { return (selection, []) }
        // An expression (`tag:a and not tag:b`) is one selection: its words are not separate references.
        if values.contains(where: { SelectorExpression.keywords.contains($0.value.lowercased()) || $0.value.hasPrefix("(") }) {
            return (try select(values.map(\.value)), [])
        }
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
