import Foundation
import LedeArticles

/// One article version picked by a selector.
public struct Selection: Sendable {
    public let article: Article
    public let version: ArticleVersion
    public init(article: Article, version: ArticleVersion) { self.article = article; self.version = version }
}

/// Why a selection failed: one line, naming the selector.
public enum SelectorError: Error, CustomStringConvertible, Equatable {
    case noMatch(String), noVersion(String, Int, available: Int), badVersion(String), emptyWorkspace
    /// A selector matched nothing; the hint says what values there are.
    case noMatchHint(String, String)
    case unknownPrefix(String)
    case badValue(String, String)
    case syntax(String)
    /// The whole selection is empty.
    case empty(String)

    public var description: String {
        switch self {
        case .noMatch(let s): return "no article matches '\(s)'"
        case .noMatchHint(let s, let hint): return "no article matches '\(s)' (\(hint))"
        case .noVersion(let s, let n, let available):
            return "'\(s)' has no version \(n) (it has \(available) version\(available == 1 ? "" : "s"))"
        case .badVersion(let s): return "bad version in '\(s)' (use NAME@N, NAME@latest or NAME@all)"
        case .emptyWorkspace: return "no articles loaded (use 'load PATH')"
        case .unknownPrefix(let p):
            return "unknown selector '\(p):' (known: \(SelectorField.allCases.map { $0.rawValue + ":" }.joined(separator: " ")))"
        case .badValue(let s, let why): return "'\(s)': \(why)"
        case .syntax(let why): return "selection: \(why)"
        case .empty(let s): return "the selection '\(s)' is empty"
        }
    }
}

/// The `PREFIX:VALUE` selectors: what an article says about itself, where it came from, what it was tagged.
/// Text values match a part of the field, any case; with `*`, `?` or `[` the pattern matches the whole field.
public enum SelectorField: String, CaseIterable, Sendable {
    case id, name, tag, source, author, title, url, path, date, published, modified, lang, field, format, words

    /// Other spellings.
    static let aliases: [String: SelectorField] = ["language": .lang, "tags": .tag, "file": .path, "collection": .name]

    init?(prefix: String) {
        if let f = SelectorField(rawValue: prefix) { self = f } else if let f = SelectorField.aliases[prefix] { self = f } else { return nil }
    }

    /// One line each, for `help select` and docs/selections.md.
    public var summary: String {
        switch self {
        case .id: return "id:a1* — article ids (pattern or exact)"
        case .name: return "name:talks* — article and collection names"
        case .tag: return "tag:politics, tag:11000000, tag:business (IPTC labels and aliases), tag:MODEL/label (model tags)"
        case .source: return "source:reuters — the source or outlet"
        case .author: return "author:*olsen* — the byline"
        case .title: return "title:election — the headline"
        case .url: return "url:bbc.co.uk — the canonical URL"
        case .path: return "path:*/politics/* — the file the article was loaded from"
        case .date: return "date:2026-03, date:2026-03..2026-04, date:..2005-06-30 — published, else modified"
        case .published: return "published:2026-03-05 — the publication date only"
        case .modified: return "modified:2026 — the modification date only"
        case .lang: return "lang:de — the language (de matches de-AT)"
        case .field: return "field:section=World, field:section — a JSON record's own fields"
        case .format: return "format:html — text, html, json or jsonl"
        case .words: return "words:500..2000, words:>1000 — the word count"
        }
    }
}

extension Workspace {
    /// Resolves selectors to article versions. An empty list means `all`. Juxtaposed selectors select their union
    /// without repeats, in the order given; `and`, `or`, `not` and parentheses combine them (`SelectorExpression`).
    public func select(_ selectors: [String]) throws -> [Selection] {
        if articles.isEmpty { throw SelectorError.emptyWorkspace }
        // The common cases without building an expression: `all`, one id or name.
        if selectors.isEmpty { return try resolve("all", strict: true) }
        if selectors.count == 1, !selectors[0].contains("("), !SelectorExpression.keywords.contains(selectors[0].lowercased()) {
            return try resolve(selectors[0], strict: true)
        }
        let expression = try SelectorExpression.parse(selectors)
        let picked = try evaluate(expression, strict: !expression.filters)
        if picked.isEmpty { throw SelectorError.empty(selectors.joined(separator: " ")) }
        return picked
    }

    /// Resolves selectors to articles (their latest versions).
    public func selectArticles(_ selectors: [String]) throws -> [Article] {
        if selectors.isEmpty || (selectors.count == 1 && selectors[0].lowercased() == "all") {
            if articles.isEmpty { throw SelectorError.emptyWorkspace }
            return articles
        }
        // By object, not by id: hashing tens of thousands of id strings cost more than the selection.
        var seen = Set<ObjectIdentifier>()
        return try select(selectors).map(\.article).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// Notes made while resolving selectors since the last call (`tag:business` → economy), for the shell to show.
    public func takeSelectionNotes() -> [String] {
        defer { selectionNotes.removeAll() }
        return selectionNotes
    }

    // MARK: evaluation

    private func evaluate(_ expression: SelectorExpression, strict: Bool) throws -> [Selection] {
        switch expression {
        case .atom(let spec): return try resolve(spec, strict: strict)
        case .union(let parts):
            if parts.count == 1 { return try evaluate(parts[0], strict: strict) }
            var out: [Selection] = []
            var seen = Set<ObjectIdentifier>()
            for part in parts {
                for s in try evaluate(part, strict: strict) where seen.insert(ObjectIdentifier(s.version)).inserted { out.append(s) }
            }
            return out
        case .intersection(let left, .complement(let right)):
            let l = try evaluate(left, strict: false), r = Set(try evaluate(right, strict: false).map { ObjectIdentifier($0.version) })
            return l.filter { !r.contains(ObjectIdentifier($0.version)) }
        case .intersection(let left, let right):
            let l = try evaluate(left, strict: false), r = Set(try evaluate(right, strict: false).map { ObjectIdentifier($0.version) })
            return l.filter { r.contains(ObjectIdentifier($0.version)) }
        case .complement(let inner):
            let r = Set(try evaluate(inner, strict: false).map { ObjectIdentifier($0.version) })
            return articles.filter { !r.contains(ObjectIdentifier($0.latest)) }.map { Selection(article: $0, version: $0.latest) }
        }
    }

    /// One atom. `strict`: a field or pattern that matches nothing is an error (alone or in a plain list); inside
    /// `and`/`not` it is an empty set. A literal id or name that does not exist is always an error.
    func resolve(_ spec: String, strict: Bool) throws -> [Selection] {
        let lower = spec.lowercased()
        if lower == "all" { return articles.map { Selection(article: $0, version: $0.latest) } }
        if let colon = spec.firstIndex(of: ":") {
            let prefix = spec[..<colon].lowercased()
            if !prefix.isEmpty, prefix.allSatisfy({ $0.isLetter }) {
                if let field = SelectorField(prefix: String(prefix)) {
                    let value = String(spec[spec.index(after: colon)...])
                    return try resolve(field: field, value: value, spec: spec, strict: strict)
                }
                // A name may hold a colon; otherwise the prefix is a typo worth naming.
                if !articles.contains(where: { $0.name == spec }) && collection(named: spec) == nil {
                    throw SelectorError.unknownPrefix(String(prefix))
                }
            }
        }
        var base = spec
        var versionPart: String?
        if let at = spec.lastIndex(of: "@") {
            base = String(spec[..<at])
            versionPart = String(spec[spec.index(after: at)...])
        }
        var matched: [Article]
        var versions: [ObjectIdentifier: Int] = [:]
        if Glob.isPattern(base) {
            matched = articles.filter { Glob.matches(base, $0.id) || ($0.name.map { Glob.matches(base, $0) } ?? false) }
            let collectionMembers = collections.filter { Glob.matches(base, $0.name) }.flatMap(\.members)
            if !collectionMembers.isEmpty { matched = union(matched, members(collectionMembers, versions: &versions)) }
            if matched.isEmpty && !strict { return [] }
        } else {
            matched = articles.filter { $0.id == base || $0.name == base }
            if matched.isEmpty, let collection = collection(named: base) {
                matched = members(collection.members, versions: &versions)
                if matched.isEmpty { throw SelectorError.badValue(spec, "the collection has no articles left") }
            }
        }
        if matched.isEmpty { throw SelectorError.noMatch(spec) }
        return try matched.flatMap { article -> [Selection] in
            guard let v = versionPart?.lowercased() else {
                if let n = versions[ObjectIdentifier(article)], article.versions.indices.contains(n - 1) {
                    return [Selection(article: article, version: article.versions[n - 1])]
                }
                return [Selection(article: article, version: article.latest)]
            }
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

    /// A collection's articles that are still loaded, in its order; a member fixed at one version notes it.
    private func members(_ list: [ArticleCollection.Member], versions: inout [ObjectIdentifier: Int]) -> [Article] {
        let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        return list.compactMap { m in
            guard let a = byID[m.article], seen.insert(a.id).inserted else { return nil }
            if let n = m.version { versions[ObjectIdentifier(a)] = n }
            return a
        }
    }

    private func union(_ a: [Article], _ b: [Article]) -> [Article] {
        var seen = Set(a.map { ObjectIdentifier($0) })
        return a + b.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    // MARK: PREFIX:VALUE

    private func resolve(field: SelectorField, value: String, spec: String, strict: Bool) throws -> [Selection] {
        let test = try predicate(field, value, spec: spec)
        let hits = articles.filter(test)
        if hits.isEmpty && strict { throw SelectorError.noMatchHint(spec, hint(for: field, value: value)) }
        return hits.map { Selection(article: $0, version: $0.latest) }
    }

    private func predicate(_ field: SelectorField, _ value: String, spec: String) throws -> (Article) -> Bool {
        switch field {
        case .id:
            let m = TextMatcher(value, exact: true)
            return { m.matches($0.id) }
        case .name:
            let m = TextMatcher(value, exact: true)
            let inCollections = Set(collections.filter { m.matches($0.name) }.flatMap(\.members).map(\.article))
            return { a in m.matches(a.name) || inCollections.contains(a.id) }
        case .source: let m = TextMatcher(value); return { m.matches($0.latest.metadata.source) }
        case .author: let m = TextMatcher(value); return { m.matches($0.latest.metadata.author) }
        case .title: let m = TextMatcher(value); return { m.matches($0.latest.metadata.title) }
        case .url: let m = TextMatcher(value); return { m.matches($0.latest.metadata.url) }
        case .path: let m = TextMatcher(value); return { m.matches($0.latest.document.path) }
        case .format:
            let f = value.lowercased()
            guard ArticleFormat(rawValue: f) != nil else { throw SelectorError.badValue(spec, "formats are text, html, json and jsonl") }
            return { $0.latest.document.format.rawValue == f }
        case .lang:
            let m = TextMatcher(value, exact: true)
            let primary = value.lowercased()
            return { a in
                guard let l = a.latest.metadata.language?.lowercased() else { return false }
                return m.matches(l) || l.hasPrefix(primary + "-") || l.hasPrefix(primary + "_")
            }
        case .date, .published, .modified:
            let range = try DateRange(value, spec: spec)
            switch field {
            case .published: return { range.contains($0.latest.metadata.published) }
            case .modified: return { range.contains($0.latest.metadata.modified) }
            default: return { range.contains($0.latest.metadata.published ?? $0.latest.metadata.modified) }
            }
        case .words:
            let range = try Self.countRange(value, spec: spec)
            return { range.contains($0.latest.wordCount) }
        case .field:
            let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).lowercased()
            guard !key.isEmpty else { throw SelectorError.badValue(spec, "name the field: field:NAME=VALUE or field:NAME") }
            let m = parts.count == 2 ? TextMatcher(String(parts[1]), exact: true) : nil
            return { a in
                guard let text = Self.fieldValue(a.latest.metadata, key) else { return false }
                guard let m else { return true }
                // A list (joined with ", ") matches when one of its items does.
                return m.matches(text) || (text.contains(", ") && text.components(separatedBy: ", ").contains { m.matches($0) })
            }
        case .tag:
            return try tagPredicate(value, spec: spec)
        }
    }

    /// A metadata field by name: a JSON record's own field (any case), else one lede reads.
    static func fieldValue(_ m: ArticleMetadata, _ key: String) -> String? {
        if let fields = m.fields {
            if let v = fields[key] { return v }
            if let v = fields.first(where: { $0.key.lowercased() == key })?.value { return v }
        }
        switch key {
        case "title": return m.title
        case "published", "date": return m.published
        case "modified": return m.modified
        case "source": return m.source
        case "author": return m.author
        case "url": return m.url
        case "language", "lang": return m.language
        default: return nil
        }
    }

    /// `tag:`: taxonomy tags by name or QCode, or by a label word or alias of a built-in topic (`business` →
    /// economy, noted); model tags (`MODEL/label`) only when asked for with a slash or a pattern.
    private func tagPredicate(_ value: String, spec: String) throws -> (Article) -> Bool {
        let v = value.lowercased()
        if v.isEmpty { throw SelectorError.badValue(spec, "name a tag: tag:politics, tag:11000000, tag:MODEL/label") }
        if Glob.isPattern(v) { return { $0.tags.contains { Glob.matches(v, $0.lowercased()) } } }
        func has(_ tag: String) -> (Article) -> Bool {
            { a in a.tags.contains { t in let l = t.lowercased(); return l == tag || l.hasPrefix(tag + " ") } }
        }
        if v.contains("/") || articles.contains(where: has(v)) { return has(v) }
        if let topic = TopicNames.resolve(v), topic.name != v, articles.contains(where: has(topic.name)) {
            selectionNotes.append("tag:\(value) is the IPTC topic \(topic.name) (\(topic.code), \(topic.label))")
            return has(topic.name)
        }
        return has(v)
    }

    // MARK: hints

    /// What values a field has, for a selector that matched nothing.
    private func hint(for field: SelectorField, value: String) -> String {
        func top(_ values: [String?], _ what: String) -> String {
            var counts: [String: Int] = [:]
            var missing = 0
            for v in values { if let v, !v.isEmpty { counts[v, default: 0] += 1 } else { missing += 1 } }
            if counts.isEmpty { return "no article has \(what)" }
            let shown = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(5)
                .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            return "\(what): \(shown)\(counts.count > 5 ? ", …" : "")" + (missing > 0 ? "; \(missing) without" : "")
        }
        let latest = articles.map { $0.latest.metadata }
        switch field {
        case .id, .name: return "ids run from \(articles.first!.id) to \(articles.last!.id)"
                + (collections.isEmpty ? "" : "; collections: \(collections.map(\.name).joined(separator: ", "))")
        case .source: return top(latest.map(\.source), "sources")
        case .author: return top(latest.map(\.author), "authors")
        case .title: return "titles are matched in part, any case; use * for a pattern"
        case .url: return top(latest.map { $0.url.flatMap { URL(string: $0)?.host } }, "URL hosts")
        case .lang: return top(latest.map(\.language), "languages")
        case .format: return top(articles.map { $0.latest.document.format.rawValue }, "formats")
        case .path:
            let example = articles.first!.latest.document.path
            return "paths look like \(example); a pattern matches the whole path: path:*/politics/*"
        case .date, .published, .modified:
            let dates: [String?] = field == .published ? latest.map(\.published)
                : field == .modified ? latest.map(\.modified) : latest.map { $0.published ?? $0.modified }
            let known = dates.compactMap { $0 }.sorted()
            guard let first = known.first, let last = known.last else { return "no article has a \(field == .date ? "date" : field.rawValue + " date")" }
            return "dates run from \(first) to \(last)" + (known.count < dates.count ? "; \(dates.count - known.count) articles have none" : "")
        case .words:
            let counts = articles.map(\.latest.wordCount)
            return "word counts run from \(counts.min()!) to \(counts.max()!)"
        case .field:
            var keys: [String: Int] = [:]
            for m in latest { for k in (m.fields ?? [:]).keys { keys[k, default: 0] += 1 } }
            if keys.isEmpty { return "no article has fields of its own (they come from JSON records)" }
            let key = String(value.split(separator: "=", maxSplits: 1).first ?? "").lowercased()
            if let name = keys.keys.first(where: { $0.lowercased() == key }) {
                return top(latest.map { $0.fields?[name] }, "values of \(name)")
            }
            return "fields: " + keys.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(12)
                .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        case .tag:
            var taxonomy: [String: Int] = [:], model: [String: Int] = [:]
            for a in articles {
                for t in a.tags where !t.allSatisfy(\.isNumber) {
                    if t.contains("/") { model[t, default: 0] += 1 } else { taxonomy[t, default: 0] += 1 }
                }
            }
            if taxonomy.isEmpty && model.isEmpty { return "no article is tagged; run 'tag' first" }
            func list(_ d: [String: Int]) -> String {
                d.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(8).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            }
            var parts: [String] = []
            if !taxonomy.isEmpty { parts.append("tags: " + list(taxonomy)) }
            if !model.isEmpty { parts.append("model tags: " + list(model)) }
            return parts.joined(separator: "; ")
        }
    }

    /// `words:500`, `words:500..2000`, `words:..300`, `words:>1000`, `words:<=200`.
    static func countRange(_ value: String, spec: String) throws -> ClosedRange<Int> {
        let bad = SelectorError.badValue(spec, "word counts are N, A..B, >N, <N, >=N or <=N")
        let v = value.trimmingCharacters(in: .whitespaces)
        func int(_ s: Substring) throws -> Int { guard let n = Int(s) else { throw bad }; return n }
        if v.hasPrefix(">=") { return try int(v.dropFirst(2))...Int.max }
        if v.hasPrefix("<=") { return 0...(try int(v.dropFirst(2))) }
        if v.hasPrefix(">") { return (try int(v.dropFirst()) + 1)...Int.max }
        if v.hasPrefix("<") { let n = try int(v.dropFirst()); guard n > 0 else { throw bad }; return 0...(n - 1) }
        if let r = v.range(of: "..") {
            let lo = v[..<r.lowerBound].isEmpty ? 0 : try int(v[..<r.lowerBound])
            let hi = v[r.upperBound...].isEmpty ? Int.max : try int(v[r.upperBound...])
            guard lo <= hi else { throw bad }
            return lo...hi
        }
        let n = try int(Substring(v))
        return n...n
    }
}

/// Text selector values: a plain value matches part of the field (or all of it, `exact`), any case; a value with
/// `*`, `?` or `[` is a pattern over the whole field.
struct TextMatcher {
    let pattern: String
    let isGlob: Bool
    let exact: Bool

    init(_ value: String, exact: Bool = false) {
        pattern = value.lowercased(); isGlob = Glob.isPattern(value); self.exact = exact
    }

    func matches(_ text: String?) -> Bool {
        guard let text, !text.isEmpty else { return false }
        let t = text.lowercased()
        if isGlob { return Glob.matches(pattern, t) }
        return exact ? t == pattern : t.contains(pattern)
    }
}

/// `date:` values: `2026`, `2026-03`, `2026-03-05` (that year, month or day), ranges `A..B` (inclusive, each end
/// at its own precision), `..B`, `A..`, or a pattern over the date text (`2026-03*`). Dates are compared as
/// written (ISO 8601), so a timestamp's day is the day it was published where it was published.
struct DateRange {
    let low: String?
    let high: String?
    let pattern: String?

    init(_ value: String, spec: String) throws {
        let v = value.trimmingCharacters(in: .whitespaces)
        if Glob.isPattern(v) { low = nil; high = nil; pattern = v; return }
        pattern = nil
        func check(_ s: Substring) throws -> String? {
            if s.isEmpty { return nil }
            let text = String(s)
            let shapes = [4, 7, 10]
            guard shapes.contains(text.count), VersionDate.key(text) != nil else {
                throw SelectorError.badValue(spec, "dates are YYYY, YYYY-MM or YYYY-MM-DD, a range A..B (either end may be left out), or a pattern such as 2026-03*")
            }
            return text
        }
        if let r = v.range(of: "..") {
            low = try check(v[..<r.lowerBound]); high = try check(v[r.upperBound...])
            if low == nil && high == nil { throw SelectorError.badValue(spec, "give at least one end of the range: 2026-03..2026-04") }
            if let low, let high, low > high { throw SelectorError.badValue(spec, "the range starts after it ends") }
        } else {
            low = try check(Substring(v)); high = low
            if low == nil { throw SelectorError.badValue(spec, "give a date: date:2026-03") }
        }
    }

    func contains(_ date: String?) -> Bool {
        guard let date, !date.isEmpty else { return false }
        if let pattern { return Glob.matches(pattern, date) }
        if let low, date.prefix(low.count) < low { return false }
        if let high, date.prefix(high.count) > high { return false }
        return true
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
