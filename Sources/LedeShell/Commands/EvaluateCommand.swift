import ArgumentParser
import Foundation
import LedeText
import LedeAnalysis
import LedeSession

struct EvaluateCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Cross-validate a trained classifier: accuracy, macro-F1 and a confusion matrix.",
        discussion: "Stratified k folds, shuffled with a fixed seed; idf and weights are refitted on each training part. Uses the articles and labels the model was trained on in this session.")

    @Argument(help: "A model trained in this session.") var name: String
    @Option(help: "Number of folds.") var folds: Int = 5
    @Option(help: "Seed for shuffling the folds.") var seed: UInt64 = 1

    func validate() throws {
        try OptionLimits.check(folds, in: 2...100, "--folds")
    }

    struct Result: CommandResult {
        var model: String
        var report: ClassificationReport
        var display: [DisplayBlock] {
            let r = report
            let matrix = Table(title: "confusion matrix (rows: true label, columns: predicted)",
                               columns: [.init("true \\ predicted")] + r.labels.map { .init($0, .right) },
                               rows: r.labels.indices.map { [r.labels[$0]] + r.confusion[$0].map { String($0) } })
            let perClass = Table(columns: [.init("label"), .init("precision", .right), .init("recall", .right), .init("F1", .right), .init("articles", .right)],
                                 rows: r.perClass.map { [$0.label, Format.fixed($0.precision, 3), Format.fixed($0.recall, 3), Format.fixed($0.f1, 3), Format.int($0.support)] })
            return [.fields(title: "\(model): \(r.folds)-fold cross-validation (seed \(r.seed))",
                            [("accuracy", Format.fixed(r.accuracy * 100, 2) + " %"), ("macro-F1", Format.fixed(r.macroF1, 4)),
                             ("articles", Format.int(r.confusion.reduce(0) { $0 + $1.reduce(0, +) }))]),
                    .table(matrix), .table(perClass)]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let store = TopicModelStore.of(shell)
        guard let entry = store.models[name] else {
            let known = store.models.keys.sorted()
            throw CommandError("no model named '\(name)' in this session" + (known.isEmpty ? " (train one first)" : " (models: \(known.joined(separator: ", ")))"))
        }
        guard let training = entry.training else {
            throw CommandError("model '\(name)' was read from a file; evaluate needs its training articles: train it in this session")
        }
        if folds > training.count { throw CommandError("--folds \(folds) is more than the \(training.count) training articles") }
        let keys = TermKeys.of(shell.workspace.vocabulary)
        var bags: [TermBag] = []
        for t in training {
            try Cancellation.check()
            guard let article = shell.workspace.article(id: t.article), t.version <= article.versions.count else {
                throw CommandError("article \(t.article) of model '\(name)' is no longer loaded: train it again")
            }
            bags.append(TermBag(article.versions[t.version - 1].text, keys: keys))
        }
        let set = try LabelledSet(labels: training.map(\.label), source: .field("label"))
        let report = try CrossValidation.naiveBayes(bags: bags, labels: set.labels, labelNames: set.labelNames, keyCount: keys.count,
                                                    folds: folds, seed: seed, kind: entry.model.kind, alpha: entry.model.alpha,
                                                    minDocumentFrequency: entry.model.minDocumentFrequency)
        return Result(model: name, report: report)
    }
}
