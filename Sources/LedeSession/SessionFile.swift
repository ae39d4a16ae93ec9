import Foundation
import Synchronization
import LedeText
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

/// Saving and opening sessions. A session file is one JSON document, laid out so that lede can read it in
/// parallel: the header fields on the first line, then one log entry per line, then one article per line:
///
///     {"formatVersion":2,"ledeVersion":…,"createdAt":…,"settings":{…},"models":[…],"log":[
///     {entry},
///     ],"articles":[
///     {article},
///     ]}
///
/// Any JSON reader reads it whole; lede reads each line on its own, on all cores, and falls back to reading
/// the whole document when the layout is not its own (a file edited by hand). Saves are atomic.
public enum SessionFile {
    /// Results encoded larger than this are written compacted (`ResultCompaction`).
    static let compactionThreshold = 32 << 10

    public static func document(workspace: Workspace, log: ResultLog, settings: Settings, models: [SessionDocument.SavedModel],
                                ledeVersion: String) -> SessionDocument {
        let articles = workspace.articles.map { a in
            SessionDocument.SavedArticle(id: a.id, name: a.name, tags: a.tags, versions: a.versions.map { v in
                SessionDocument.SavedVersion(
                    number: v.number, sourcePath: v.document.path, recordKey: v.document.recordKey,
                    format: v.document.format, metadata: v.metadata, contentHash: v.contentHash,
                    loadedAt: v.loadedAt, words: v.wordCount, paragraphs: v.document.paragraphRanges.count,
                    text: v.paragraphs, dropped: v.document.dropped)
            })
        }
        return SessionDocument(ledeVersion: ledeVersion, createdAt: Date(), settings: settings, models: models,
                               log: log.entries, articles: articles,
                               collections: workspace.collections.isEmpty ? nil : workspace.collections)
    }

    public static func write(_ document: SessionDocument, to path: String) throws {
        do { try AtomicFile.write(try encode(document), to: path) }
        catch let error as SessionFileError { throw error }
        catch { throw SessionFileError.write(path, "\(error)") }
    }

    /// The document in lede's line layout (articles encoded on all cores).
    static func encode(_ document: SessionDocument) throws -> Data {
        let encoder = JSONEncoder.lede
        func json<T: Encodable>(_ value: T) throws -> Data { try encoder.encode(value) }
        var out = Data()
        out.append(contentsOf: "{\"formatVersion\":\(document.formatVersion),\"ledeVersion\":".utf8)
        out.append(try json(document.ledeVersion))
        out.append(contentsOf: ",\"createdAt\":".utf8)
        out.append(try json([document.createdAt]).dropFirst().dropLast())
        out.append(contentsOf: ",\"settings\":".utf8)
        out.append(try json(document.settings))
        out.append(contentsOf: ",\"models\":".utf8)
        out.append(try json(document.models))
        if let collections = document.collections {
            out.append(contentsOf: ",\"collections\":".utf8)
            out.append(try json(collections))
        }
        out.append(contentsOf: ",\"log\":[\n".utf8)
        for (i, entry) in document.log.enumerated() {
            var line = try entry.sessionLine ?? json(entry)
            if entry.sessionLine == nil, line.count > compactionThreshold, case .object(var tree) = try JSONParser.parse(line),
               let result = tree["result"] {
                tree["result"] = ResultCompaction.compact(result)
                line = try json(JSONValue.object(tree))
            }
            out.append(line)
            out.append(contentsOf: (i + 1 < document.log.count ? ",\n" : "\n").utf8)
        }
        out.append(contentsOf: "],\"articles\":[\n".utf8)
        let lines = Parallel.map(count: document.articles.count, chunk: 256) { range -> [Data]? in
            let encoder = JSONEncoder.lede
            return try? range.map { try encoder.encode(document.articles[$0]) }
        }
        var written = 0
        for chunk in lines {
            guard let chunk else { throw SessionFileError.write("", "an article could not be encoded") }
            for line in chunk {
                written += 1
                out.append(line)
                out.append(contentsOf: (written < document.articles.count ? ",\n" : "\n").utf8)
            }
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// Reads and checks a session file without touching any workspace. `progress` gets (articles read, total).
    public static func read(_ path: String, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SessionDocument {
        guard let data = RawPath.contents(of: path) else { throw SessionFileError.unreadable(path) }
        return try read(data: data, path: path, progress: progress)
    }

    /// Checks and decodes a session file's bytes; `path` names it in errors.
    public static func read(data: Data, path: String, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SessionDocument {
        let document = try readLines(data, path: path, progress: progress) ?? readWhole(data, path: path)
        if let problem = document.articleProblem() { throw SessionFileError.malformed(path, problem) }
        return document
    }

    /// The whole document with one decoder: files in another layout, and format 1. These are checked against
    /// `session.schema.json` first; lede's own line layout is checked field by field as it is read.
    static func readWhole(_ data: Data, path: String) throws -> SessionDocument {
        // Check the version first, so a newer file gets the right message even if its shape changed.
        guard let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SessionFileError.malformed(path, "not a JSON object")
        }
        guard let field = top["formatVersion"] else { throw SessionFileError.malformed(path, "no formatVersion") }
        guard let version = field as? Int else { throw SessionFileError.malformed(path, "formatVersion is not a whole number") }
        try check(version: version, path: path)
        if var schema = SessionSchemaCheck(), let problem = schema.problem(in: top) { throw SessionFileError.malformed(path, problem) }
        return try decoding(path: path) { try decoder().decode(SessionDocument.self, from: data) }
    }

    static func check(version: Int, path: String) throws {
        if version > SessionDocument.currentFormatVersion { throw SessionFileError.newerFormat(path, version) }
        if version < 1 { throw SessionFileError.malformed(path, "formatVersion \(version) is not a version lede wrote") }
    }

    /// lede's own layout, line by line, articles decoded on all cores; nil when the layout is not lede's.
    static func readLines(_ data: Data, path: String, progress: (@Sendable (Int, Int) -> Void)?) throws -> SessionDocument? {
        let lines = data.withUnsafeBytes { raw -> [Range<Int>] in
            var out: [Range<Int>] = []
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                guard let nl = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { out.append(start..<bytes.count); break }
                let end = bytes.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                out.append(start..<end)
                start = end + 1
            }
            return out
        }
        let logOpen = Array(",\"log\":[".utf8), articlesOpen = Array("],\"articles\":[".utf8), close = Array("]}".utf8)
        guard lines.count >= 3, data[lines[0]].starts(with: Array("{\"formatVersion\":".utf8)),
              data[lines[0]].suffix(logOpen.count).elementsEqual(logOpen),
              let split = lines.firstIndex(where: { data[$0].elementsEqual(articlesOpen) }),
              data[lines[lines.count - 1]].elementsEqual(close) else { return nil }
        // The header alone, as a document with an empty log and no articles.
        var header = Data(data[lines[0]])
        header.append(contentsOf: "],\"articles\":[]}".utf8)
        let head = try decoding(path: path) { try decoder().decode(Header.self, from: header) }
        try check(version: head.formatVersion, path: path)
        /// A line without the comma that separates it from the next.
        @Sendable func item(_ range: Range<Int>) -> Data {
            let slice = data[range]
            return slice.last == UInt8(ascii: ",") ? Data(slice.dropLast()) : Data(slice)
        }
        let logLines = Array(lines[1..<split]), articleLines = Array(lines[(split + 1)..<(lines.count - 1)])
        let logDecoder = decoder()
        let log = try logLines.enumerated().map { i, range in
            try decoding(path: path, at: "log[\(i)]") { try LogEntry.fromSessionLine(item(range), decoder: logDecoder) }
        }
        let total = articleLines.count
        let done = Locked(0)
        let chunks = Parallel.map(count: total, chunk: 128) { range -> Result<[SessionDocument.SavedArticle], SessionFileError> in
            if Cancellation.isRequested { return .success([]) }
            var out: [SessionDocument.SavedArticle] = []
            out.reserveCapacity(range.count)
            for i in range {
                do {
                    let article: SessionDocument.SavedArticle
                    do { article = try SavedArticleReader.read(item(articleLines[i]), index: i) }
                    catch let problem as SavedArticleReader.Problem { throw SessionFileError.malformed(path, problem.message) }
                    if let problem = article.problem(index: i, needsText: head.formatVersion >= 2) {
                        return .failure(.malformed(path, problem))
                    }
                    out.append(article)
                } catch let error as SessionFileError { return .failure(error) } catch { return .failure(.malformed(path, "\(error)")) }
            }
            if let progress { progress(done.withLock { $0 += range.count; return $0 }, total) }
            return .success(out)
        }
        try Cancellation.check()
        var articles: [SessionDocument.SavedArticle] = []
        articles.reserveCapacity(total)
        for chunk in chunks { articles.append(contentsOf: try chunk.get()) }
        return SessionDocument(formatVersion: head.formatVersion, ledeVersion: head.ledeVersion, createdAt: head.createdAt,
                               settings: head.settings, models: head.models ?? [], log: log, articles: articles,
                               collections: head.collections)
    }

    /// The fields before the log.
    private struct Header: Decodable {
        var formatVersion: Int
        var ledeVersion: String
        var createdAt: Date
        var settings: Settings
        var models: [SessionDocument.SavedModel]?
        var collections: [ArticleCollection]?
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Runs a decode, turning its error into one line naming the field's path.
    static func decoding<T>(path: String, at prefix: String = "", _ body: () throws -> T) throws -> T {
        func at(_ codingPath: [CodingKey]) -> String {
            let rest = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let full = prefix + rest
            return full.isEmpty ? "top level" : (full.hasPrefix(".") ? String(full.dropFirst()) : full)
        }
        do { return try body() } catch let DecodingError.keyNotFound(key, ctx) {
            throw SessionFileError.malformed(path, "missing '\(key.stringValue)' at \(at(ctx.codingPath))")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw SessionFileError.malformed(path, "wrong type at \(at(ctx.codingPath))")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw SessionFileError.malformed(path, "null at \(at(ctx.codingPath))")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw SessionFileError.malformed(path, "\(ctx.debugDescription) at \(at(ctx.codingPath))")
        } catch let error as SessionFileError {
            throw error
        } catch {
            throw SessionFileError.malformed(path, "\(error)")
        }
    }
}
