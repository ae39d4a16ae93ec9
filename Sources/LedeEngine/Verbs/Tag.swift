import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

/// `tag`: topics for each article from the built-in IPTC Media Topics, a taxonomy file, or a trained model;
/// the topics become tags that `tag:` selectors pick.
public struct TagRequest: Sendable {
    /// What scores the topics.
    public enum Tagger: Sendable {
        case builtIn
        /// A taxonomy file: as the user named it, and resolved.
        case taxonomy(name: String, path: String)
        /// A model trained in the session, or a model file: as named, and resolved.
        case model(name: String, path: String)
    }

    public var selectors: [String]
    public var tagger: Tagger
    /// Also tag every topic scoring at least this (default: the taxonomy's, or 0.5 for models).
    public var threshold: Double?
    public var explain: Bool

    public init(selectors: [String] = [], tagger: Tagger = .builtIn, threshold: Double? = nil, explain: Bool = false) {
        self.selectors = selectors; self.tagger = tagger; self.threshold = threshold; self.explain = explain
    }
}

public struct TagReport: Codable, Sendable {
    public struct Assigned: Codable, Sendable {
        public var code: String
        public var name: String
        public var label: String
        public var score: Double
        public var evidence: [TopicScore.Evidence]?
    }
    public struct Row: Codable, Sendable {
        public var id: String
        public var title: String?
        public var topics: [Assigned]
        /// Why the article has no topic (e.g. "no taxonomy for it").
        public var untagged: String? = nil
    }
    public var tagger: String
    public var threshold: Double
    public var articles: [Row]
    public var explain: Bool
    public var seconds: Double
}

extension Engine {
    /// `bbc/` for a session model `bbc`, `topics/` for a model file `models/topics.json`.
    static func modelTagPrefix(_ name: String) -> String {
        var base = RawPath.lastComponent(of: name)
        if base.lowercased().hasSuffix(".json") { base = String(base.dropLast(5)) }
        return base.replacingOccurrences(of: " ", with: "_") + "/"
    }

    public func tag(_ request: TagRequest) throws -> TagReport {
        let start = Date()
        let selections = try workspace.select(request.selectors)
        try tokenizeTexts(of: selections.map(\.version))
        let keys = indexes.termKeys()
        var rows: [TagReport.Row] = []
        let taggerName: String
        let usedThreshold: Double
        switch request.tagger {
        case .model(let name, let path):
            let m = try models.resolve(name, path: path)
            let bound: BoundClassifier
            do { bound = try m.bind(to: keys) } catch { throw EngineError("\(error)") }
            let th = request.threshold ?? 0.5
            usedThreshold = th
            taggerName = "model \(name)"
            // Model tags stay apart from taxonomy tags: `MODEL/label` (`tag:bbc/politics`), so `tag:politics` is the
            // taxonomy's alone. Tagging again with the model replaces its tags.
            let prefix = Self.modelTagPrefix(name)
            for s in selections {
                try Cancellation.check()
                let ranked = bound.classify(TermBag(s.version.text, keys: keys))
                let chosen = ranked.enumerated().filter { $0.offset == 0 || $0.element.score >= th }.map(\.element)
                let assigned = chosen.map { TagReport.Assigned(code: $0.label, name: prefix + $0.label, label: $0.label, score: $0.score, evidence: nil) }
                s.article.tags.removeAll { $0.lowercased().hasPrefix(prefix.lowercased()) }
                for a in assigned where !s.article.tags.contains(a.name) { s.article.tags.append(a.name) }
                rows.append(TagReport.Row(id: s.article.id, title: s.version.metadata.title, topics: assigned))
            }
        case .builtIn, .taxonomy:
            let taxonomy: Taxonomy
            do {
                if case .taxonomy(_, let path) = request.tagger { taxonomy = try Taxonomy.load(path: path) } else { taxonomy = try Taxonomy.builtIn() }
            } catch let e as TaxonomyError {
                throw EngineError(e.description)
            }
            let tagger = TaxonomyTagger(taxonomy: taxonomy, keys: keys)
            usedThreshold = request.threshold ?? taxonomy.threshold
            if case .taxonomy(let name, _) = request.tagger { taggerName = "taxonomy \(name)" } else { taggerName = "IPTC Media Topics" }
            let own = Set(taxonomy.topics.flatMap { [$0.code.lowercased(), $0.name.lowercased()] })
            for s in selections {
                try Cancellation.check()
                let tagging = tagger.tag(s.version.text, title: s.version.metadata.title, language: s.version.metadata.language)
                let assigned = tagger.assigned(tagging.scores, threshold: usedThreshold)
                s.article.tags.removeAll { own.contains($0.lowercased()) }
                for a in assigned {
                    for t in [a.name, a.code] where !s.article.tags.contains(t) { s.article.tags.append(t) }
                }
                rows.append(TagReport.Row(id: s.article.id, title: s.version.metadata.title,
                                          topics: assigned.map { TagReport.Assigned(code: $0.code, name: $0.name, label: $0.label, score: $0.score,
                                                                                    evidence: request.explain ? $0.evidence : nil) },
                                          untagged: tagging.untagged))
            }
        }
        keepTags(of: selections.map(\.article), rows: rows)
        return TagReport(tagger: taggerName, threshold: usedThreshold, articles: rows, explain: request.explain,
                         seconds: Date().timeIntervalSince(start))
    }
}
