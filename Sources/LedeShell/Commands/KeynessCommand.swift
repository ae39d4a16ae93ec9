import ArgumentParser
import LedeText
import LedeAnalysis
import LedeSession

struct KeynessCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyness",
        abstract: "Words over- or under-used in a selection against a reference: log-likelihood, log ratio, %DIFF, p.",
        discussion: """
        The reference (--vs) defaults to the rest of the workspace. G² is shown over the two frequency cells \
        and over all four cells of the 2×2 table (the ranking, and p from χ² with one degree of freedom). \
        Log ratio and %DIFF take a zero count as 0.5.
        """)

    @Argument(help: "The target articles.") var selectors: [String] = []
    @Option(parsing: .upToNextOption, help: "The reference articles (default: every other article).") var vs: [String] = []
    @Option(help: "How many terms to show.") var top = 20
    @Flag(help: "Compare stems (Snowball English) instead of word forms.") var stem = false
    @Option(help: "Compare n-grams of N words (2–5).") var ngram = 1
    @Option(name: .customLong("min-count"), help: "Leave out terms seen fewer times in target and reference together.") var minCount = 3
    @Option(help: "Stopwords to leave out: none, a language (English) or a file.") var stopwords = "English"
    @Option(help: "over (more frequent in the target), under, or both.") var direction = "both"

    func validate() throws {
        if selectors.isEmpty { throw ValidationError("name the target articles, e.g. keyness tag:politics --vs tag:sport") }
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if !(1...5).contains(ngram) { throw ValidationError("--ngram \(ngram): give 2 to 5 (or 1 for single words)") }
        if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
        if !["over", "under", "both"].contains(direction) { throw ValidationError("--direction must be over, under or both") }
    }

    struct Result: CommandResult {
        var target: Int
        var targetTokens: Int
        var reference: Int
        var referenceTokens: Int
        var terms: [KeynessScore]

        var display: [DisplayBlock] {
            let maxLL = terms.map(\.logLikelihood4).max() ?? 0
            return [.table(Table(
                columns: [.init("#", .right), .init("term", shrinkable: true), .init("target", .right), .init("reference", .right),
                          .init("G² (2)", .right), .init("G² (4)", .right), .init("log ratio", .right), .init("%DIFF", .right),
                          .init("p", .right), .init("")],
                rows: terms.enumerated().map { i, t in
                    [String(i + 1), t.term, Format.int(t.targetCount), Format.int(t.referenceCount),
                     Format.fixed(t.logLikelihood2, 2), Format.fixed(t.logLikelihood4, 2), Format.fixed(t.logRatio, 2),
                     Format.fixed(t.percentDiff, 1), t.p < 0.0001 ? "<0.0001" : Format.fixed(t.p, 4), t.direction == "over" ? "+" : (t.direction == "under" ? "−" : "=")]
                },
                bars: terms.map { maxLL > 0 ? $0.logLikelihood4 / maxLL : 0 },
                footer: "target: \(Format.plural(target, "article")), \(Format.int(targetTokens)) tokens; "
                    + "reference: \(Format.plural(reference, "article")), \(Format.int(referenceTokens)) tokens"))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let target = try StatisticsSupport.select(selectors, shell: shell)
        let reference: [Selection]
        if vs.isEmpty {
            let picked = Set(target.map { ObjectIdentifier($0.article) })
            reference = shell.workspace.articles.filter { !picked.contains(ObjectIdentifier($0)) }
                .map { Selection(article: $0, version: $0.latest) }
            if reference.isEmpty { throw CommandError("keyness: no articles left for the reference; name one with --vs SEL") }
        } else {
            reference = try StatisticsSupport.select(vs, shell: shell)
            let targetVersions = Set(target.map { ObjectIdentifier($0.version) })
            if let shared = reference.first(where: { targetVersions.contains(ObjectIdentifier($0.version)) }) {
                throw CommandError("keyness: \(StatisticsSupport.label(shared)) is in both the target and the reference (--vs)")
            }
        }
        let stops = try StatisticsSupport.stopwords(stopwords, shell: shell, verb: Self.verb)
        let units = try StatisticsSupport.units(vocabulary: shell.workspace.vocabulary, forms: shell.workspace.vocabulary.allForms(), stopwords: stops, ngram: ngram, stem: stem)
        var t = FrequencyTable(), r = FrequencyTable()
        try t.add(target.map(\.version.text), units: units)
        try r.add(reference.map(\.version.text), units: units)
        if t.tokens == 0 { throw CommandError("keyness: the target has no words") }
        if r.tokens == 0 { throw CommandError("keyness: the reference has no words") }
        let terms = Keyness.compare(target: t, reference: r, units: units, top: top, minCount: minCount,
                                    direction: direction == "both" ? nil : direction)
        return Result(target: target.count, targetTokens: t.tokens, reference: reference.count, referenceTokens: r.tokens, terms: terms)
    }
}
