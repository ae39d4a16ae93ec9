import ArgumentParser
import LedeText
import LedeAnalysis
import LedeSession

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
    @Option(help: "How many terms to show (per group).") var top = 20
    @Flag(help: "Count stems (Snowball English) instead of word forms.") var stem = false
    @Option(help: "Count n-grams of N words (2–5).") var ngram = 1
    @Flag(help: "Rank by TF-IDF instead of frequency.") var tfidf = false
    @Option(name: .customLong("min-count"), help: "Leave out terms seen fewer times.") var minCount = 1
    @Option(help: "Stopwords to leave out: none, a language (English: function words; others: the jusText lists) or a file.") var stopwords = "English"
    @Option(help: "Compare groups: source, date or article.") var by: StatisticsSupport.Grouping?

    func validate() throws {
        try OptionLimits.check(top, in: OptionLimits.count, "--top")
        if !(1...5).contains(ngram) { throw ValidationError("--ngram \(ngram): give 2 to 5 (or 1 for single words)") }
        try OptionLimits.check(minCount, in: OptionLimits.minCount, "--min-count")
    }

    struct Group: Codable {
        var group: String
        var articles: Int
        var tokens: Int
        var terms: [TermFrequency]
    }

    struct Result: CommandResult {
        var ranking: String
        var ngram: Int
        var stemmed: Bool
        var stopwords: String
        var groups: [Group]

        var display: [DisplayBlock] {
            groups.map { g in
                let scoreColumn: [Table.Column] = ranking == "tfidf" ? [.init("tf-idf", .right)] : []
                let top = ranking == "tfidf" ? (g.terms.first?.tfidf ?? 0) : Double(g.terms.first?.count ?? 0)
                return .table(Table(
                    title: groups.count > 1 || g.group != "selection" ? g.group : nil,
                    columns: [.init("#", .right), .init(ngram > 1 ? "n-gram" : (stemmed ? "stem" : "word"), shrinkable: true)]
                        + scoreColumn + [.init("count", .right), .init("per million", .right), .init("docs", .right), .init("range", .right)],
                    rows: g.terms.enumerated().map { i, t in
                        [String(i + 1), t.term] + (ranking == "tfidf" ? [Format.fixed(t.tfidf ?? 0, 4)] : [])
                            + [Format.int(t.count), Format.fixed(t.perMillion, 1), Format.int(t.documentFrequency),
                               Format.fixed(t.range, 1) + "%"]
                    },
                    bars: g.terms.map { top > 0 ? (ranking == "tfidf" ? ($0.tfidf ?? 0) : Double($0.count)) / top : 0 },
                    footer: "\(Format.plural(g.articles, "article")), \(Format.int(g.tokens)) tokens; stopwords: \(stopwords)"))
            }
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let selection = try StatisticsSupport.select(selectors, shell: shell)
        let stops = try StatisticsSupport.stopwords(stopwords, shell: shell, verb: Self.verb)
        let forms = shell.workspace.vocabulary.allForms()
        let units = try StatisticsSupport.units(vocabulary: shell.workspace.vocabulary, forms: forms, stopwords: stops, ngram: ngram, stem: stem)
        let groups = StatisticsSupport.group(selection, by: by)
        // TF-IDF's idf comes from the whole selection, so groups are ranked on one scale.
        var whole = FrequencyTable()
        if tfidf { try whole.add(selection.map(\.version.text), units: units) }
        var out: [Group] = []
        for (name, items) in groups {
            let texts = items.map(\.version.text)
            var table = FrequencyTable()
            try table.add(texts, units: units)
            let terms = tfidf
                ? try TfIdf.top(texts, units: units, idfFrom: whole, countsFrom: table, top: top, minCount: minCount)
                : table.top(top, minCount: minCount, units: units)
            out.append(Group(group: name, articles: items.count, tokens: table.tokens, terms: terms))
        }
        return Result(ranking: tfidf ? "tfidf" : "frequency", ngram: ngram, stemmed: stem, stopwords: stops.name, groups: out)
    }
}
