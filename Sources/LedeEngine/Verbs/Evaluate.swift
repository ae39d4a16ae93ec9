import LedeText
import LedeAnalysis
import LedeSession

/// `evaluate`: stratified k-fold cross-validation of a model trained in this session, on its own training
/// articles (idf and weights refitted per fold).
public struct EvaluateRequest: Sendable {
    public var name: String
    public var folds: Int
    public var seed: UInt64
    public init(name: String, folds: Int = 5, seed: UInt64 = 1) { self.name = name; self.folds = folds; self.seed = seed }
}

public struct EvaluateReport: Codable, Sendable {
    public var model: String
    public var report: ClassificationReport
}

extension Engine {
    public func evaluate(_ request: EvaluateRequest) throws -> EvaluateReport {
        let name = request.name
        guard let entry = models.entries[name] else {
            throw EngineError("no model named '\(name)' in this session"
                              + (models.names.isEmpty ? " (train one first)" : " (models: \(models.names.joined(separator: ", ")))"))
        }
        guard let training = entry.training else {
            throw EngineError("model '\(name)' was read from a file; evaluate needs its training articles: train it in this session")
        }
        if request.folds > training.count { throw EngineError("--folds \(request.folds) is more than the \(training.count) training articles") }
        let keys = indexes.termKeys()
        var bags: [TermBag] = []
        for t in training {
            try Cancellation.check()
            guard let article = workspace.article(id: t.article), t.version <= article.versions.count else {
                throw EngineError("article \(t.article) of model '\(name)' is no longer loaded: train it again")
            }
            bags.append(TermBag(article.versions[t.version - 1].text, keys: keys))
        }
        do {
            let set = try LabelledSet(labels: training.map(\.label), source: .field("label"))
            let report = try CrossValidation.naiveBayes(bags: bags, labels: set.labels, labelNames: set.labelNames, keyCount: keys.count,
                                                        folds: request.folds, seed: request.seed, kind: entry.model.kind,
                                                        alpha: entry.model.alpha, minDocumentFrequency: entry.model.minDocumentFrequency)
            return EvaluateReport(model: name, report: report)
        } catch let error as CancelledError {
            throw error
        } catch {
            throw EngineError("\(error)")
        }
    }
}
