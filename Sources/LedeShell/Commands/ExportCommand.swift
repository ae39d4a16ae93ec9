import ArgumentParser
import LedeArticles
import LedeSession
import LedeEngine

/// Writes the selected articles (cleaned body text and metadata) out, for other tools or to load again.
struct ExportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write articles (clean text and metadata) to a JSONL or CSV file, or a folder of text files.",
        discussion: """
        jsonl: one JSON object per article version (id, name, version, title, published, modified, source, author, \
        url, language, path, text); lede loads it back. csv: the same columns. text: a folder with one NAME.txt per \
        article version (title, a blank line, the body). The output format follows the file name (.jsonl, .csv, \
        or a folder) unless --format says otherwise. --dfm writes a document-term matrix instead: FILE.mtx (Matrix \
        Market, for scipy.io.mmread, R's Matrix::readMM, quanteda) or FILE.csv (document, term, count), with \
        FILE.terms.csv and FILE.documents.csv beside it; terms are counted as 'keywords' counts them.
        """)
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The file (or folder, for text) to write.") var destination: String
    @Argument(help: "The articles to export (default: all).") var selectors: [String] = []
    @Option(help: "jsonl, csv or text (default: from the file name).") var format: ExportRequest.Format?
    @Flag(help: "Replace an existing file or folder.") var force = false
    @Flag(help: "Write a document-term matrix (FILE.mtx or FILE.csv) with its term and document lists.") var dfm = false
    @Flag(help: "With --dfm: count stems (Snowball English) instead of word forms.") var stem = false
    @Option(name: .customLong("min-count"), help: "With --dfm: leave out terms seen fewer times in all (1–2,147,483,647).") var minCount = 1
    @Option(help: "With --dfm: n-grams of N words (1–5).") var ngram = 1
    @Option(help: "With --dfm: stopwords to leave out: auto (each article's language), none, a language or a file.") var stopwords = "auto"

    func validate() throws {
        try OptionLimits.check(minCount, in: OptionLimits.minCount, "--min-count")
        if !(1...5).contains(ngram) { throw ValidationError("--ngram \(ngram): give 1 to 5") }
        if !dfm && (stem || minCount != 1 || ngram != 1 || stopwords != "auto") {
            throw ValidationError("--stem, --min-count, --ngram and --stopwords go with --dfm")
        }
        if dfm && format != nil { throw ValidationError("--dfm writes FILE.mtx or FILE.csv; leave out --format") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let matrix = dfm ? TermOptions(stem: stem, ngram: ngram, minCount: minCount, stopwords: context.output.resolveStoplist(stopwords)) : nil
        return try context.engine.export(ExportRequest(destination: destination, path: context.output.resolvePath(destination),
                                                       selectors: selectors, format: format, force: force, matrix: matrix))
    }
}

extension ExportRequest.Format: ExpressibleByArgument {}

extension ExportReport: CommandResult {
    public var display: [DisplayBlock] {
        if let terms, let entries {
            return [.text("exported a \(Format.int(articles)) × \(Format.int(terms)) document-term matrix (\(Format.int(entries)) non-zero cells) to "
                          + "\(destination) (\(format)) with \((files ?? []).joined(separator: " and ")), \(ByteCount.format(bytes))")]
        }
        return [.text("exported \(Format.plural(articles, "article version")) to \(destination) (\(format), \(ByteCount.format(bytes)))")]
    }
}
