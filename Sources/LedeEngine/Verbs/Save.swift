import Foundation
import LedeSession

/// `save`: the session (articles, settings, every result) as one JSON file, written atomically.
public struct SaveRequest: Sendable {
    /// The file as the user wrote it (for the report) and resolved.
    public var file: String
    public var path: String
    public var withText: Bool
    public init(file: String, path: String, withText: Bool = false) { self.file = file; self.path = path; self.withText = withText }
}

public struct SaveReport: Codable, Sendable {
    public var file: String, articles: Int, results: Int, withText: Bool
}

extension Engine {
    public func save(_ request: SaveRequest) throws -> SaveReport {
        let document = sessionDocument(withText: request.withText)
        try SessionFile.write(document, to: request.path)
        log.markSaved()
        return SaveReport(file: request.file, articles: document.articles.count, results: document.log.count, withText: request.withText)
    }

    /// The session as it would be saved now.
    public func sessionDocument(withText: Bool) -> SessionDocument {
        SessionFile.document(workspace: workspace, log: log, settings: settings, withText: withText, ledeVersion: Engine.version)
    }
}
