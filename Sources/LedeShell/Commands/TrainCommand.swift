import ArgumentParser
import LedeAnalysis
import LedeSession
import LedeEngine

struct TrainCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a Naive Bayes topic classifier: train NAME FROM SEL --label-from folder|field:NAME.",
        discussion: """
        Features are TF-IDF weights of word stems (tf = 1 + ln count, scikit-learn's smooth idf, rows L2-normalised). \
        'folder' labels each article with its file's parent folder; 'field:source' (title, author, language, tag, …) with \
        a metadata field. Use the model with 'tag SEL --model NAME'; check it with 'evaluate NAME'.
        """)

    @Argument(help: "The model's name.") var name: String
    @Argument(help: "FROM followed by the training articles (default: all).") var selectors: [String] = []
    @Option(name: .customLong("label-from"), help: "folder or field:NAME.", transform: { try LabelSource(parsing: $0) }) var labelFrom: LabelSource = .folder
    @Option(help: "multinomial or complement.") var kind: NaiveBayesModel.Kind = .multinomial
    @Option(help: "Additive smoothing (a positive number).") var alpha: Double = 0.1
    @Option(name: .customLong("min-df"), help: "Ignore stems found in fewer training articles than this (1–2,147,483,647).") var minDF: Int = 2
    @Option(help: "Also write the model to this JSON file.") var save: String?
    @Flag(help: "Replace a model of the same name without asking (scripts need it to retrain).") var force = false

    func validate() throws {
        try OptionLimits.checkPositive(alpha, "--alpha")
        try OptionLimits.check(minDF, in: OptionLimits.minCount, "--min-df")
        if name.lowercased() == "from" { throw ValidationError("give the model a name first: train NAME FROM SEL") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let articles = selectors.first?.lowercased() == "from" ? Array(selectors.dropFirst()) : selectors
        let report = try context.confirming(force: force) { force in
            var request = TrainRequest(name: name, selectors: articles, labelFrom: labelFrom, kind: kind, alpha: alpha,
                                       minDocumentFrequency: minDF, save: save.map { ($0, context.output.resolvePath($0)) })
            request.force = force
            return try context.engine.train(request)
        }
        guard let report else { return MessageResult("kept the model '\(name)' as it was") }
        for w in report.warnings { context.output.warn(w) }
        return report
    }
}

extension NaiveBayesModel.Kind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension TrainReport: CommandResult {
    /// One row per label.
    public var dataTable: DataTable? {
        DataTable(columns: ["model", "label", "articles"],
                  rows: labels.sorted { $0.key < $1.key }.map { [.string(model), .string($0.key), .int($0.value)] })
    }

    public var display: [DisplayBlock] {
        [.table(Table(title: "model \(model) (\(kind) Naive Bayes, \(Format.int(features)) features)",
                      columns: [.init("label"), .init("articles", .right)],
                      rows: labels.sorted { $0.key < $1.key }.map { [$0.key, Format.int($0.value)] })),
         .text("trained '\(model)' on \(Format.plural(articles, "article")) labelled by \(labelFrom) in \(Format.seconds(seconds))"
               + (savedTo.map { "; saved to \($0)" } ?? ""))]
    }
}
