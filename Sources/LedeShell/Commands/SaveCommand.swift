import ArgumentParser
import LedeSession

struct SaveCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "save", abstract: "Save the session (articles, settings, every result) as one JSON file, atomically.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The session file to write.") var file: String
    @Flag(name: .customLong("with-text"), help: "Include each article's full text (the file then opens without the sources).") var withText = false

    struct Result: CommandResult {
        var file: String, articles: Int, results: Int, withText: Bool
        var display: [DisplayBlock] {
            [.text("saved \(Format.plural(articles, "article")) and \(Format.plural(results, "result")) to \(file)\(withText ? " (with text)" : "")")]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let path = shell.resolvePath(file)
        let doc = SessionFile.document(workspace: shell.workspace, log: shell.log, settings: shell.settings,
                                       withText: withText, ledeVersion: Shell.version)
        try SessionFile.write(doc, to: path)
        shell.log.markSaved()
        shell.quitWarned = false
        return Result(file: file, articles: doc.articles.count, results: doc.log.count, withText: withText)
    }
}
