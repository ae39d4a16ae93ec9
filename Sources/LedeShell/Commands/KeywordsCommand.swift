import ArgumentParser
import LedeAnalysis
import LedeSession
import LedeEngine

struct KeywordsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywords",
        abstract: "Most frequent words or n-grams: count, per million, document frequency, range; or ranked by TF-IDF.",
        discussion: """
        Counts words (numbers, URLs and e-mail addresses are not keywords), leaving out stopwords. \
        N-grams stay inside a sentence and may not start or end with a stopword. --tfidf ranks by the mean \
        of each article's L2-normalised TF-IDF row (scikit-learn's smooth idf). --by compares groups.
        """)

    @Argument(help: "Articles (default: all).") var selectors: [String] = []
    @OptionGroup var terms: TermOptionGroup
    @Flag(help: "Rank by TF-IDF instead of frequency.") var tfidf = false
    @Option(help: "Compare groups: source, date or article.") var by: KeywordsRequest.Grouping?

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.keywords(KeywordsRequest(selectors: selectors, terms: terms.options(defaultMinCount: 1, output: context.output),
                                                    tfidf: tfidf, by: by))
    }
}

extension KeywordsRequest.Grouping: ExpressibleByArgument {}

extension KeywordsReport: CommandResult {
    /// Range is a percentage of the articles: the column says so. The TF-IDF column only when ranked by it.
    public var dataTable: DataTable? {
        (try? DataNode.encode(self)).map { DataTable.from($0).renamed(["range": "rangePercent"]).without(ranking == "tfidf" ? [] : ["tfidf"]) }
    }

    public var display: [DisplayBlock] {
        groups.map { g in
            let byTfidf = ranking == "tfidf"
            let scoreColumn: [Table.Column] = byTfidf ? [.init("tf-idf", .right)] : []
            let top = byTfidf ? (g.terms.first?.tfidf ?? 0) : Double(g.terms.first?.count ?? 0)
            return .table(Table(
                title: groups.count > 1 || g.group != "selection" ? g.group : nil,
                columns: [.init("#", .right), .init(ngram > 1 ? "n-gram" : (stemmed ? "stem" : "word"), shrinkable: true)]
                    + scoreColumn + [.init("count", .right), .init("per million", .right), .init("docs", .right), .init("range", .right)],
                rows: g.terms.enumerated().map { i, t in
                    [String(i + 1), t.term] + (byTfidf ? [Format.fixed(t.tfidf ?? 0, 4)] : [])
                        + [Format.int(t.count), Format.fixed(t.perMillion, 1), Format.int(t.documentFrequency), Format.fixed(t.range, 1) + "%"]
                },
                bars: g.terms.map { top > 0 ? (byTfidf ? ($0.tfidf ?? 0) : Double($0.count)) / top : 0 },
                footer: "\(Format.plural(g.articles, "article")), \(Format.int(g.tokens)) tokens; stopwords: \(stopwords)"))
        }
    }
}
