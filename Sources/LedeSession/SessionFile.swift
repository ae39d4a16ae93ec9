import Foundation
import LedeArticles

public enum SessionFileError: Error, CustomStringConvertible {
    case unreadable(String), malformed(String, String), newerFormat(String, Int), write(String, String)
    public var description: String {
        switch self {
        case .unreadable(let p): return "\(p): cannot read file"
        case .malformed(let p, let why): return "\(p): not a lede session file (\(why))"
        case .newerFormat(let p, let v):
            return "\(p): session format \(v) is newer than this lede reads (\(SessionDocument.currentFormatVersion)); upgrade lede"
        case .write(let p, let why): return "\(p): cannot write (\(why))"
        }
    }
}

/// Saving and opening sessions. Saves are atomic: a temporary file in the same folder, fsync, rename.
public enum SessionFile {
    public static func document(workspace: Workspace, log: ResultLog, settings: Settings, withText: Bool,
                                ledeVersion: String) -> SessionDocument {
        let articles = workspace.articles.map { a in
            SessionDocument.SavedArticle(id: a.id, name: a.name, tags: a.tags, versions: a.versions.map { v in
                SessionDocument.SavedVersion(
                    number: v.number, sourcePath: v.document.path, recordKey: v.document.recordKey,
                    format: v.document.format, metadata: v.metadata, contentHash: v.contentHash,
                    loadedAt: v.loadedAt, words: v.wordCount, paragraphs: v.document.paragraphRanges.count,
                    text: withText ? v.paragraphs : nil,
                    dropped: withText ? v.document.dropped : nil)
            })
        }
        return SessionDocument(formatVersion: SessionDocument.currentFormatVersion, ledeVersion: ledeVersion,
                               createdAt: Date(), settings: settings, articles: articles, log: log.entries)
    }

    public static func write(_ document: SessionDocument, to path: String) throws {
        let encoder = JSONEncoder.lede
        encoder.outputFormatting.insert(.prettyPrinted)
        let data: Data
        do { data = try encoder.encode(document) } catch { throw SessionFileError.write(path, "\(error)") }
        try AtomicFile.write(data, to: path)
    }

    /// Reads and checks a session file without touching any workspace.
    public static func read(_ path: String) throws -> SessionDocument {
        guard let data = RawPath.contents(of: path) else { throw SessionFileError.unreadable(path) }
        return try read(data: data, path: path)
    }

    /// Checks and decodes a session file's bytes; `path` names it in errors.
    public static func read(data: Data, path: String) throws -> SessionDocument {
        // Check the version first, so a newer file gets the right message even if its shape changed.
        guard let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SessionFileError.malformed(path, "not a JSON object")
        }
        guard let field = top["formatVersion"] else { throw SessionFileError.malformed(path, "no formatVersion") }
        guard let version = field as? Int else { throw SessionFileError.malformed(path, "formatVersion is not a whole number") }
        if version > SessionDocument.currentFormatVersion { throw SessionFileError.newerFormat(path, version) }
        if version < 1 { throw SessionFileError.malformed(path, "formatVersion \(version) is not a version lede wrote") }
        if var schema = SessionSchemaCheck(), let problem = schema.problem(in: top) { throw SessionFileError.malformed(path, problem) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            let document = try decoder.decode(SessionDocument.self, from: data)
            if let problem = document.articleProblem() { throw SessionFileError.malformed(path, problem) }
            return document
        } catch let error as SessionFileError {
            throw error
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw SessionFileError.malformed(path, "missing '\(key.stringValue)' at \(pathString(ctx.codingPath))")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw SessionFileError.malformed(path, "wrong type at \(pathString(ctx.codingPath + []))")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw SessionFileError.malformed(path, "null at \(pathString(ctx.codingPath))")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw SessionFileError.malformed(path, "\(ctx.debugDescription) at \(pathString(ctx.codingPath))")
        } catch {
            throw SessionFileError.malformed(path, "\(error)")
        }
    }

    static func pathString(_ path: [CodingKey]) -> String {
        path.isEmpty ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
