import Foundation
import LedeArticles

/// One article version picked by a selector.
public struct Selection: Sendable {
    public let article: Article
    public let version: ArticleVersion
    public init(article: Article, version: ArticleVersion) { self.article = article; self.version = version }
}

/// Article selectors: `a3` (id), `talks` (name), `talks@2`, `talks@latest`, `talks@all` (every version),
/// `all`, `tag:politics`, `source:xinhua`, and glob patterns over names and ids (`talks*`).
/// Several selectors select the union, in workspace order, without repeats.
public enum SelectorError: Error, CustomStringConvertible, Equatable {
    case noMatch(String), noVersion(String, Int, available: Int), badVersion(String), emptyWorkspace

    public var description: String {
        switch self {
        case .noMatch(let s): return "no article matches '\(s)'"
        case .noVersion(let s, let n, let available):
            return "'\(s)' has no version \(n) (it has \(available) version\(available == 1 ? "" : "s"))"
        case .badVersion(let s): return "bad version in '\(s)' (use NAME@N, NAME@latest or NAME@all)"
        case .emptyWorkspace: return "no articles loaded (use 'load PATH')"
        }
    }
}

extension Workspace {
    /// Resolves selectors to article versions. An empty list means `all`.
    public func select(_ selectors: [String]) throws -> [Selection] {
        if articles.isEmpty { throw SelectorError.emptyWorkspace }
        let specs = selectors.isEmpty ? ["all"] : selectors
        // One selector lists each version once (every kind filters the articles); only several can repeat one,
        // so only then is each checked against a set (44,500 insertions for `all` otherwise).
        if specs.count == 1 { return try resolve(specs[0]) }
        var out: [Selection] = []
        var seen = Set<ObjectIdentifier>()
        for spec in specs {
            for s in try resolve(spec) where seen.insert(ObjectIdentifier(s.version)).inserted {
                out.append(s)
            }
        }
        return out
    }

    /// Resolves selectors to articles (their latest versions).
    public func selectArticles(_ selectors: [String]) throws -> [Article] {
        var seen = Set<String>()
        return try select(selectors).map(\.article).filter { seen.insert($0.id).inserted }
    }

    func resolve(_ spec: String) throws -> [Selection] {
        let lower = spec.lowercased()
        if lower == "all" { return articles.map { Selection(article: $0, version: $0.latest) } }
        if lower.hasPrefix("tag:") {
            let tag = String(lower.dropFirst(4))
            let isGlob = Glob.isPattern(tag)
            let hits = articles.filter {
                $0.tags.contains { isGlob ? Glob.matches(tag, $0.lowercased()) : $0.lowercased() == tag || $0.lowercased().hasPrefix(tag + " ") }
            }
            if hits.isEmpty { throw SelectorError.noMatch(spec) }
            return hits.map { Selection(article: $0, version: $0.latest) }
        }
        if lower.hasPrefix("source:") {
            let source = String(lower.dropFirst(7))
            // A pattern (`source:*post`) matches the whole source name; a plain word is looked for inside it.
            let isGlob = Glob.isPattern(source)
            let hits = articles.filter {
                let name = ($0.latest.metadata.source ?? "").lowercased()
                return isGlob ? Glob.matches(source, name) : name.contains(source)
            }
            if hits.isEmpty { throw SelectorError.noMatch(spec) }
            return hits.map { Selection(article: $0, version: $0.latest) }
        }
        var base = spec
        var versionPart: String?
        if let at = spec.lastIndex(of: "@") {
            base = String(spec[..<at])
            versionPart = String(spec[spec.index(after: at)...])
        }
        let matched: [Article]
        if Glob.isPattern(base) {
            matched = articles.filter { Glob.matches(base, $0.id) || ($0.name.map { Glob.matches(base, $0) } ?? false) }
        } else {
            matched = articles.filter { $0.id == base || $0.name == base }
        }
        if matched.isEmpty { throw SelectorError.noMatch(spec) }
        return try matched.flatMap { article -> [Selection] in
            guard let v = versionPart?.lowercased() else { return [Selection(article: article, version: article.latest)] }
            if v == "latest" { return [Selection(article: article, version: article.latest)] }
            if v == "all" || v == "*" { return article.versions.map { Selection(article: article, version: $0) } }
            if v == "first" { return [Selection(article: article, version: article.versions[0])] }
            guard let n = Int(v) else { throw SelectorError.badVersion(spec) }
            // Negative numbers count back from the latest: @-1 is the one before it.
            let index = n > 0 ? n - 1 : article.versions.count - 1 + n
            guard article.versions.indices.contains(index) else {
                throw SelectorError.noVersion(spec, n, available: article.versions.count)
            }
            return [Selection(article: article, version: article.versions[index])]
        }
    }
}

/// Shell-style glob matching (`*`, `?`, `[abc]`) via fnmatch.
public enum Glob {
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }

    /// Whether `text` holds a glob character (`*`, `?`, `[`).
    public static func isPattern(_ text: String) -> Bool { text.contains { "*?[".contains($0) } }
}
