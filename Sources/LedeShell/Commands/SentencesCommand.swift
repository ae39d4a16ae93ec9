import ArgumentParser
import LedeSession
import LedeEngine

struct SentencesCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "List the sentences of articles with their numbers and word counts (what stats counts).")

    @Argument(help: "Articles.") var selectors: [String] = []
    @Option(help: "Show at most this many sentences (0: all).") var limit = 0

    func validate() throws {
        if selectors.isEmpty { throw ValidationError("name the articles, e.g. sentences a1") }
        try OptionLimits.check(limit, in: OptionLimits.rows, "--limit")
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.sentences(SentencesRequest(selectors: selectors, limit: limit))
    }
}

extension SentencesReport: CommandResult {
    public var display: [DisplayBlock] {
        [.table(Table(columns: [.init("article"), .init("#", .right), .init("words", .right), .init("sentence", shrinkable: true)],
                      rows: sentences.map { [$0.article, String($0.number), String($0.words), $0.text] },
                      footer: sentences.count < total ? "\(Format.int(sentences.count)) of \(Format.plural(total, "sentence"))"
                                                      : Format.plural(total, "sentence")))]
    }
}
