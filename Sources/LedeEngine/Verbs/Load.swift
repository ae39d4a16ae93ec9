import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `load`: files, folders and globs parsed and added to the workspace; the same name, file or canonical URL
/// again adds a version when the text changed.
public struct LoadRequest: Sendable {
    /// Paths as the user gave them, resolved against the script's folder.
    public var paths: [String]
    public var name: String?
    public var maxFileSize: Int
    public var fieldOverrides: [String: String]

    public init(paths: [String], name: String? = nil, maxFileSize: Int = 64 << 20, fieldOverrides: [String: String] = [:]) {
        self.paths = paths; self.name = name; self.maxFileSize = maxFileSize; self.fieldOverrides = fieldOverrides
    }
}

/// How far a load has come, reported from worker threads.
public struct LoadProgress: Sendable {
    public enum Phase: Sendable { case loading, indexing }
    public var phase: Phase
    public var done: Int
    public var bytes: Int
    public var total: Int
}

public struct LoadReport: Encodable, Sendable {
    /// One loaded document. The version's title and word count are read from the version itself when shown
    /// or saved (a version never changes), not copied out for each of tens of thousands of files.
    public struct Item: Encodable, Sendable {
        public var id: String
        public var name: String?
        public var status: String
        /// The file read, when it is not the loaded version's own (an unchanged reload names the version
        /// already there).
        var otherPath: String?
        let loaded: ArticleVersion

        public var version: Int { loaded.number }
        public var title: String? { loaded.document.title }
        public var words: Int { loaded.wordCount }
        public var path: String { otherPath ?? loaded.document.path }

        private enum CodingKeys: String, CodingKey { case id, name, version, status, title, words, path }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encodeIfPresent(name, forKey: .name)
            try c.encode(version, forKey: .version)
            try c.encode(status, forKey: .status)
            try c.encodeIfPresent(title, forKey: .title)
            try c.encode(words, forKey: .words)
            try c.encode(path, forKey: .path)
        }
    }

    public var items: [Item]
    public var files: Int
    public var bytes: Int
    public var seconds: Double
    public var warnings: [LoadProblem]
    public var errors: [LoadProblem]
    /// Files in folders that are not articles (README, LICENSE, …), left out.
    public var skipped: [String]

    /// New articles and new versions, counted in place (copying tens of thousands of items to filter them
    /// costs their strings' retains).
    public var counts: (added: Int, newVersions: Int, unchanged: Int) {
        var added = 0, versions = 0
        items.withUnsafeBufferPointer { items in
            for i in items.indices {
                if items[i].status == "new" { added += 1 } else if items[i].status == "new version" { versions += 1 }
            }
        }
        return (added, versions, items.count - added - versions)
    }
}

extension Engine {
    public func load(_ request: LoadRequest, progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> LoadReport {
        var options = LoadOptions()
        options.maxFileSize = request.maxFileSize
        options.fieldOverrides = request.fieldOverrides
        options.stoplists = stoplists
        let start = Date()
        var reading: (@Sendable (Int, Int, Int) -> Void)?
        var indexing: (@Sendable (Int, Int) -> Void)?
        if let progress {
            reading = { @Sendable in progress(LoadProgress(phase: .loading, done: $0, bytes: $1, total: $2)) }
            indexing = { @Sendable in progress(LoadProgress(phase: .indexing, done: $0, bytes: 0, total: $1)) }
        }
        let loaded: LoadedFiles = try ArticleLoader(options: options).load(paths: request.paths, vocabulary: workspace.vocabulary, progress: reading)
        let outcomes = try workspace.add(loaded, name: request.name, progress: indexing)
        var items: [LoadReport.Item] = []
        items.reserveCapacity(outcomes.count)
        for (i, outcome) in outcomes.enumerated() {
            let a = outcome.article
            let (status, version): (String, Int) = switch outcome {
            case .added: ("new", 1)
            case .newVersion(_, let n): ("new version", n)
            case .unchanged(let a): ("unchanged", a.versions.count)
            }
            // A new article or version is the document just read: its path is the version's own.
            let unchanged: Bool
            if case .unchanged = outcome { unchanged = true } else { unchanged = false }
            items.append(LoadReport.Item(id: a.id, name: a.name, status: status,
                                         otherPath: unchanged ? loaded.documents[i].path : nil, loaded: a.versions[version - 1]))
        }
        return LoadReport(items: items, files: loaded.files, bytes: loaded.bytes, seconds: Date().timeIntervalSince(start),
                          warnings: loaded.problems.filter { $0.severity == LoadProblem.Severity.warning },
                          errors: loaded.problems.filter { $0.severity == LoadProblem.Severity.error }, skipped: loaded.skipped)
    }
}
