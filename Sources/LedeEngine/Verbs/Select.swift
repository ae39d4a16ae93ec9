import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `select`: what a selection picks, and (`--as NAME`) the selection kept as a named collection, usable wherever a
/// selector goes. Its members are fixed when it is made.
public struct SelectRequest: Sendable {
    public var selectors: [String]
    /// Keep the selection under this name.
    public var name: String?
    /// Forget the collection with this name (its articles stay loaded).
    public var forget: String?
    public init(selectors: [String] = [], name: String? = nil, forget: String? = nil) {
        self.selectors = selectors; self.name = name; self.forget = forget
    }
}

public struct SelectReport: Codable, Sendable {
    public var expression: String
    public var name: String?
    /// The collection forgotten (`--forget`).
    public var forgotten: String?
    public var articles: [ListReport.Row]
    /// Versions selected (more than articles when a selector names several versions of one).
    public var versions: Int
}

extension Engine {
    public func select(_ request: SelectRequest) throws -> SelectReport {
        if let forget = request.forget {
            guard let c = workspace.collection(named: forget) else {
                let names = workspace.collections.map(\.name)
                throw EngineError("no collection named '\(forget)'" + (names.isEmpty ? "" : " (collections: \(names.joined(separator: ", ")))"))
            }
            workspace.removeCollection(named: forget)
            keepCollection(forget)
            return SelectReport(expression: c.expression ?? "", name: nil, forgotten: forget, articles: [], versions: 0)
        }
        let picked = try select(request.selectors)
        let expression = request.selectors.isEmpty ? "all" : request.selectors.joined(separator: " ")
        if let name = request.name {
            try checkName(name)
            if workspace.article(named: name) != nil { throw EngineError("--as \(name): an article has that name; choose another") }
            // Whole articles at their latest version stay "latest" (they follow new versions); a selected older
            // version is kept as that version.
            var seen = Set<ArticleCollection.Member>()
            let members = picked.map { s in
                ArticleCollection.Member(article: s.article.id, version: s.version === s.article.latest ? nil : s.version.number)
            }.filter { seen.insert($0).inserted }
            workspace.setCollection(ArticleCollection(name: name, members: members, expression: expression))
            keepCollection(name)
        }
        var seen = Set<String>()
        let rows = picked.map(\.article).filter { seen.insert($0.id).inserted }.map(ListReport.row)
        return SelectReport(expression: expression, name: request.name, forgotten: nil, articles: rows, versions: picked.count)
    }
}
