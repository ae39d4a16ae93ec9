import LedeText
import LedeAnalysis
import LedeSession

/// `group`: each cluster of near-duplicate articles becomes one article whose versions are the members'
/// versions, ordered by date.
public struct GroupRequest: Sendable {
    public var selectors: [String]
    public var threshold: Double
    /// Name for the grouped article (only when there is one cluster).
    public var name: String?
    public init(selectors: [String] = [], threshold: Double = 0.8, name: String? = nil) {
        self.selectors = selectors; self.threshold = threshold; self.name = name
    }
}

public struct GroupReport: Codable, Sendable {
    public struct Grouped: Codable, Sendable { public var article: String; public var name: String?; public var versions: Int; public var merged: [String] }
    public var threshold: Double
    public var groups: [Grouped]
}

extension Engine {
    public func group(_ request: GroupRequest) throws -> GroupReport {
        let articles = try workspace.selectArticles(request.selectors)
        let selections = articles.map { Selection(article: $0, version: $0.latest) }
        let (clusters, _) = try NearDuplicates.find(selections.map(\.version.text), vocabulary: workspace.vocabulary, threshold: request.threshold)
        if request.name != nil && clusters.count > 1 {
            throw EngineError("--as: \(clusters.count) clusters found; select the articles of one cluster to name it")
        }
        if let name = request.name, let other = workspace.article(named: name),
           !(clusters.first?.members.contains { selections[$0].article === other } ?? false) {
            throw EngineError("--as: the name '\(name)' is already used by \(other.id)")
        }
        var groups: [GroupReport.Grouped] = []
        for c in clusters {
            let ids = c.members.map { selections[$0].article.id }
            guard let merged = workspace.mergeAsVersions(ids, name: request.name) else { continue }
            groups.append(GroupReport.Grouped(article: merged.id, name: merged.name, versions: merged.versions.count, merged: ids))
        }
        return GroupReport(threshold: request.threshold, groups: groups)
    }
}
