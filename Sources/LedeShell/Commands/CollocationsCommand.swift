import ArgumentParser
import LedeAnalysis
import LedeSession
import LedeEngine

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
    @Option(help: "Words on each side (1–50).") var window = 5
    @Option(help: "pmi, ll, tscore or logdice.") var measure: Collocations.Measure = .logdice
    @Option(name: .customLong("min-freq"), help: "Leave out collocates seen fewer times near the term (1–2,147,483,647).") var minFreq = 3
    @Option(help: "How many collocates to show (1–1,000,000).") var top = 20
    @Option(help: "Stopwords to leave out as collocates: auto (each article's language), none, a language (English: function words) or a file.") var stopwords = "auto"

    func validate() throws {
        if term.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a word or phrase") }
        try OptionLimits.check(window, in: 1...50, "--window")
        try OptionLimits.check(minFreq, in: OptionLimits.minCount, "--min-freq")
        try OptionLimits.check(top, in: OptionLimits.count, "--top")
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.collocations(CollocationsRequest(term: term, selectors: selectors, window: window, measure: measure,
                                                            minFreq: minFreq, top: top, stopwords: context.output.resolveStoplist(stopwords)))
    }
}

extension Collocations.Measure: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension CollocationsReport: CommandResult {
    public var display: [DisplayBlock] {
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
