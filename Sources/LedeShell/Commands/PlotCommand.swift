import ArgumentParser
import LedeAnalysis
import LedeSession
import LedeEngine

/// `plot dispersion TERM [SEL]`, `plot trend TERM|tag:NAME [SEL]`, `plot hist STAT [SEL]`: charts at the prompt.
struct PlotCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Charts: a term's dispersion along each article, a term's or tag's trend over time, a histogram of a per-article statistic.",
        discussion: """
        plot dispersion TERM [SEL]: each article one row, a mark where TERM occurs (a word, "a phrase" or a pattern \
        as kwic takes), with Juilland's D and Gries's DP over --parts equal parts of it; over the selection, DP with \
        the articles as parts. plot trend TERM|tag:NAME [SEL]: per million tokens (a term) or % of articles (a tag) \
        per --by day|week|month|year of the articles' dates (published, else modified); undated articles are counted \
        apart. plot hist STAT [SEL]: STAT is one of \(ArticleStatistic.allCases.map(\.rawValue).joined(separator: ", ")). \
        Charts fit the terminal; --json, CSV and plain output give the numbers behind them.
        """)

    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case dispersion, trend, hist
        init?(argument: String) {
            switch argument.lowercased() {
            case "dispersion", "disp": self = .dispersion
            case "trend", "trends": self = .trend
            case "hist", "histogram": self = .hist
            default: return nil
            }
        }
    }

    @Argument(help: "dispersion, trend or hist.") var kind: Kind
    @Argument(help: "The term (dispersion, trend), tag:NAME (trend) or the statistic (hist); then the articles (default: all).")
    var arguments: [String] = []
    @Option(help: "trend: day, week, month or year (default: fits the dates' span).") var by: TimeUnit?
    @Option(help: "trend: bars or line.") var style: TrendChart.Style?
    @Option(help: "dispersion: equal parts of each article for D and DP (2–1,000; default 10).") var parts: Int?
    @Option(help: "dispersion: rows to show (0: all; 0–100,000,000; default 40).") var rows: Int?
    @Flag(name: .customLong("with-empty"), help: "dispersion: list articles without a hit too.") var withEmpty = false
    @Option(help: "dispersion: rows in selection order or by hits.") var sort: DispersionRequest.Order?
    @Option(help: "hist: about how many bins (1–200; default: Sturges's rule).") var bins: Int?

    static let argumentKind = ArgumentKind.words

    func validate() throws {
        guard let subject = arguments.first, !subject.isEmpty else {
            throw ValidationError(kind == .hist ? "name a statistic: plot hist words" : "name a term: plot \(kind.rawValue) TERM")
        }
        if kind == .hist, ArticleStatistic(name: subject) == nil {
            throw ValidationError("unknown statistic '\(subject)' (give one of \(ArticleStatistic.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let parts { try OptionLimits.check(parts, in: 2...1_000, "--parts") }
        if let rows { try OptionLimits.check(rows, in: OptionLimits.rows, "--rows") }
        if let bins { try OptionLimits.check(bins, in: 1...Histogram.maximumBins, "--bins") }
        let misplaced: [(String, Bool, Kind)] = [("--by", by != nil, .trend), ("--style", style != nil, .trend),
                                                  ("--parts", parts != nil, .dispersion), ("--rows", rows != nil, .dispersion),
                                                  ("--with-empty", withEmpty, .dispersion), ("--sort", sort != nil, .dispersion),
                                                  ("--bins", bins != nil, .hist)]
        if let wrong = misplaced.first(where: { $0.1 && $0.2 != kind }) {
            throw ValidationError("\(wrong.0) applies to 'plot \(wrong.2.rawValue)', not 'plot \(kind.rawValue)'")
        }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let subject = arguments[0], selectors = Array(arguments.dropFirst())
        let engine = context.engine
        switch kind {
        case .dispersion:
            return try engine.dispersion(DispersionRequest(term: subject, selectors: selectors, parts: parts ?? 10, rows: rows ?? 40,
                                                           includeEmpty: withEmpty, order: sort ?? .selection))
        case .trend:
            let isTag = subject.lowercased().hasPrefix("tag:") && subject.count > 4
            let request = TrendRequest(subject: isTag ? .tag(String(subject.dropFirst(4))) : .term(subject), selectors: selectors, unit: by)
            return TrendPlot(report: try engine.trend(request), style: style ?? .bars)
        case .hist:
            return try engine.histogram(HistogramRequest(statistic: ArticleStatistic(name: subject)!, selectors: selectors, bins: bins))
        }
    }
}

extension TimeUnit: ExpressibleByArgument {}
extension TrendChart.Style: ExpressibleByArgument {}
extension DispersionRequest.Order: ExpressibleByArgument {}
