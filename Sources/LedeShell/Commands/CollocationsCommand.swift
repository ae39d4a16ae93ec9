import ArgumentParser
import LedeText
import LedeAnalysis
import LedeSession

struct CollocationsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "collocations",
        abstract: "Words that keep company with a term within a window: PMI, log-likelihood, t-score or logDice.",
        discussion: """
        Window-based: the --window words on each side of every occurrence of TERM (a word, phrase or \
        pattern, as for kwic). Expected E = W·f/N for W window slots, collocate frequency f, N tokens. \
        pmi = log2(O/E); tscore = (O−E)/√O; ll = G² of the 2×2 table, negative below chance; \
        logdice = 14 + log2(2·O/(f_term + f)).
        """)
    static let argumentKind = ArgumentKind.words

    @Argument(help: "The word, phrase or pattern.") var term: String
    @Argument(help: "Articles (default: all).") var selectors: [String] = []
    @Option(help: "Words on each side.") var window = 5
    @Option(help: "pmi, ll, tscore or logdice.") var measure = "logdice"
    @Option(name: .customLong("min-freq"), help: "Leave out collocates seen fewer times near the term.") var minFreq = 3
    @Option(help: "How many collocates to show.") var top = 20
    @Option(help: "Stopwords to leave out as collocates: none, a language (English: function words) or a file.") var stopwords = "English"

    func validate() throws {
        if term.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a word or phrase") }
        if !(1...50).contains(window) { throw ValidationError("--window must be between 1 and 50 words") }
        if Collocations.Measure(rawValue: measure.lowercased()) == nil { throw ValidationError("--measure must be pmi, ll, tscore or logdice") }
        try OptionLimits.check(minFreq, in: OptionLimits.minCount, "--min-freq")
        try OptionLimits.check(top, in: OptionLimits.count, "--top")
    }

    struct Result: CommandResult {
        var term: String
        var measure: String
        var window: Int
        var termFrequency: Int
        var windowSlots: Int
        var tokens: Int
        var collocates: [Collocate]
        var display: [DisplayBlock] {
            let best = collocates.first?.score ?? 0
            let worst = min(0, collocates.last?.score ?? 0)
            return [.table(Table(
                columns: [.init("#", .right), .init("collocate", shrinkable: true), .init(measure, .right), .init("together", .right),
                          .init("left", .right), .init("right", .right), .init("frequency", .right), .init("expected", .right)],
                rows: collocates.enumerated().map { i, c in
                    [String(i + 1), c.collocate, Format.fixed(c.score, 2), Format.int(c.together), Format.int(c.left),
                     Format.int(c.right), Format.int(c.frequency), Format.fixed(c.expected, 2)]
                },
                bars: collocates.map { best > worst ? ($0.score - worst) / (best - worst) : 0 },
                footer: "'\(term)' \(Format.plural(termFrequency, "time")); ±\(window) words; \(Format.int(tokens)) tokens"))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let selection = try StatisticsSupport.select(selectors, shell: shell)
        let forms = shell.workspace.vocabulary.allForms()
        let stops = try StatisticsSupport.stopwords(stopwords, shell: shell, verb: Self.verb)
        let pattern: TermPattern
        do { pattern = try TermPattern(term, forms: forms) } catch { throw CommandError("collocations: \(error)") }
        let m = Collocations.Measure(rawValue: measure.lowercased())!
        let r = try Collocations.find(pattern, in: selection.map(\.version.text), window: window, measure: m,
                                      minFreq: minFreq, top: top, stopwords: stops, forms: forms)
        if r.termFrequency == 0 { throw CommandError("collocations: '\(term)' does not occur in the selection") }
        return Result(term: term, measure: m.rawValue, window: window, termFrequency: r.termFrequency,
                      windowSlots: r.windowSlots, tokens: r.tokens, collocates: r.collocates)
    }
}
