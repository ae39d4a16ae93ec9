import ArgumentParser
import LedeSession

struct ListCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List loaded articles: id, name, versions, title, source, date, words.", aliases: ["ls"])
    static let recordsResult = false

    @Argument(help: "Articles to list (default: all).") var selectors: [String] = []

    struct Row: Codable {
        var id: String, name: String?, versions: Int, title: String?, source: String?, published: String?, words: Int, tags: [String], path: String
    }
    struct Result: CommandResult {
        var articles: [Row]
        var display: [DisplayBlock] {
            [.table(Table(columns: [.init("id"), .init("name"), .init("ver", .right), .init("words", .right), .init("date"),
                                    .init("source", shrinkable: true), .init("title", shrinkable: true)],
                          rows: articles.map { [$0.id, $0.name ?? "", String($0.versions), Format.int($0.words), $0.published ?? "",
                                                $0.source ?? "", $0.title ?? ""] },
                          footer: Format.plural(articles.count, "article")))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        if shell.workspace.articles.isEmpty && selectors.isEmpty { return Result(articles: []) }
        return Result(articles: try shell.workspace.selectArticles(selectors).map { a in
            let m = a.latest.metadata
            return Row(id: a.id, name: a.name, versions: a.versions.count, title: m.title, source: m.source,
                       published: m.published, words: a.latest.wordCount, tags: a.tags, path: a.latest.document.path)
        })
    }
}
