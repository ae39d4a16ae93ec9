import ArgumentParser
import LedeAnalysis
import LedeSession
import LedeEngine

struct KwicCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Concordance: each occurrence of a word or phrase with the words around it.",
        discussion: """
        TERM is a word, a quoted phrase ("peace talks") or a pattern with * and ? (negotiat*), matched \
        case-insensitively; the words of a phrase must be separated by whitespace only. Rows are data: \
        --json or > file.csv keep left, match, right, article, position and byte offset.
        """)
    static let argumentKind = ArgumentKind.words

    @Argument(help: "The word, phrase or pattern.") var term: String
    @Argument(help: "Articles (default: all).") var selectors: [String] = []
    @Option(help: "Words of context on each side (0–50).") var window = 6
    @Option(help: "Order: text (as found), left (by the words before) or right (by the words after).") var sort: Concordance.Sort = .text
    @Option(help: "Show at most this many lines (0: all).") var limit = 0

    func validate() throws {
        if term.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a word or phrase to search for") }
        try OptionLimits.check(window, in: 0...50, "--window")
        try OptionLimits.check(limit, in: OptionLimits.rows, "--limit")
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.kwic(KwicRequest(term: term, selectors: selectors, window: window, sort: sort, limit: limit))
    }
}

extension Concordance.Sort: ExpressibleByArgument {}

extension KwicReport: CommandResult {
    public var display: [DisplayBlock] {
        [.table(Table(columns: [.init("article"), .init("#", .right), .init("left", .right, shrinkable: true),
                                .init("match"), .init("right", shrinkable: true)],
                      rows: lines.map { [$0.article, String($0.position), $0.left, $0.match, $0.right] },
                      footer: lines.count < matches ? "\(Format.int(lines.count)) of \(Format.plural(matches, "match", "matches"))"
                                                    : Format.plural(matches, "match", "matches")))]
    }
}
