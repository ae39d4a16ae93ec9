import ArgumentParser
import LedeSession
import LedeEngine

struct GroupCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Turn each cluster of near-duplicate articles into versions of one article (ordered by date).",
        discussion: "Clusters are found as in 'similar' over the selected articles' latest versions. The earliest-loaded article of a cluster keeps its id.")

    @Argument(help: "Articles to group (default: all).") var selectors: [String] = []
    @OptionGroup var similarity: SimilarityThreshold
    @Option(name: .customLong("as"), help: "Name for the grouped article (only when there is one cluster).") var name: String?

    func validate() throws {
        if let name, name.isEmpty || name.contains("@") || name.contains(" ") { throw ValidationError("--as takes a name without spaces or '@', got '\(name)'") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.group(GroupRequest(selectors: selectors, threshold: similarity.threshold, name: name))
    }
}

extension GroupReport: CommandResult {
    public var display: [DisplayBlock] {
        if groups.isEmpty { return [.text("no near-duplicates at threshold \(Format.fixed(threshold, 2)); nothing grouped")] }
        return [.table(Table(columns: [.init("id"), .init("name"), .init("versions", .right), .init("from", shrinkable: true)],
                             rows: groups.map { [$0.article, $0.name ?? "", String($0.versions), $0.merged.joined(separator: " ")] },
                             footer: "grouped \(Format.plural(groups.reduce(0) { $0 + $1.merged.count }, "article")) into \(groups.count)"))]
    }
}
