import Foundation
import LedeText
import LedeArticles
import LedeSession
import LedeArchive

/// `archive`: open or create the archive the session stores into (`archive FILE`), show what it holds
/// (`archive`), check it, or close it.
public struct ArchiveRequest: Sendable {
    public enum Action: Sendable {
        case summary
        /// The file as the user wrote it, and resolved.
        case open(file: String, path: String)
        case check
        case close
    }
    public var action: Action
    /// Replace loaded articles that are not in an archive without asking.
    public var force: Bool
    public init(action: Action, force: Bool = false) { self.action = action; self.force = force }
}

public struct ArchiveReport: Codable, Sendable {
    /// What the archive holds (docs/archive.md, `ArchiveSummary`).
    public struct Contents: Codable, Sendable {
        public var schemaVersion: Int
        public var created: Date?
        public var articles: Int, versions: Int, texts: Int, rawFiles: Int
        public var rawBytes: Int, storedRawBytes: Int
        public var tags: Int, models: Int, collections: Int, feeds: Int, logEntries: Int
        public var unindexedTexts: Int
        public var fileBytes: Int
    }
    /// What opening an archive put in the session.
    public struct Opened: Codable, Sendable {
        public var articles: Int, versions: Int, models: Int, collections: Int, feeds: Int
        /// Texts not in the search index yet (the next search adds them).
        public var unindexedTexts: Int
    }
    /// `opened`, `created`, `summary`, `checked`, `closed`, or `none` (no archive open).
    public var action: String
    public var file: String?
    public var path: String?
    public var opened: Opened?
    public var contents: Contents?
    /// Articles in the session's view (fewer than the archive's after `drop`).
    public var inWorkspace: Int?
    /// `check`: SQLite's findings (empty when the file is sound).
    public var problems: [String]?
    public var seconds: Double?
    public var warnings: [String] = []
}

extension Engine {
    public func archive(_ request: ArchiveRequest, progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> ArchiveReport {
        let start = Date()
        switch request.action {
        case .open(let file, let path):
            let (created, warnings) = try attachArchive(file: file, path: path, force: request.force, progress: progress)
            var report = try openedSummary(action: created ? "created" : "opened")
            report.seconds = Date().timeIntervalSince(start)
            report.warnings = warnings
            return report
        case .summary:
            return try archiveSummary(action: "summary")
        case .check:
            guard let link = archiveLink else { throw EngineError("no archive is open (archive FILE opens one)") }
            var report = try archiveSummary(action: "checked")
            do { report.problems = try link.archive.check() } catch { throw EngineError("\(error)") }
            return report
        case .close:
            guard let link = archiveLink else { throw EngineError("no archive is open") }
            closeArchive()
            return ArchiveReport(action: "closed", file: link.file, path: link.archive.path, inWorkspace: workspace.articles.count)
        }
    }

    /// What opening found, from the session itself and two small queries (the full summary reads every table).
    func openedSummary(action: String) throws -> ArchiveReport {
        guard let link = archiveLink else { return ArchiveReport(action: "none") }
        let unindexed: Int, feeds: Int
        do { unindexed = try link.archive.unindexedTexts(); feeds = try link.archive.feeds().count } catch { throw EngineError("\(error)") }
        let versions = workspace.articles.reduce(0) { $0 + $1.versions.count }
        let opened = ArchiveReport.Opened(articles: workspace.articles.count, versions: versions, models: models.entries.count,
                                          collections: workspace.collections.count, feeds: feeds, unindexedTexts: unindexed)
        return ArchiveReport(action: action, file: link.file, path: link.archive.path, opened: opened, inWorkspace: workspace.articles.count)
    }

    func archiveSummary(action: String) throws -> ArchiveReport {
        guard let link = archiveLink else { return ArchiveReport(action: "none") }
        let s: ArchiveSummary
        do { s = try link.archive.summary() } catch { throw EngineError("\(error)") }
        let collections = workspace.collections.count
        let contents = ArchiveReport.Contents(
            schemaVersion: s.schemaVersion, created: s.created, articles: s.articles, versions: s.versions, texts: s.texts,
            rawFiles: s.rawFiles, rawBytes: s.rawBytes, storedRawBytes: s.storedRawBytes, tags: s.tags,
            models: models.entries.count, collections: collections, feeds: s.feeds, logEntries: s.logEntries,
            unindexedTexts: s.unindexedTexts, fileBytes: s.fileBytes)
        return ArchiveReport(action: action, file: link.file, path: link.archive.path, contents: contents,
                             inWorkspace: workspace.articles.count)
    }
}
