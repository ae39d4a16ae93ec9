import Foundation
import LedeAnalysis

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
