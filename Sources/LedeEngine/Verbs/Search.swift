import Foundation
import LedeText
import LedeArticles
import LedeSession
import LedeArchive

/// `search`: full-text search (FTS5: words, "phrases", prefix*, AND/OR/NOT, BM25 order) over the archive, or,
/// without one, over the workspace's texts; the hits as a selection (`--as NAME` keeps them as a collection).
public struct SearchRequest: Sendable {
    public var query: String
    /// Only hits in these versions (all when empty).
    public var selectors: [String]
    /// Hits shown (and, with `name`, kept); nil: 20 shown, every hit kept.
    public var limit: Int?
    /// Keep the hits as this collection.
    public var name: String?
    public init(query: String, selectors: [String] = [], limit: Int? = nil, name: String? = nil) {
        self.query = query; self.selectors = selectors; self.limit = limit; self.name = name
    }
}

public struct SearchReport: Encodable, Sendable {
    public struct Hit: Encodable, Sendable {
        public var id: String
        public var name: String?
        public var version: Int
        public var title: String?
        /// BM25 (title weighted 2, body 1): lower is better.
        public var rank: Double
        /// The passage around the best match, each match in [brackets].
        public var snippet: String
        /// The same passage in parts, matches marked (for display).
        public let parts: [SnippetPart]

        private enum CodingKeys: String, CodingKey { case id, name, version, title, rank, snippet }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encodeIfPresent(name, forKey: .name)
            try c.encode(version, forKey: .version)
            try c.encodeIfPresent(title, forKey: .title)
            try c.encode(rank, forKey: .rank)
            try c.encode(snippet, forKey: .snippet)
        }
    }
    public var query: String
    /// `archive FILE` or `workspace`.
    public var searched: String
    public var hits: [Hit]
    /// Hits in the session's view in all, when counted (every hit was read: a selection, a collection, or
    /// fewer than the limit); nil otherwise.
    public var matching: Int?
    /// Distinct texts that match (a text shared by several versions counts once).
    public var matchingTexts: Int
    /// Texts added to the search index before searching.
    public var indexedNow: Int
    /// Texts not searched: another process was writing to the archive, so they could not be indexed now.
    public var unindexed: Int
    /// Hits in articles outside the session's view (dropped, or stored by another process), left out.
    public var leftOut: Int
    public var collection: String?
    public var collectionSize: Int?
    public var seconds: Double

    private enum CodingKeys: String, CodingKey {
        case query, searched, hits, matching, matchingTexts, indexedNow, unindexed, leftOut, collection, collectionSize, seconds
    }
}

extension Engine {
    public static let defaultSearchLimit = 20

    /// `progress` gets (texts indexed, texts to index) while new texts enter the index.
    public func search(_ request: SearchRequest, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SearchReport {
        let start = Date()
        if let name = request.name {
            try checkName(name)
            if workspace.article(named: name) != nil { throw EngineError("--as \(name): an article has that name; choose another") }
        }
        let archive: Archive
        let searched: String
        var owner: (SearchHit) -> (article: Article, version: ArticleVersion)?
        var indexedNow = 0
        if let link = archiveLink {
            archive = link.archive
            searched = "archive \(link.file)"
            var inView: [String: Article] = [:]
            owner = { [workspace] hit in
                guard let v = link.version(hit.articleID, hit.version) else { return nil }
                if inView.isEmpty { for a in workspace.articles { inView[a.id] = a } }
                guard let a = inView[hit.articleID], a.versions.contains(where: { $0 === v }) else { return nil }
                return (a, v)
            }
        } else {
            if workspace.articles.isEmpty { throw EngineError(SelectorError.emptyWorkspace.description) }
            let scratch: WorkspaceSearch
            do {
                scratch = try workspaceSearch ?? WorkspaceSearch()
                workspaceSearch = scratch
                _ = try scratch.add(workspace)
            } catch { throw EngineError("\(error)") }
            archive = scratch.archive
            searched = "workspace"
            owner = { [workspace] hit in
                guard let o = scratch.owner(of: hit), workspace.article(id: o.article.id) === o.article,
                      o.article.versions.contains(where: { $0 === o.version }) else { return nil }
                return o
            }
        }
        // New texts are indexed first (with progress); when another process is writing, what is indexed is searched.
        do { indexedNow = try archive.updateSearchIndex(waitForWriters: false, progress: progress) }
        catch ArchiveError.busy(_) {} catch ArchiveError.readOnly(_) {}
        catch { throw EngineError("\(error)") }

        let selected: Set<ObjectIdentifier>? = request.selectors.isEmpty ? nil
            : Set(try select(request.selectors).map { ObjectIdentifier($0.version) })
        let shown = request.limit ?? Engine.defaultSearchLimit
        let keepAll = request.name != nil && request.limit == nil

        func run(limit: Int?) throws -> (hits: [(SearchHit, Article, ArticleVersion)], leftOut: Int, result: SearchResult) {
            let result: SearchResult
            do { result = try archive.search(request.query, limit: limit) } catch let e as ArchiveError {
                throw EngineError(e.description.hasPrefix("search: ") ? String(e.description.dropFirst(8)) : e.description)
            }
            var hits: [(SearchHit, Article, ArticleVersion)] = []
            var leftOut = 0
            for hit in result.hits {
                guard let (a, v) = owner(hit) else { leftOut += 1; continue }
                if let selected, !selected.contains(ObjectIdentifier(v)) { continue }
                hits.append((hit, a, v))
            }
            return (hits, leftOut, result)
        }
        var found = try run(limit: selected == nil && !keepAll ? shown : nil)
        var counted = selected != nil || keepAll || found.result.hits.count < shown
        if !counted && found.hits.count < shown {
            // Some of the best hits were outside the view: read them all.
            found = try run(limit: nil)
            counted = true
        }
        let kept = request.limit.map { Array(found.hits.prefix($0)) } ?? found.hits
        var collectionSize: Int?
        if let name = request.name {
            var seen = Set<ArticleCollection.Member>()
            let members = kept.map { ArticleCollection.Member(article: $0.1.id, version: $0.2 === $0.1.latest ? nil : $0.2.number) }
                .filter { seen.insert($0).inserted }
            workspace.setCollection(ArticleCollection(name: name, members: members, expression: "search \(request.query)"))
            keepCollection(name)
            collectionSize = members.count
        }
        let hits = found.hits.prefix(shown).map { h, a, v in
            let parts = Engine.joinedMatches(h.snippet)
            return SearchReport.Hit(id: a.id, name: a.name, version: v.number, title: h.title ?? v.metadata.title,
                                    rank: (h.rank * 1000).rounded() / 1000,
                                    snippet: parts.map { $0.isMatch ? "[\($0.text)]" : $0.text }.joined(), parts: parts)
        }
        return SearchReport(query: request.query, searched: searched, hits: hits, matching: counted ? found.hits.count : nil,
                            matchingTexts: found.result.matchingTexts, indexedNow: indexedNow, unindexed: found.result.unindexedTexts,
                            leftOut: found.leftOut, collection: request.name, collectionSize: collectionSize,
                            seconds: Date().timeIntervalSince(start))
    }
}

extension Engine {
    /// A phrase's words, which FTS5 marks one by one, as one marked run: `[peace talks]`, not `[peace] [talks]`.
    static func joinedMatches(_ parts: [SnippetPart]) -> [SnippetPart] {
        var out: [SnippetPart] = []
        var k = 0
        while k < parts.count {
            var part = parts[k]
            if part.isMatch {
                while k + 2 < parts.count, !parts[k + 1].isMatch, parts[k + 2].isMatch,
                      !parts[k + 1].text.isEmpty, parts[k + 1].text.allSatisfy({ $0 == " " }) {
                    part.text += parts[k + 1].text + parts[k + 2].text
                    k += 2
                }
            }
            out.append(part)
            k += 1
        }
        return out
    }
}
