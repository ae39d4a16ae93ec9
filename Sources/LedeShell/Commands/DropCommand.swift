import ArgumentParser
import LedeSession

struct DropCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Remove articles from the workspace.")

    @Argument(help: "The articles to remove (e.g. a3, talks, 'bbc*', all).") var selectors: [String]

    func validate() throws { if selectors.isEmpty { throw ValidationError("name the articles to drop (e.g. drop a3, or drop all)") } }

    struct Result: CommandResult {
        var dropped: [String]
        var remaining: Int
        var display: [DisplayBlock] { [.text("dropped \(Format.plural(dropped.count, "article")); \(Format.int(remaining)) left")] }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let ids = try shell.workspace.selectArticles(selectors).map(\.id)
        shell.workspace.drop(Set(ids))
        return Result(dropped: ids, remaining: shell.workspace.articles.count)
    }
}
