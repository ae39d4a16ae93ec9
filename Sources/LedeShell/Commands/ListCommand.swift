import ArgumentParser
import LedeSession
import LedeEngine

struct ListCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List loaded articles: id, name, versions, words, date, source, tags, title; and the collections.",
        aliases: ["ls"])
    static let recordsResult = false

    @Argument(help: "Articles to list (default: all).") var selectors: [String] = []

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.list(ListRequest(selectors: selectors))
    }
}

extension ListReport: CommandResult {
    /// The article table `list` and `select` show.
    static func table(_ articles: [Row], footer: String?) -> Table {
        let tagged = articles.contains { !$0.tags.isEmpty }
        return Table(columns: [.init("id"), .init("name", dropOrder: 4), .init("ver", .right, dropOrder: 2), .init("words", .right, dropOrder: 3),
                               .init("date", dropOrder: 5), .init("source", shrinkable: true, dropOrder: 1)]
                        + (tagged ? [.init("tags", shrinkable: true, dropOrder: 6)] : []) + [.init("title", shrinkable: true, minWidth: 20, wholeWords: true)],
                     rows: articles.map { r in
                         [r.id, r.name ?? "", String(r.versions), Format.int(r.words), r.published ?? "", r.source ?? ""]
                             + (tagged ? [ListReport.shownTags(r.tags)] : []) + [r.title ?? ""]
                     },
                     footer: footer)
    }

    /// Tag names without their QCodes (`politics`, not `politics 11000000`), model tags as `MODEL/label`.
    static func shownTags(_ tags: [String]) -> String {
        tags.filter { !($0.count == 8 && $0.allSatisfy(\.isNumber)) }.joined(separator: " ")
    }

    public var display: [DisplayBlock] {
        var footer = Format.plural(articles.count, "article")
        if !collections.isEmpty {
            footer += "; collections: " + collections.map { "\($0.name) (\(Format.int($0.articles)))" }.joined(separator: ", ")
        }
        return [.table(Self.table(articles, footer: footer))]
    }
}
