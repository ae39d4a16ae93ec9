import ArgumentParser
import LedeSession
import LedeEngine

struct EvaluateCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Cross-validate a trained classifier: accuracy, macro-F1 and a confusion matrix.",
        discussion: "Stratified k folds, shuffled with a fixed seed; idf and weights are refitted on each training part. Uses the articles and labels the model was trained on in this session.")

    @Argument(help: "A model trained in this session.") var name: String
    @Option(help: "Number of folds (2–100).") var folds: Int = 5
    @Option(help: "Seed for shuffling the folds.") var seed: UInt64 = 1

    func validate() throws {
        try OptionLimits.check(folds, in: 2...100, "--folds")
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.evaluate(EvaluateRequest(name: name, folds: folds, seed: seed))
    }
}

extension EvaluateReport: CommandResult {
    public var display: [DisplayBlock] {
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
