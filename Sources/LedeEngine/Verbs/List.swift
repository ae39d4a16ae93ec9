import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `list`: the articles, one row each, and the collections.
public struct ListRequest: Sendable {
    public var selectors: [String]
    public init(selectors: [String] = []) { self.selectors = selectors }
}

public struct ListReport: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var id: String, name: String?, versions: Int, title: String?, source: String?, published: String?, words: Int
        public var tags: [String], path: String
    }
    public struct CollectionRow: Codable, Sendable {
        public var name: String, articles: Int, expression: String?
    }
    public var articles: [Row]
    public var collections: [CollectionRow] = []

    static func row(_ a: Article) -> Row {
        let m = a.latest.metadata
        return Row(id: a.id, name: a.name, versions: a.versions.count, title: m.title, source: m.source,
                   published: m.published ?? m.modified, words: a.latest.wordCount, tags: a.tags, path: a.latest.document.path)
    }
}

extension Engine {
    public func list(_ request: ListRequest) throws -> ListReport {
        if workspace.articles.isEmpty && request.selectors.isEmpty { return ListReport(articles: []) }
        let live = workspace.collections.isEmpty ? [] : Set(workspace.articles.map(\.id))
        let collections = workspace.collections.map { c in
            ListReport.CollectionRow(name: c.name, articles: Set(c.members.map(\.article)).intersection(live).count, expression: c.expression)
        }
        return ListReport(articles: try workspace.selectArticles(request.selectors).map(ListReport.row),
                          collections: request.selectors.isEmpty ? collections : [])
    }
}
