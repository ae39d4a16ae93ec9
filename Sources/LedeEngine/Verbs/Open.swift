import Foundation
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
    public var file: String, articles: Int, versions: Int, results: Int, warnings: [String]
}

extension Engine {
    public func open(_ request: OpenRequest) throws -> OpenReport {
        // Read and rebuild everything before touching the session: a bad file leaves it as it was.
        let doc: SessionDocument
        do { doc = try SessionFile.read(request.path) } catch { throw EngineError("\(error)") }
        let restoredWorkspace = Workspace()
        var warnings: [String] = []
        var versions = 0
        for saved in doc.articles {
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
        replaceWorkspace(with: restoredWorkspace)
        settings = doc.settings
        log.replace(with: doc.log)
        return OpenReport(file: request.file, articles: doc.articles.count, versions: versions, results: doc.log.count, warnings: warnings)
    }
}
