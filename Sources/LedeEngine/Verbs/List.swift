import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `list`: the articles, one row each.
public struct ListRequest: Sendable {
    public var selectors: [String]
    public init(selectors: [String] = []) { self.selectors = selectors }
}

public struct ListReport: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var id: String, name: String?, versions: Int, title: String?, source: String?, published: String?, words: Int
        public var tags: [String], path: String
    }
    public var articles: [Row]
}

extension Engine {
    public func list(_ request: ListRequest) throws -> ListReport {
        if workspace.articles.isEmpty && request.selectors.isEmpty { return ListReport(articles: []) }
        return ListReport(articles: try workspace.selectArticles(request.selectors).map { a in
            let m = a.latest.metadata
            return ListReport.Row(id: a.id, name: a.name, versions: a.versions.count, title: m.title, source: m.source,
                                  published: m.published, words: a.latest.wordCount, tags: a.tags, path: a.latest.document.path)
        })
    }
}
