import ArgumentParser
import LedeAnalysis
import LedeSession
import LedeEngine

struct KeynessCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyness",
        abstract: "Words over- or under-used in a selection against a reference: log-likelihood, log ratio, %DIFF, p.",
        discussion: """
        The reference (--vs) defaults to the rest of the workspace. It may also be a reference corpus on disk, \
        not added to the workspace: a file or folder of articles (read as 'load' reads them), or a word list \
        with counts (.tsv or .csv: word and count columns, a header naming them, or AntConc's export with its \
        '#Word Tokens: N' line). A list's corpus size is that stated size, else the sum of its counts, so a \
        list should hold every word, stopwords included. G² is shown over the two frequency cells and over \
        all four cells of the 2×2 table (the ranking, and p from χ² with one degree of freedom). Log ratio \
        and %DIFF take a zero count as 0.5.
        """)

    @Argument(help: "The target articles.") var selectors: [String] = []
    @Option(parsing: .upToNextOption, help: "The reference: articles, or a file or folder of them, or a word list (default: every other article).")
    var vs: [String] = []
    @OptionGroup var terms: TermOptionGroup
    @Option(help: "over (more frequent in the target), under, or both.") var direction: KeynessRequest.Direction = .both
    @Flag(name: .customLong("drop-shared"), help: "Leave out of both sides the articles they share (else they are refused).") var dropShared = false

    func validate() throws {
        if selectors.isEmpty { throw ValidationError("name the target articles, e.g. keyness tag:politics --vs tag:sport") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let report = try context.engine.keyness(KeynessRequest(
            selectors: selectors, reference: vs.map { .init(value: $0, path: context.output.resolvePath($0)) },
            terms: terms.options(defaultMinCount: 3, output: context.output), direction: direction, dropShared: dropShared))
        for warning in report.warnings { context.output.warn(warning) }
        return report
    }
}

extension KeynessRequest.Direction: ExpressibleByArgument {}

extension KeynessReport.ReferenceFile {
    var summary: String {
        if let listTerms {
            return "\(path) (word list, \(Format.plural(listTerms, "term"))\(sizeStated == true ? "" : "; size: the sum of its counts"))"
        }
        return "\(path) (\(Format.plural(articles ?? 0, "article")))"
    }
}

extension KeynessReport: CommandResult {
    var referenceLabel: String {
        var parts = reference > 0 || referenceFiles.isEmpty ? [Format.plural(reference, "article")] : []
        parts += referenceFiles.map(\.summary)
        return parts.joined(separator: " + ")
    }

    public var display: [DisplayBlock] {
        let maxLL = terms.map(\.logLikelihood4).max() ?? 0
        return [.table(Table(
            // At a narrow width: G² (2), then %DIFF, p, #, log ratio are left out, in that order.
            columns: [.init("#", .right, dropOrder: 4), .init("term", shrinkable: true), .init("target", .right, short: "tgt"),
                      .init("reference", .right, short: "ref"), .init("G² (2)", .right, dropOrder: 1), .init("G² (4)", .right, short: "G²"),
                      .init("log ratio", .right, short: "LR", dropOrder: 5), .init("%DIFF", .right, dropOrder: 2),
                      .init("p", .right, dropOrder: 3), .init("±")],
            rows: terms.enumerated().map { i, t in
                [String(i + 1), t.term, Format.int(t.targetCount), Format.int(t.referenceCount),
                 Format.fixed(t.logLikelihood2, 2), Format.fixed(t.logLikelihood4, 2), Format.fixed(t.logRatio, 2),
                 Format.fixed(t.percentDiff, 1), t.p < 0.0001 ? "<0.0001" : Format.fixed(t.p, 4),
                 t.direction == "over" ? "+" : (t.direction == "under" ? "−" : "=")]
            },
            bars: terms.map { maxLL > 0 ? $0.logLikelihood4 / maxLL : 0 },
            footer: "target: \(Format.plural(target, "article")), \(Format.int(targetTokens)) tokens; "
                + "reference: \(referenceLabel), \(Format.int(referenceTokens)) tokens"
                + (shared > 0 ? "; \(Format.plural(shared, "article")) in both left out" : "")))]
    }
}
