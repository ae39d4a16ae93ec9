import ArgumentParser
import LedeText
import LedeAnalysis
import LedeSession

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
    @Option(help: "Words of context on each side.") var window = 6
    @Option(help: "Order: text (as found), left (by the words before) or right (by the words after).") var sort = "text"
    @Option(help: "Show at most this many lines (0: all).") var limit = 0

    func validate() throws {
        if term.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a word or phrase to search for") }
        if !(0...50).contains(window) { throw ValidationError("--window must be between 0 and 50 words") }
        if Concordance.Sort(rawValue: sort) == nil { throw ValidationError("--sort must be text, left or right") }
        try OptionLimits.check(limit, in: OptionLimits.rows, "--limit")
    }

    struct Result: CommandResult {
        var term: String
        var matches: Int
        var lines: [ConcordanceLine]
        var display: [DisplayBlock] {
            [.table(Table(columns: [.init("article"), .init("#", .right), .init("left", .right, shrinkable: true),
                                    .init("match"), .init("right", shrinkable: true)],
                          rows: lines.map { [$0.article, String($0.position), $0.left, $0.match, $0.right] },
                          footer: lines.count < matches ? "\(Format.int(lines.count)) of \(Format.plural(matches, "match", "matches"))"
                                                        : Format.plural(matches, "match", "matches")))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let selection = try StatisticsSupport.select(selectors, shell: shell)
        let forms = shell.workspace.vocabulary.allForms()
        let pattern: TermPattern
        do { pattern = try TermPattern(term, forms: forms) } catch { throw CommandError("kwic: \(error)") }
        var lines = try Concordance.lines(pattern, in: selection.map { (StatisticsSupport.label($0), $0.version.text) },
                                          window: window, sort: Concordance.Sort(rawValue: sort)!, forms: forms)
        let total = lines.count
        if limit > 0 && lines.count > limit { lines.removeLast(lines.count - limit) }
        return Result(term: term, matches: total, lines: lines)
    }
}
