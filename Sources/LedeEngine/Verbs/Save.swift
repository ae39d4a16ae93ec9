import Foundation
import LedeSession

/// `save`: the session — every article version's text, tags, trained models, settings and results — as one
/// JSON file, written atomically. It opens without the original files.
public struct SaveRequest: Sendable {
    /// The file as the user wrote it (for the report) and resolved.
    public var file: String
    public var path: String
    public init(file: String, path: String) { self.file = file; self.path = path }
}

public struct SaveReport: Codable, Sendable {
    public var file: String, articles: Int, versions: Int, models: Int, results: Int, bytes: Int
}

extension Engine {
    public func save(_ request: SaveRequest) throws -> SaveReport {
        let document = sessionDocument()
        do { try SessionFile.write(document, to: request.path) } catch { throw EngineError("\(error)") }
        log.markSaved()
        let bytes = (try? FileManager.default.attributesOfItem(atPath: request.path)[.size] as? Int) ?? 0
        return SaveReport(file: request.file, articles: document.articles.count,
                          versions: document.articles.reduce(0) { $0 + $1.versions.count }, models: document.models.count,
                          results: document.log.count, bytes: bytes)
    }

    /// The session as it would be saved now: every version's text, the models and the result log.
    public func sessionDocument() -> SessionDocument {
        SessionFile.document(workspace: workspace, log: log, settings: settings, models: models.saved, ledeVersion: Engine.version)
    }
}
