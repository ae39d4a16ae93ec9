import ArgumentParser
import Foundation
import LedeText
import LedeAnalysis
import LedeSession

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
    @Option(help: "Number of topics, or a range A..B to sweep.") var k: String = "5"
    @Option(help: "Gibbs sampling sweeps.") var iterations: Int = 200
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Dirichlet prior on article mixtures (default 5/k).") var alpha: Double?
    @Option(help: "Dirichlet prior on topic words.") var beta: Double = 0.01
    @Option(name: .customLong("top-words"), help: "Words shown per topic.") var topWords: Int = 10
    @Option(name: .customLong("min-df"), help: "Leave out stems found in fewer articles than this.") var minDF: Int = 5
    @Option(name: .customLong("label-from"), help: "Report purity against folder or field:NAME labels.") var labelFrom: String?
    @Option(name: .customLong("export-counts"), help: "Write the documents as word-index counts (JSON) for other tools.") var exportCounts: String?

    func parsedK() throws -> ClosedRange<Int> {
        let parts = k.components(separatedBy: "..")
        let numbers = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (parts.count == 1 || parts.count == 2), numbers.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--k takes a number or a range like 3..10, got '\(k)'")
        }
        let lo = numbers[0]!, hi = numbers.last!!
        guard lo >= 2, hi >= lo, hi <= 500 else { throw ValidationError("--k must be from 2 to 500 (a range low..high), got '\(k)'") }
        return lo...hi
    }

    func validate() throws {
        _ = try parsedK()
        if iterations < 1 || iterations > 100_000 { throw ValidationError("--iterations must be from 1 to 100000") }
        try OptionLimits.check(topWords, in: 1...1_000, "--top-words")
        if let alpha { try OptionLimits.checkPositive(alpha, "--alpha") }
        try OptionLimits.checkPositive(beta, "--beta")
        try OptionLimits.check(minDF, in: OptionLimits.minCount, "--min-df")
        if let l = labelFrom { _ = try LabelSource(parsing: l) }
    }

    struct TopicRow: Codable { var topic: Int; var words: [String]; var coherence: Double; var articles: Int }
    struct Mixture: Codable { var id: String; var title: String?; var topic: Int; var mixture: [Double] }
    struct SweepRow: Codable { var k: Int; var coherence: Double; var purity: Double? }
    struct Result: CommandResult {
        var k: Int
        var articles: Int
        var vocabulary: Int
        var tokens: Int
        var iterations: Int
        var seed: UInt64
        var coherence: Double
        var purity: Double?
        var topics: [TopicRow]
        var mixtures: [Mixture]
        var sweep: [SweepRow]?
        var seconds: Double

        var display: [DisplayBlock] {
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

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let start = Date()
        let range = try parsedK()
        let selections = try shell.workspace.select(selectors)
        var labels: [String]?
        if let labelFrom {
            let source = try LabelSource(parsing: labelFrom)
            let raw = selections.map { source.label(of: $0.article, version: $0.version) }
            let missing = raw.filter { $0 == nil }.count
            if missing > 0 { throw CommandError("\(missing) of \(raw.count) selected articles have no \(source) label") }
            labels = raw.map { $0! }
        }
        if range.upperBound > selections.count {
            throw CommandError("--k \(range.upperBound) is more topics than the \(Format.plural(selections.count, "selected article"))")
        }
        let keys = TermKeys.of(shell.workspace.vocabulary)
        let corpus = TopicCorpus(texts: selections.map(\.version.text), keys: keys, minDocumentFrequency: minDF)
        if corpus.tokenCount == 0 { throw CommandError("the selected articles have no words left to model (try a lower --min-df)") }
        if let exportCounts {
            try TopicsCommand.export(corpus, to: shell.resolvePath(exportCounts), ids: selections.map(\.article.id))
        }
        var options = LDAModel.Options()
        options.iterations = iterations
        options.seed = seed
        options.alpha = alpha
        options.beta = beta
        var best: (model: LDAModel, coherence: Double, perTopic: [Double])?
        var sweep: [SweepRow] = []
        for kk in range {
            let model = try LDAModel.fit(corpus, k: kk, options: options)
            let perTopic = (0..<kk).map { TopicMetrics.umass(model.topWords($0, n: 10).map(\.word), corpus: corpus) }
            let coherence = perTopic.reduce(0, +) / Double(kk)
            sweep.append(SweepRow(k: kk, coherence: coherence,
                                  purity: labels.map { TopicMetrics.purity(clusters: model.dominantTopics(), labels: $0) }))
            if best == nil || coherence > best!.coherence { best = (model, coherence, perTopic) }
        }
        let model = best!.model
        let dominant = model.dominantTopics()
        var perTopicCount = [Int](repeating: 0, count: model.k)
        for t in dominant { perTopicCount[t] += 1 }
        let topics = (0..<model.k).map { t in
            TopicRow(topic: t, words: model.topWords(t, n: topWords).map { corpus.words[$0.word] }, coherence: best!.perTopic[t], articles: perTopicCount[t])
        }
        let mixtures = selections.enumerated().map { i, s in
            Mixture(id: s.article.id, title: s.version.metadata.title, topic: dominant[i],
                    mixture: model.mixture(i).map { ($0 * 1000).rounded() / 1000 })
        }
        return Result(k: model.k, articles: selections.count, vocabulary: corpus.words.count, tokens: corpus.tokenCount,
                      iterations: iterations, seed: seed, coherence: best!.coherence,
                      purity: labels.map { TopicMetrics.purity(clusters: dominant, labels: $0) },
                      topics: topics, mixtures: mixtures, sweep: range.count > 1 ? sweep : nil, seconds: Date().timeIntervalSince(start))
    }

    /// {"words": [...], "articles": [...], "counts": [[[word, count], ...], ...]}: the bag of words lede modelled.
    static func export(_ corpus: TopicCorpus, to path: String, ids: [String]) throws {
        struct Export: Encodable { var words: [String]; var articles: [String]; var counts: [[[Int]]] }
        let counts = corpus.documents.map { doc -> [[Int]] in
            var c: [Int32: Int] = [:]
            for w in doc { c[w, default: 0] += 1 }
            return c.keys.sorted().map { [Int($0), c[$0]!] }
        }
        do {
            try JSONEncoder().encode(Export(words: corpus.words, articles: ids, counts: counts)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch { throw CommandError("\(path): cannot write (\(error.localizedDescription))") }
    }
}
