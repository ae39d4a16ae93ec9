import ArgumentParser
import LedeArticles
import LedeSession
import LedeEngine

/// Writes the selected articles (cleaned body text and metadata) out, for other tools or to load again.
struct ExportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write articles (clean text and metadata) to a JSONL or CSV file, or a folder of text files.",
        discussion: """
        jsonl: one JSON object per article version (id, name, version, title, published, modified, source, author, \
        url, language, path, text); lede loads it back. csv: the same columns. text: a folder with one NAME.txt per \
        article version (title, a blank line, the body). The output format follows the file name (.jsonl, .csv, \
        or a folder) unless --format says otherwise.
        """)
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The file (or folder, for text) to write.") var destination: String
    @Argument(help: "The articles to export (default: all).") var selectors: [String] = []
    @Option(help: "jsonl, csv or text (default: from the file name).") var format: ExportRequest.Format?
    @Flag(help: "Replace an existing file or folder.") var force = false

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.export(ExportRequest(destination: destination, path: context.output.resolvePath(destination),
                                                selectors: selectors, format: format, force: force))
    }
}

extension ExportRequest.Format: ExpressibleByArgument {}

extension ExportReport: CommandResult {
    public var display: [DisplayBlock] {
        [.text("exported \(Format.plural(articles, "article version")) to \(destination) (\(format), \(ByteCount.format(bytes)))")]
    }
}
