import ArgumentParser
import LedeSession
import LedeEngine

struct DropCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Remove articles from the workspace.")

    @Argument(help: "The articles to remove (e.g. a3, talks, 'bbc*', all).") var selectors: [String]
    @Flag(help: "Drop every article without asking (in scripts, 'drop all' needs it).") var force = false

    func validate() throws { if selectors.isEmpty { throw ValidationError("name the articles to drop (e.g. drop a3, or drop all)") } }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.confirming(force: force) { try context.engine.drop(DropRequest(selectors: selectors, force: $0)) }
            ?? MessageResult("nothing dropped")
    }
}

extension DropReport: CommandResult {
    public var display: [DisplayBlock] {
        [.text("dropped \(Format.plural(dropped.count, "article")); \(Format.int(remaining)) left"
               + (keptInArchive.map { " (from this session only: the archive \($0) keeps them)" } ?? ""))]
    }
}
