import Foundation
import LedeText
import LedeAnalysis
import LedeSession

/// `train`: a Naive Bayes topic classifier learnt from labelled articles, kept in the session by name.
public struct TrainRequest: Sendable {
    public var name: String
    public var selectors: [String]
    public var labelFrom: LabelSource
    public var kind: NaiveBayesModel.Kind
    public var alpha: Double
    public var minDocumentFrequency: Int
    /// Also write the model to this file: as the user named it, and resolved.
    public var save: (file: String, path: String)?
    /// Replace a model of the same name (else `ConfirmationNeeded`).
    public var force = false

    public init(name: String, selectors: [String] = [], labelFrom: LabelSource = .folder, kind: NaiveBayesModel.Kind = .multinomial,
                alpha: Double = 0.1, minDocumentFrequency: Int = 2, save: (file: String, path: String)? = nil) {
        self.name = name; self.selectors = selectors; self.labelFrom = labelFrom; self.kind = kind
        self.alpha = alpha; self.minDocumentFrequency = minDocumentFrequency; self.save = save
    }
}

public struct TrainReport: Codable, Sendable {
    public var model: String
    public var kind: String
    public var articles: Int
    public var features: Int
    public var labels: [String: Int]
    public var labelFrom: String
    public var seconds: Double
    public var savedTo: String?
    /// Labels with a single training article: the model learns that class from one example.
    public var warnings: [String] = []
}

extension Engine {
    public func train(_ request: TrainRequest) throws -> TrainReport {
        let start = Date()
        if !request.force, let existing = models.entries[request.name] {
            let size = existing.training.map { " (trained on \(Format.plural($0.count, "article")))" } ?? ""
            throw ConfirmationNeeded(question: "replace the model '\(request.name)'\(size)?",
                                     refusal: "a model named '\(request.name)' exists\(size); add --force to replace it, or choose another name")
        }
        let selections = try workspace.select(request.selectors)
        try tokenizeTexts(of: selections.map(\.version))
        let raw = selections.map { request.labelFrom.label(of: $0.article, version: $0.version) }
        let set: LabelledSet
        do { set = try LabelledSet(labels: raw, source: request.labelFrom) } catch { throw EngineError("\(error)") }
        let keys = indexes.termKeys()
        var bags: [TermBag] = []
        for s in selections { try Cancellation.check(); bags.append(TermBag(s.version.text, keys: keys)) }
        let model = NaiveBayesModel.train(bags: bags, labels: set.labels, labelNames: set.labelNames, keys: keys, kind: request.kind,
                                          alpha: request.alpha, minDocumentFrequency: request.minDocumentFrequency)
        if let save = request.save {
            do { try AtomicFile.write(try model.encoded(), to: save.path) } catch { throw EngineError("\(error)") }
        }
        models.store(TopicModels.Entry(model: model,
                                       training: zip(selections, set.labels).map { ($0.article.id, $0.version.number, set.labelNames[$1]) },
                                       labelSource: request.labelFrom.description), as: request.name)
        keepModel(request.name)
        var counts: [String: Int] = [:]
        for l in set.labels { counts[set.labelNames[l], default: 0] += 1 }
        let lone = counts.filter { $0.value == 1 }.keys.sorted()
        var warnings: [String] = []
        if !lone.isEmpty {
            warnings.append("\(Format.plural(lone.count, "label")) with one training article: \(lone.joined(separator: ", ")) "
                            + "(a class learnt from one example is mostly noise; 'evaluate' cannot test it)")
        }
        return TrainReport(model: request.name, kind: model.kind.rawValue, articles: bags.count, features: model.features.count,
                           labels: counts, labelFrom: request.labelFrom.description, seconds: Date().timeIntervalSince(start),
                           savedTo: request.save?.file, warnings: warnings)
    }
}
