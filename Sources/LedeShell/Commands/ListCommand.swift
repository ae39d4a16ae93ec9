import ArgumentParser
import LedeSession
import LedeEngine

struct ListCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List loaded articles: id, name, versions, title, source, date, words.", aliases: ["ls"])
    static let recordsResult = false

    @Argument(help: "Articles to list (default: all).") var selectors: [String] = []

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.list(ListRequest(selectors: selectors))
    }
}

extension ListReport: CommandResult {
    public var display: [DisplayBlock] {
        [.table(Table(columns: [.init("id"), .init("name"), .init("ver", .right), .init("words", .right), .init("date"),
                                .init("source", shrinkable: true), .init("title", shrinkable: true)],
                      rows: articles.map { [$0.id, $0.name ?? "", String($0.versions), Format.int($0.words), $0.published ?? "",
                                            $0.source ?? "", $0.title ?? ""] },
                      footer: Format.plural(articles.count, "article")))]
    }
}
