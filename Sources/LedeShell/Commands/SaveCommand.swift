import ArgumentParser
import LedeSession
import LedeArticles
import LedeEngine

struct SaveCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "save", abstract: "Save the session (every version's text, tags, models, settings, results) as one JSON file, atomically.",
        discussion: "The file opens without the original files. Results of show, list and help are not kept; large results are stored compactly.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The session file to write.") var file: String
    @Flag(name: .customLong("with-text"), help: "Accepted for older scripts: the text is always saved now.") var withText = false

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.save(SaveRequest(file: file, path: context.output.resolvePath(file)))
    }
}

extension SaveReport: CommandResult {
    public var display: [DisplayBlock] {
        [.text("saved \(Format.plural(articles, "article")) (\(Format.plural(versions, "version")))"
               + (models > 0 ? ", \(Format.plural(models, "model"))" : "") + " and \(Format.plural(results, "result")) to \(file) (\(ByteCount.format(bytes)))")]
    }
}
