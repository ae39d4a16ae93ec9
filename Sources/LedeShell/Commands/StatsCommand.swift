import ArgumentParser
import LedeAnalysis
import LedeSession
import LedeEngine

struct StatsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts, lexical diversity and readability per article and for the selection.",
        discussion: """
        Words are tokens (numbers, URLs and e-mail addresses included); syllables from CMUdict, else rules. \
        Complex words (Gunning Fog): 3+ syllables, except capitalised words inside a sentence (names), \
        hyphenated compounds and words made 3 syllables by -es/-ed/-ing. SMOG counts every 3+ syllable word \
        and scales all sentences to 30. Dale–Chall difficult words: not on the 2,950-word easy list, names and \
        numbers excepted. MATTR window 100; MTLD threshold 0.72, both directions. Reading time at 238 words \
        a minute. --explain lists the sentences and how each word was counted.
        """)

    @Argument(help: "Articles (default: all).") var selectors: [String] = []
    @Option(help: "article: also a row per article (the first --rows of them; > FILE.csv gets one row each).") var by: Grouping?
    @Flag(help: "Show what was counted: sentences, each word's syllables, complex and difficult words (20 articles at most).") var explain = false
    @Option(help: "Per-article rows to keep in the result (0: all); the selection's figures always cover every article.") var rows = 50

    func validate() throws {
        try OptionLimits.check(rows, in: OptionLimits.rows, "--rows")
    }

    enum Grouping: String, ExpressibleByArgument, CaseIterable { case article }

    func run(_ context: CommandContext) throws -> any CommandResult {
        StatsResult(report: try context.engine.stats(StatsRequest(selectors: selectors, explain: explain, rows: rows)), byArticle: by == .article)
    }
}

/// The statistics as asked for: the selection's figures first; a row per article with `--by article`.
struct StatsResult: CommandResult {
    var report: StatsReport
    var byArticle: Bool
    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
    var display: [DisplayBlock] { report.blocks(byArticle: byArticle) }

    /// One table: a row for the selection, or (`--by article`) one per article; every measure a column.
    var dataTable: DataTable? {
        let node: DataNode?
        if byArticle {
            node = try? DataNode.encode(report.articles).wrapped("articles")
        } else {
            node = (try? DataNode.encode(report.selection)).map { .object([("articles", .int(report.articleCount))] + ($0.members ?? [])) }
        }
        return node.map(DataTable.from)
    }
}

extension DataNode {
    var members: [(String, DataNode)]? { if case .object(let m) = self { return m }; return nil }
    func wrapped(_ key: String) -> DataNode { .object([(key, self)]) }
}

extension StatsReport {
    func blocks(byArticle: Bool) -> [DisplayBlock] {
        var out: [DisplayBlock] = []
        for e in explanations ?? [] {
            out.append(.table(Table(title: "\(e.article): sentences", columns: [.init("#", .right), .init("sentence", shrinkable: true)],
                                    rows: e.sentences.enumerated().map { [String($0.offset + 1), $0.element] })))
            out.append(.table(Table(title: "\(e.article): words",
                                    columns: [.init("#", .right), .init("word"), .init("syllables", .right), .init("3+", .left),
                                              .init("complex (Fog)"), .init("difficult (Dale–Chall)")],
                                    rows: e.words.enumerated().map { i, w in
                                        [String(i + 1), w.word, String(w.syllables), w.polysyllable ? "yes" : "", w.complex ? "yes" : "", w.difficult ? "yes" : ""]
                                    })))
        }
        var perArticle: DisplayBlock?
        if byArticle {
            // At a narrow width the scores go in this order: SMOG, ARI, CLI, DC, MTLD, TTR, w/sent, FK, Fog, sentences.
            perArticle = .table(Table(
                columns: [.init("article"), .init("words", .right), .init("sent.", .right, dropOrder: 10), .init("w/sent", .right, dropOrder: 7),
                          .init("TTR", .right, dropOrder: 6), .init("MTLD", .right, dropOrder: 5), .init("FRE", .right), .init("FK", .right, dropOrder: 8),
                          .init("Fog", .right, dropOrder: 9), .init("SMOG", .right, dropOrder: 1), .init("CLI", .right, dropOrder: 3),
                          .init("ARI", .right, dropOrder: 2), .init("DC", .right, dropOrder: 4), .init("lang", dropOrder: 11),
                          .init("title", shrinkable: true, wholeWords: true)]
                    + (hasOtherReadability ? [.init("other readability", shrinkable: true, wholeWords: true)] : []),
                rows: articles.map { a in
                    let s = a.stats, r = s.readability
                    return [a.article, Format.int(s.words), Format.int(s.sentences), Format.fixed(s.meanSentenceLength, 1),
                            Format.fixed(s.ttr, 3), Format.fixed(s.mtld, 1)]
                        + [r.fleschReadingEase, r.fleschKincaidGrade, r.gunningFog, r.smog, r.colemanLiau,
                           r.automatedReadabilityIndex, r.daleChall].map(Self.score) + [a.language ?? "", a.title ?? ""]
                        + (hasOtherReadability ? [Self.otherReadability(a.languageReadability, note: a.readabilityNote)] : [])
                },
                footer: articles.count < articleCount ? "\(articles.count) of \(Format.plural(articleCount, "article")) (--rows 0 for all)" : nil))
        }
        let s = selection
        let title = articleCount == 1 && !articles.isEmpty ? articles[0].article + (articles[0].title.map { ": " + $0 } ?? "")
            : "selection: \(Format.plural(articleCount, "article"))"
        var fields: [(String, String)] = [
            ("characters", "\(Format.int(s.characters)) (\(Format.int(s.charactersNoSpaces)) without spaces)"),
            ("words", Format.int(s.words)),
            ("unique words", Format.int(s.uniqueWords)),
            ("sentences", Format.int(s.sentences)),
            ("paragraphs", Format.int(s.paragraphs)),
            ("syllables", Format.int(s.counts.syllables)),
            ("mean sentence length", Format.fixed(s.meanSentenceLength, 2) + " words"),
            ("mean word length", Format.fixed(s.meanWordLength, 2) + " letters and digits"),
            ("TTR", Format.fixed(s.ttr, 4)),
            ("MATTR (window \(TextStatistics.mattrWindow))", Format.fixed(s.mattr, 4)),
            ("MTLD (\(TextStatistics.mtldThreshold))", Format.fixed(s.mtld, 2)),
            ("reading time", Self.readingTime(s.readingMinutes) + " at \(Int(wordsPerMinute)) words/min"),
            ("numbers", Format.int(s.numbers)),
            ("quotations", Format.int(s.quotations)),
            ("complex words (Fog)", Format.int(s.counts.complexWords)),
            ("polysyllables (SMOG)", Format.int(s.counts.polysyllables)),
            ("difficult words (Dale–Chall)", Format.int(s.counts.difficultWords)),
        ]
        if languages.count > 1 || languages.keys.first.map({ $0 != "en" && $0 != "unknown" }) == true {
            fields.append(("languages", languages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        }
        if let note = readabilityNote { fields.append(("readability", note)) }
        else if let scores = languageReadability { fields += scores.map { ($0.formula, Self.score($0.score)) } }
        else { fields += s.readability.all.map { ($0.0, Self.score($0.1)) } }
        out.append(.fields(title: title, fields))
        if let perArticle { out.append(perArticle) }
        else if articleCount > 1 { out.append(.text("(a row per article: stats --by article)")) }
        return out
    }

    static func score(_ x: Double?) -> String { x.map { Format.fixed($0, 2) } ?? "–" }

    /// Whether any article is scored by another language's formulas or has a note instead.
    var hasOtherReadability: Bool { articles.contains { $0.languageReadability != nil || $0.readabilityNote != nil } }

    static func otherReadability(_ scores: [StatsReport.NamedScore]?, note: String?) -> String {
        if let scores { return scores.map { "\($0.formula) \(score($0.score))" }.joined(separator: ", ") }
        return note ?? ""
    }

    static func readingTime(_ minutes: Double) -> String {
        let seconds = Int((minutes * 60).rounded())
        return seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min \(seconds % 60) s"
    }
}
