import ArgumentParser
import LedeAnalysis
import LedeSession

struct GroupCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Turn each cluster of near-duplicate articles into versions of one article (ordered by date).",
        discussion: "Clusters are found as in 'similar' over the selected articles' latest versions. The earliest-loaded article of a cluster keeps its id.")

    @Argument(help: "Articles to group (default: all).") var selectors: [String] = []
    @OptionGroup var similarity: SimilarityThreshold
    var threshold: Double { similarity.threshold }
    @Option(name: .customLong("as"), help: "Name for the grouped article (only when there is one cluster).") var name: String?

    func validate() throws {
        if let name, name.isEmpty || name.contains("@") || name.contains(" ") { throw ValidationError("--as takes a name without spaces or '@', got '\(name)'") }
    }

    struct Grouped: Codable { var article: String; var name: String?; var versions: Int; var merged: [String] }
    struct Result: CommandResult {
        var threshold: Double
        var groups: [Grouped]
        var display: [DisplayBlock] {
            if groups.isEmpty { return [.text("no near-duplicates at threshold \(Format.fixed(threshold, 2)); nothing grouped")] }
            return [.table(Table(columns: [.init("id"), .init("name"), .init("versions", .right), .init("from", shrinkable: true)],
                                 rows: groups.map { [$0.article, $0.name ?? "", String($0.versions), $0.merged.joined(separator: " ")] },
                                 footer: "grouped \(Format.plural(groups.reduce(0) { $0 + $1.merged.count }, "article")) into \(groups.count)"))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let ws = shell.workspace
        let articles = try ws.selectArticles(selectors)
        let selections = articles.map { Selection(article: $0, version: $0.latest) }
        let (clusters, _) = try NearDuplicates.find(selections.map(\.version.text), vocabulary: ws.vocabulary, threshold: threshold)
        if name != nil && clusters.count > 1 {
            throw CommandError("--as: \(clusters.count) clusters found; select the articles of one cluster to name it")
        }
        if let name, let other = ws.article(named: name), !(clusters.first?.members.contains { selections[$0].article === other } ?? false) {
            throw CommandError("--as: the name '\(name)' is already used by \(other.id)")
        }
        var groups: [Grouped] = []
        for c in clusters {
            let ids = c.members.map { selections[$0].article.id }
            guard let merged = ws.mergeAsVersions(ids, name: name) else { continue }
            groups.append(Grouped(article: merged.id, name: merged.name, versions: merged.versions.count, merged: ids))
        }
        return Result(threshold: threshold, groups: groups)
    }
}
