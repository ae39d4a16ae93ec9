import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `drop`: articles removed from the workspace.
public struct DropRequest: Sendable {
    public var selectors: [String]
    /// Drop even when the selection is every article by `all` or a pattern (else `ConfirmationNeeded`).
    public var force: Bool
    public init(selectors: [String], force: Bool = false) { self.selectors = selectors; self.force = force }
}

public struct DropReport: Codable, Sendable {
    public var dropped: [String]
    public var remaining: Int
    /// With an archive open: the archive keeps the dropped articles (they come back when it is opened again).
    public var keptInArchive: String? = nil
}

extension Engine {
    public func drop(_ request: DropRequest) throws -> DropReport {
        let ids = try workspace.selectArticles(request.selectors).map(\.id)
        // Naming articles one by one is deliberate; `all`, a pattern or an expression that takes everything may not be.
        let literal = request.selectors.allSatisfy { s in Workspace.idNumber(s) != nil || workspace.article(named: s) != nil }
        if !request.force, !literal, ids.count == workspace.articles.count, ids.count > 1 {
            let what = "every article (\(Format.int(ids.count)))"
            throw ConfirmationNeeded(question: "drop \(what)?", refusal: "this drops \(what); add --force to do that in a script")
        }
        workspace.drop(Set(ids))
        return DropReport(dropped: ids, remaining: workspace.articles.count, keptInArchive: archiveLink?.file)
    }
}
