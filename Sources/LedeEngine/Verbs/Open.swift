import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `open`: a saved session's articles, settings and result log replace the current ones, once the whole file
/// has been read and checked.
public struct OpenRequest: Sendable {
    /// The file as the user wrote it (for the report) and resolved.
    public var file: String
    public var path: String
    public init(file: String, path: String) { self.file = file; self.path = path }
}

public struct OpenReport: Codable, Sendable {
    public var file: String, articles: Int, versions: Int, models: Int, results: Int, warnings: [String]
    /// The archive that was open, closed because the session's articles replace the workspace.
    public var closedArchive: String? = nil
}

extension Engine {
    /// `progress` gets (done, total) while the file is read, from worker threads. The texts are tokenised when a
    /// command first needs them.
    public func open(_ request: OpenRequest, progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> OpenReport {
        // Read and rebuild everything before touching the session: a bad file, or Ctrl-C, leaves it as it was.
        let doc: SessionDocument
        do {
            doc = try SessionFile.read(request.path, progress: progress.map { p in { @Sendable in p(LoadProgress(phase: .loading, done: $0, bytes: 0, total: $1)) } })
        } catch let error as CancelledError { throw error } catch { throw EngineError("\(error)") }
        let restoredWorkspace = Workspace()
        var warnings: [String] = []
        var versions = 0
        if doc.formatVersion >= 2 {
            try restoredWorkspace.restore(doc.articles)
            versions = doc.articles.reduce(0) { $0 + $1.versions.count }
        }
        // Format 1 (older lede) may have been saved without text: its sources are read again and checked.
        for saved in doc.formatVersion >= 2 ? [] : doc.articles {
            var restored: [(ParsedDocument, Date)] = []
            for v in saved.versions {
                versions += 1
                if let text = v.text {
                    restored.append((ParsedDocument(path: v.sourcePath, format: v.format, metadata: v.metadata, paragraphs: text,
                                                    dropped: v.dropped ?? [], recordKey: v.recordKey), v.loadedAt))
                    continue
                }
                // Saved without text: read the source again and check it is still the same text.
                let reloaded = RawPath.contents(of: v.sourcePath).flatMap { data in
                    try? DocumentParser.parse(data: data, path: v.sourcePath)
                }
                let match = reloaded?.first { ContentHash.of(TextNormalizer.normalise($0.body)) == v.contentHash }
                    ?? reloaded?.first { $0.recordKey == v.recordKey && v.recordKey != nil }
                if let match {
                    if ContentHash.of(TextNormalizer.normalise(match.body)) != v.contentHash {
                        warnings.append("\(saved.id)@\(v.number): \(v.sourcePath) changed since the session was saved")
                    }
                    var d = match
                    d.metadata = v.metadata
                    restored.append((d, v.loadedAt))
                } else {
                    warnings.append("\(saved.id)@\(v.number): \(v.sourcePath) is missing or changed; kept metadata only (save with --with-text to keep text)")
                    restored.append((ParsedDocument(path: v.sourcePath, format: v.format, metadata: v.metadata, paragraphs: [],
                                                    recordKey: v.recordKey), v.loadedAt))
                }
            }
            restoredWorkspace.restore(id: saved.id, name: saved.name, tags: saved.tags, versions: restored)
        }
        for c in doc.collections ?? [] { restoredWorkspace.setCollection(c) }
        // The session's articles are not the archive's: loads after this would mix the two sets of ids.
        let closed = archiveLink?.file
        closeArchive()
        replaceWorkspace(with: restoredWorkspace)
        settings = doc.settings
        log.replace(with: doc.log)
        models.replace(with: doc.models)
        return OpenReport(file: request.file, articles: doc.articles.count, versions: versions, models: doc.models.count,
                          results: doc.log.count, warnings: warnings, closedArchive: closed)
    }
}
