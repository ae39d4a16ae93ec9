import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `drop`: articles removed from the workspace.
public struct DropRequest: Sendable {
    public var selectors: [String]
    public init(selectors: [String]) { self.selectors = selectors }
}

public struct DropReport: Codable, Sendable {
    public var dropped: [String]
    public var remaining: Int
}

extension Engine {
    public func drop(_ request: DropRequest) throws -> DropReport {
        let ids = try workspace.selectArticles(request.selectors).map(\.id)
        workspace.drop(Set(ids))
        return DropReport(dropped: ids, remaining: workspace.articles.count)
    }
}
