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
    @Option(help: "Order: text (as found), left (by the words before, nearest first), right (by the words after), or positions as in AntConc: L1 (the word before), R2 (the second after), M (the match), in turn: R1,R2.")
    var sort: Concordance.Sort = .text
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

extension Concordance.Sort: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { ["text", "left", "right", "L1", "L2", "R1", "R2", "M"] }
    public var defaultValueDescription: String { description }
}

extension KwicReport: CommandResult {
    public var display: [DisplayBlock] {
        // Context is cut at its far ends (the words next to the match stay); at a narrow width the word number,
        // then the article, are left out.
        [.table(Table(columns: [.init("article", dropOrder: 2), .init("#", .right, dropOrder: 1),
                                .init("left", .right, shrinkable: true, cutsStart: true, minWidth: 16), .init("match"),
                                .init("right", shrinkable: true, minWidth: 16, wholeWords: true)],
                      rows: lines.map { [$0.article, String($0.position), $0.left, $0.match, $0.right] },
                      footer: lines.count < matches ? "\(Format.int(lines.count)) of \(Format.plural(matches, "match", "matches"))"
                                                    : Format.plural(matches, "match", "matches")))]
    }
}
