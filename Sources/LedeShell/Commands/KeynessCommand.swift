import Foundation
import ArgumentParser
import LedeText
import LedeAnalysis
import LedeSession

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
    @Option(parsing: .upToNextOption, help: "The reference: articles, or a file or folder of them, or a word list (default: every other article).") var vs: [String] = []
    @Option(help: "How many terms to show.") var top = 20
    @Flag(help: "Compare stems (Snowball English) instead of word forms.") var stem = false
    @Option(help: "Compare n-grams of N words (2–5).") var ngram = 1
    @Option(name: .customLong("min-count"), help: "Leave out terms seen fewer times in target and reference together.") var minCount = 3
    @Option(help: "Stopwords to leave out: none, a language (English: function words; others: the jusText lists) or a file.") var stopwords = "English"
    @Option(help: "over (more frequent in the target), under, or both.") var direction = "both"

    func validate() throws {
        if selectors.isEmpty { throw ValidationError("name the target articles, e.g. keyness tag:politics --vs tag:sport") }
        try OptionLimits.check(top, in: OptionLimits.count, "--top")
        if !(1...5).contains(ngram) { throw ValidationError("--ngram \(ngram): give 2 to 5 (or 1 for single words)") }
        try OptionLimits.check(minCount, in: OptionLimits.minCount, "--min-count")
        if !["over", "under", "both"].contains(direction) { throw ValidationError("--direction must be over, under or both") }
    }

    struct Result: CommandResult {
        var target: Int
        var targetTokens: Int
        var reference: Int
        var referenceTokens: Int
        /// Reference corpora read from disk (`--vs PATH`), each described as it is in the footer.
        var referenceFiles: [ReferenceFile] = []
        var terms: [KeynessScore]

        struct ReferenceFile: Codable {
            var path: String
            var articles: Int?
            var listTerms: Int?
            /// For a word list: whether it stated its corpus size (else the size is the sum of its counts).
            var sizeStated: Bool?
            var tokens: Int
            var description: String {
                if let listTerms {
                    return "\(path) (word list, \(Format.plural(listTerms, "term"))\(sizeStated == true ? "" : "; size: the sum of its counts"))"
                }
                return "\(path) (\(Format.plural(articles ?? 0, "article")))"
            }
        }

        var referenceLabel: String {
            var parts = reference > 0 || referenceFiles.isEmpty ? [Format.plural(reference, "article")] : []
            parts += referenceFiles.map(\.description)
            return parts.joined(separator: " + ")
        }

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
                    + "reference: \(referenceLabel), \(Format.int(referenceTokens)) tokens"))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let target = try StatisticsSupport.select(selectors, shell: shell)
        var (reference, referencePaths) = try splitReference(shell: shell)
        if vs.isEmpty {
            let picked = Set(target.map { ObjectIdentifier($0.article) })
            reference = shell.workspace.articles.filter { !picked.contains(ObjectIdentifier($0)) }
                .map { Selection(article: $0, version: $0.latest) }
            if reference.isEmpty { throw CommandError("keyness: no articles left for the reference; name one with --vs SEL or --vs PATH") }
        } else if !reference.isEmpty {
            let targetVersions = Set(target.map { ObjectIdentifier($0.version) })
            if let shared = reference.first(where: { targetVersions.contains(ObjectIdentifier($0.version)) }) {
                throw CommandError("keyness: \(StatisticsSupport.label(shared)) is in both the target and the reference (--vs)")
            }
        }
        // Read before the units are made: their terms join the vocabulary the units are built from.
        let corpora = try referencePaths.map { path in
            do { return try ReferenceCorpus.load(path, vocabulary: shell.workspace.vocabulary) }
            catch { throw CommandError("keyness: --vs \(error)") }
        }
        for problem in corpora.flatMap(\.problems) { shell.warn("\(problem)") }
        let stops = try StatisticsSupport.stopwords(stopwords, shell: shell, verb: Self.verb)
        let units = try StatisticsSupport.units(vocabulary: shell.workspace.vocabulary, forms: shell.workspace.vocabulary.allForms(), stopwords: stops, ngram: ngram, stem: stem)
        var t = FrequencyTable(), r = FrequencyTable()
        try t.add(target.map(\.version.text), units: units)
        try r.add(reference.map(\.version.text), units: units)
        var files: [Result.ReferenceFile] = []
        for corpus in corpora {
            let before = r.tokens
            switch corpus.content {
            case .texts(let texts):
                try r.add(texts, units: units)
                files.append(.init(path: corpus.path, articles: texts.count, tokens: r.tokens - before))
            case .list(let entries, let tokens, let stated):
                let counts = entries.compactMap { e in units.unit(ofTerm: e.ids, kinds: e.kinds).map { ($0, e.count) } }
                // A list of single words has no counts for n-grams (nor a list of stopwords for words): refuse it
                // rather than compare against zeros.
                if counts.isEmpty {
                    throw CommandError("keyness: --vs \(corpus.path): none of its \(Format.plural(entries.count, "term")) is "
                        + (ngram > 1 ? "a \(ngram)-word phrase" : "a word that keyness counts (stopwords and numbers are left out)"))
                }
                r.add(listCounts: counts, tokens: tokens)
                files.append(.init(path: corpus.path, listTerms: entries.count, sizeStated: stated, tokens: tokens))
            }
        }
        if t.tokens == 0 { throw CommandError("keyness: the target has no words") }
        if r.tokens == 0 { throw CommandError("keyness: the reference has no words") }
        let terms = Keyness.compare(target: t, reference: r, units: units, top: top, minCount: minCount,
                                    direction: direction == "both" ? nil : direction)
        return Result(target: target.count, targetTokens: t.tokens, reference: reference.count, referenceTokens: r.tokens,
                      referenceFiles: files, terms: terms)
    }

    /// The `--vs` articles, and the `--vs` paths: a value that selects no article but names a file or folder is a
    /// reference corpus on disk (a selector wins when both could be meant). Values are tried one by one only
    /// when the whole list does not select.
    private func splitReference(shell: Shell) throws -> (selection: [Selection], paths: [String]) {
        if vs.isEmpty { return ([], []) }
        if let selection = try? shell.workspace.select(vs), !selection.isEmpty { return (selection, []) }
        var selectors: [String] = [], paths: [String] = []
        for value in vs {
            do {
                _ = try shell.workspace.select([value])
                selectors.append(value)
            } catch SelectorError.noMatch {
                let path = shell.resolvePath(value)
                guard FileManager.default.fileExists(atPath: path) else {
                    throw CommandError("keyness: --vs \(value): no article matches it, and no file or folder has that name")
                }
                paths.append(path)
            }
        }
        return (selectors.isEmpty ? [] : try StatisticsSupport.select(selectors, shell: shell), paths)
    }
}
