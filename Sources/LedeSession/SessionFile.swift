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
        var seen = Set<String>()
        for (i, a) in articles.enumerated() {
            guard Workspace.idNumber(a.id) != nil else { return "articles[\(i)].id is not an article id like a12" }
            guard seen.insert(a.id).inserted else { return "articles[\(i)].id \(a.id) appears twice" }
            if a.versions.isEmpty { return "articles[\(i)].versions is empty" }
            for (k, v) in a.versions.enumerated() where v.number != k + 1 {
                return "articles[\(i)].versions[\(k)].number is \(v.number), expected \(k + 1)"
            }
        }
        return nil
    }
}

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
        guard let data = FileManager.default.contents(atPath: path) else { throw SessionFileError.unreadable(path) }
        // Check the version first, so a newer file gets the right message even if its shape changed.
        guard let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SessionFileError.malformed(path, "not a JSON object")
        }
        guard let version = top["formatVersion"] as? Int else { throw SessionFileError.malformed(path, "no formatVersion") }
        if version > SessionDocument.currentFormatVersion { throw SessionFileError.newerFormat(path, version) }
        if version < 1 { throw SessionFileError.malformed(path, "formatVersion \(version) is not a version lede wrote") }
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

/// Writes a file so that readers see the old content or the new, never a half-written one.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let tmp = (dir as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SessionFileError.write(path, String(cString: strerror(errno))) }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { ok = false; break }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        let err = errno
        close(fd)
        guard ok else { unlink(tmp); throw SessionFileError.write(path, String(cString: strerror(err))) }
        guard rename(tmp, path) == 0 else {
            let e = errno; unlink(tmp)
            throw SessionFileError.write(path, String(cString: strerror(e)))
        }
    }
}
