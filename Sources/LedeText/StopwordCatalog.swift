import Foundation

/// The stoplists a session (or one load) has read, by name: each bundled list is read from its file once per
/// catalog. The owner of the catalog decides how long lists are kept; there is no process-wide cache.
public final class StopwordCatalog: Sendable {
    private let lists = Locked<[String: Stopwords]>([:])

    public init() {}

    /// A bundled list by language name, case-insensitive.
    public func named(_ language: String) throws -> Stopwords {
        let key = language.lowercased()
        if let known = lists.withLock({ $0[key] }) { return known }
        let list = try Stopwords.named(language)
        lists.withLock { $0[key] = list }
        return list
    }

    /// For keyword analysis: `none`, a language name, or a file path. English is the function-word list;
    /// other languages are the jusText stoplists.
    public func resolve(_ spec: String) throws -> Stopwords {
        if spec.lowercased() == "none" { return .none }
        if spec.contains("/") || FileManager.default.fileExists(atPath: spec) { return try Stopwords.load(path: spec) }
        if spec.lowercased() == "english", !Stopwords.englishFunctionWords.words.isEmpty { return Stopwords.englishFunctionWords }
        return try named(spec)
    }
}
