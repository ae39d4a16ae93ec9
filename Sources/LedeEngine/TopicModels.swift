import Foundation
import LedeAnalysis
import LedeSession

/// The classifiers trained in a session, by name, each with the articles and labels it learnt from (what
/// `evaluate` cross-validates).
public final class TopicModels {
    public struct Entry {
        public var model: NaiveBayesModel
        /// Article ids, version numbers and labels; nil for a model read from a file.
        public var training: [(article: String, version: Int, label: String)]?
        public var labelSource: String?
    }

    public private(set) var entries: [String: Entry] = [:]

    init() {}

    public var names: [String] { entries.keys.sorted() }

    func store(_ entry: Entry, as name: String) { entries[name] = entry }

    func removeAll() { entries.removeAll() }

    /// The models as a session file keeps them.
    var saved: [SessionDocument.SavedModel] {
        names.map { name in
            let e = entries[name]!
            return SessionDocument.SavedModel(name: name, model: e.model,
                                              training: e.training?.map { .init(article: $0.article, version: $0.version, label: $0.label) },
                                              labelSource: e.labelSource)
        }
    }

    /// Puts saved models in place of the current ones (`open`).
    func replace(with saved: [SessionDocument.SavedModel]) {
        entries = Dictionary(saved.map { m in
            (m.name, Entry(model: m.model, training: m.training?.map { ($0.article, $0.version, $0.label) }, labelSource: m.labelSource))
        }, uniquingKeysWith: { _, last in last })
    }

    /// A model by session name, else read from a file path (already resolved by the caller).
    func resolve(_ name: String, path: String) throws -> NaiveBayesModel {
        if let e = entries[name] { return e.model }
        if name.contains("/") || name.hasSuffix(".json") || FileManager.default.fileExists(atPath: path) {
            do { return try NaiveBayesModel.load(path: path) } catch { throw EngineError("\(error)") }
        }
        throw EngineError("no model named '\(name)'" + (entries.isEmpty ? " (train one with 'train NAME FROM SEL --label-from folder')"
                                                                        : " (models: \(names.joined(separator: ", ")))"))
    }
}
