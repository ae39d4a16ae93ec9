import ArgumentParser
import LedeText
import LedeSession

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

    struct Row: Codable { var article: String; var number: Int; var words: Int; var text: String }
    struct Result: CommandResult {
        var total: Int
        var sentences: [Row]
        var display: [DisplayBlock] {
            [.table(Table(columns: [.init("article"), .init("#", .right), .init("words", .right), .init("sentence", shrinkable: true)],
                          rows: sentences.map { [$0.article, String($0.number), String($0.words), $0.text] },
                          footer: sentences.count < total ? "\(Format.int(sentences.count)) of \(Format.plural(total, "sentence"))"
                                                          : Format.plural(total, "sentence")))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let selection = try StatisticsSupport.select(selectors, shell: shell)
        var rows: [Row] = []
        var total = 0
        for s in selection {
            let text = s.version.text
            var n = 0
            for span in text.sentences where !span.tokens.isEmpty {
                n += 1; total += 1
                if limit == 0 || rows.count < limit {
                    rows.append(Row(article: StatisticsSupport.label(s), number: n, words: span.tokens.count,
                                    text: StatisticsSupport.oneLine(text.text(span.bytes))))
                }
            }
        }
        return Result(total: total, sentences: rows)
    }
}
