import ArgumentParser
import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

/// Trained models of one shell session, by name, with the data they were trained on (for `evaluate`).
final class TopicModelStore: @unchecked Sendable {
    struct Entry {
        var model: NaiveBayesModel
        /// Article ids and versions and their labels; nil for a model read from a file.
        var training: [(article: String, version: Int, label: String)]?
        var labelSource: String?
    }
    var models: [String: Entry] = [:]

    /// The session's store (it lives on the shell, so a new session starts with no models).
    static func of(_ shell: Shell) -> TopicModelStore { shell.topicModels }

    /// A model by session name, or read from a file path.
    func resolve(_ nameOrPath: String, shell: Shell) throws -> NaiveBayesModel {
        if let e = models[nameOrPath] { return e.model }
        let path = shell.resolvePath(nameOrPath)
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") || FileManager.default.fileExists(atPath: path) {
            return try NaiveBayesModel.load(path: path)
        }
        let known = models.keys.sorted()
        throw CommandError("no model named '\(nameOrPath)'" + (known.isEmpty ? " (train one with 'train NAME FROM SEL --label-from folder')"
                                                                          : " (models: \(known.joined(separator: ", ")))"))
    }
}

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
    @Option(name: .customLong("label-from"), help: "folder or field:NAME.") var labelFrom: String = "folder"
    @Option(help: "multinomial or complement.") var kind: String = "multinomial"
    @Option(help: "Additive smoothing.") var alpha: Double = 0.1
    @Option(name: .customLong("min-df"), help: "Ignore stems found in fewer training articles than this.") var minDF: Int = 2
    @Option(help: "Also write the model to this JSON file.") var save: String?

    func validate() throws {
        if NaiveBayesModel.Kind(rawValue: kind.lowercased()) == nil { throw ValidationError("--kind takes complement or multinomial, got '\(kind)'") }
        try OptionLimits.checkPositive(alpha, "--alpha")
        try OptionLimits.check(minDF, in: OptionLimits.minCount, "--min-df")
        if name.lowercased() == "from" { throw ValidationError("give the model a name first: train NAME FROM SEL") }
        _ = try LabelSource(parsing: labelFrom)
    }

    struct Result: CommandResult {
        var model: String
        var kind: String
        var articles: Int
        var features: Int
        var labels: [String: Int]
        var labelFrom: String
        var seconds: Double
        var savedTo: String?
        var display: [DisplayBlock] {
            [.table(Table(title: "model \(model) (\(kind) Naive Bayes, \(Format.int(features)) features)",
                          columns: [.init("label"), .init("articles", .right)],
                          rows: labels.sorted { $0.key < $1.key }.map { [$0.key, Format.int($0.value)] })),
             .text("trained '\(model)' on \(Format.plural(articles, "article")) labelled by \(labelFrom) in \(Format.seconds(seconds))"
                   + (savedTo.map { "; saved to \($0)" } ?? ""))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        var sel = selectors
        if sel.first?.lowercased() == "from" { sel.removeFirst() }
        let source = try LabelSource(parsing: labelFrom)
        let start = Date()
        let selections = try shell.workspace.select(sel)
        let raw = selections.map { source.label(of: $0.article, version: $0.version) }
        let set = try LabelledSet(labels: raw, source: source)
        let keys = TermKeys.of(shell.workspace.vocabulary)
        var bags: [TermBag] = []
        for s in selections { try Cancellation.check(); bags.append(TermBag(s.version.text, keys: keys)) }
        let model = NaiveBayesModel.train(bags: bags, labels: set.labels, labelNames: set.labelNames, keys: keys,
                                          kind: NaiveBayesModel.Kind(rawValue: kind.lowercased())!, alpha: alpha,
                                          minDocumentFrequency: minDF)
        var savedTo: String?
        if let save {
            try model.save(path: shell.resolvePath(save))
            savedTo = save
        }
        TopicModelStore.of(shell).models[name] = .init(
            model: model,
            training: zip(selections, set.labels).map { ($0.article.id, $0.version.number, set.labelNames[$1]) },
            labelSource: source.description)
        var counts: [String: Int] = [:]
        for l in set.labels { counts[set.labelNames[l], default: 0] += 1 }
        return Result(model: name, kind: model.kind.rawValue, articles: bags.count, features: model.features.count,
                      labels: counts, labelFrom: source.description, seconds: Date().timeIntervalSince(start), savedTo: savedTo)
    }
}
