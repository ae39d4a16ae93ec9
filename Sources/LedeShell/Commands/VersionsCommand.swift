import ArgumentParser
import LedeSession
import LedeEngine

struct VersionsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "Timeline of each article's versions: date, words, % of sentences changed from the previous, similarity, trivial changes.")

    @Argument(help: "Articles (default: all).") var selectors: [String] = []

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.versions(VersionsRequest(selectors: selectors))
    }
}

extension VersionsReport: CommandResult {
    public var display: [DisplayBlock] {
        [.table(Table(columns: [.init("article"), .init("ver", .right), .init("date"), .init("words", .right),
                                .init("changed", .right), .init("similarity", .right), .init("flag"), .init("title", shrinkable: true)],
                      rows: versions.map { r in
                          [r.name ?? r.article, String(r.version), r.date ?? "", Format.int(r.words),
                           r.changedPercent.map { Format.fixed($0, 1) + " %" } ?? "", r.similarity.map { Format.fixed($0, 3) } ?? "",
                           r.flag ?? "", r.title ?? ""]
                      },
                      footer: Format.plural(versions.count, "version")))]
    }
}
