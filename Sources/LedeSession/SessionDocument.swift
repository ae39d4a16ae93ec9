import Foundation
import LedeArticles

/// The session document written by `save` and read by `open` (schema: Schemas/session.schema.json).
public struct SessionDocument: Codable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var ledeVersion: String
    public var createdAt: Date
    public var settings: Settings
    public var articles: [SavedArticle]
    public var log: [LogEntry]

    public struct SavedArticle: Codable, Sendable {
        public var id: String
        public var name: String?
        public var tags: [String]
        public var versions: [SavedVersion]
    }

    public struct SavedVersion: Codable, Sendable {
        public var number: Int
        public var sourcePath: String
        public var recordKey: String?
        public var format: ArticleFormat
        public var metadata: ArticleMetadata
        public var contentHash: String
        public var loadedAt: Date
        public var words: Int
        public var paragraphs: Int
        /// The body paragraphs, present when saved `--with-text`.
        public var text: [String]?
        public var dropped: [DroppedBlock]?
    }
}

extension SessionDocument {
    /// The first article field that `open` cannot restore as written, with its path; nil when all are sound.
    /// Ids are what `load` makes (`a1`, `a2`, …, below a billion) and unique; every article has versions.
    func articleProblem() -> String? {
        var seen = Set<String>(), names = Set<String>()
        for (i, a) in articles.enumerated() {
            guard Workspace.idNumber(a.id) != nil else { return "articles[\(i)].id is not an article id like a12" }
            guard seen.insert(a.id).inserted else { return "articles[\(i)].id \(a.id) appears twice" }
            if let name = a.name, !names.insert(name).inserted { return "articles[\(i)].name '\(name)' appears twice" }
            if a.versions.isEmpty { return "articles[\(i)].versions is empty" }
            for (k, v) in a.versions.enumerated() where v.number != k + 1 {
                return "articles[\(i)].versions[\(k)].number is \(v.number), expected \(k + 1)"
            }
        }
        return nil
    }
}
