import ArgumentParser
import Foundation
import LedeAnalysis
import LedeSession
import LedeEngine

struct TopicsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Discover topics with LDA: top words per topic, each article's mixture, coherence; --k 3..10 sweeps k.",
        discussion: """
        Collapsed Gibbs sampling over word stems (stopwords, numbers, stems in fewer than --min-df articles or in \
        more than half of them left out), α = 5/k, β = 0.01, fixed seed. Coherence is UMass over each topic's \
        top 10 words (closer to 0 is better). --label-from folder also reports purity against those labels.
        """)

    @Argument(help: "Articles (default: all).") var selectors: [String] = []
    @Option(help: "Number of topics (2–500), or a range A..B to sweep (default: 5).", transform: { try TopicsCommand.topicCounts($0) }) var k: ClosedRange<Int> = 5...5
    @Option(help: "Gibbs sampling sweeps (1–100,000).") var iterations: Int = 200
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Dirichlet prior on article mixtures (default 5/k).") var alpha: Double?
    @Option(help: "Dirichlet prior on topic words.") var beta: Double = 0.01
    @Option(name: .customLong("top-words"), help: "Words shown per topic (1–1,000).") var topWords: Int = 10
    @Option(name: .customLong("min-df"), help: "Leave out stems found in fewer articles than this (1–2,147,483,647).") var minDF: Int = 5
    @Option(name: .customLong("label-from"), help: "Report purity against folder or field:NAME labels.", transform: { try LabelSource(parsing: $0) })
    var labelFrom: LabelSource?
    @Option(name: .customLong("export-counts"), help: "Write the documents as word-index counts (JSON) for other tools.") var exportCounts: String?

    /// `--k 5` or `--k 3..10`.
    static func topicCounts(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.components(separatedBy: "..")
        let numbers = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 1 || parts.count == 2, let lo = numbers[0], let hi = numbers[numbers.count - 1] else {
            throw ValidationError("--k takes a number or a range like 3..10, got '\(text)'")
        }
        guard lo >= 2, hi >= lo, hi <= 500 else { throw ValidationError("--k must be from 2 to 500 (a range low..high), got '\(text)'") }
        return lo...hi
    }

    func validate() throws {
        try OptionLimits.check(iterations, in: 1...100_000, "--iterations")
        try OptionLimits.check(topWords, in: 1...1_000, "--top-words")
        if let alpha { try OptionLimits.checkPositive(alpha, "--alpha") }
        try OptionLimits.checkPositive(beta, "--beta")
        try OptionLimits.check(minDF, in: OptionLimits.minCount, "--min-df")
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.topics(TopicsRequest(selectors: selectors, k: k, iterations: iterations, seed: seed, alpha: alpha, beta: beta,
                                                topWords: topWords, minDocumentFrequency: minDF, labelFrom: labelFrom,
                                                exportCounts: exportCounts.map { context.output.resolvePath($0) }))
    }
}

extension TopicsReport: CommandResult {
    public var display: [DisplayBlock] {
        var blocks: [DisplayBlock] = []
        if let sweep {
            blocks.append(.table(Table(title: "coherence by k (UMass, closer to 0 is better)",
                                       columns: [.init("k", .right), .init("coherence", .right)] + (sweep.first?.purity != nil ? [.init("purity", .right)] : []),
                                       rows: sweep.map { [String($0.k), Format.fixed($0.coherence, 3)] + ($0.purity.map { [Format.fixed($0, 3)] } ?? []) })))
            blocks.append(.text("showing k = \(k), the most coherent"))
        }
        blocks.append(.table(Table(title: "\(k) topics over \(Format.plural(articles, "article")), \(Format.int(vocabulary)) stems, \(Format.int(tokens)) tokens",
                                   columns: [.init("topic", .right), .init("articles", .right), .init("coherence", .right), .init("top words", shrinkable: true)],
                                   rows: topics.map { [String($0.topic), Format.int($0.articles), Format.fixed($0.coherence, 3), $0.words.joined(separator: " ")] })))
        let shown = mixtures.prefix(50)
        blocks.append(.table(Table(title: "article mixtures" + (mixtures.count > shown.count ? " (first \(shown.count) of \(mixtures.count); all in --json)" : ""),
                                   columns: [.init("id"), .init("topic", .right)] + (0..<k).map { .init("t\($0)", .right) } + [.init("title", shrinkable: true)],
                                   rows: shown.map { m in [m.id, String(m.topic)] + m.mixture.map { Format.fixed($0, 2) } + [m.title ?? ""] })))
        var summary = "coherence \(Format.fixed(coherence, 3))"
        if let purity { summary += ", purity \(Format.fixed(purity, 3))" }
        summary += "; \(iterations) Gibbs sweeps, seed \(seed), \(Format.seconds(seconds))"
        blocks.append(.text(summary))
        return blocks
    }
}
