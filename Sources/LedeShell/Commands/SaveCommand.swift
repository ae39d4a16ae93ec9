import ArgumentParser
import LedeSession
import LedeEngine

struct SaveCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "save", abstract: "Save the session (articles, settings, every result) as one JSON file, atomically.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The session file to write.") var file: String
    @Flag(name: .customLong("with-text"), help: "Include each article's full text (the file then opens without the sources).") var withText = false

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.save(SaveRequest(file: file, path: context.output.resolvePath(file), withText: withText))
    }
}

extension SaveReport: CommandResult {
    public var display: [DisplayBlock] {
        [.text("saved \(Format.plural(articles, "article")) and \(Format.plural(results, "result")) to \(file)\(withText ? " (with text)" : "")")]
    }
}
