import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `export`: the selected versions' clean text and metadata as JSONL (loads back), CSV, or a folder of text files.
public struct ExportRequest: Sendable {
    public enum Format: String, Sendable, CaseIterable, Codable { case jsonl, csv, text }

    /// The destination as the user wrote it (for the report) and resolved.
    public var destination: String
    public var path: String
    public var selectors: [String]
    public var format: Format?
    public var force: Bool

    public init(destination: String, path: String, selectors: [String] = [], format: Format? = nil, force: Bool = false) {
        self.destination = destination; self.path = path; self.selectors = selectors; self.format = format; self.force = force
    }

    /// The format asked for, else the one the file name says (.csv, .jsonl/.ndjson/.json, anything else a folder).
    public var resolvedFormat: Format {
        if let format { return format }
        let ext = (destination as NSString).pathExtension.lowercased()
        return ext == "csv" ? .csv : (ext == "jsonl" || ext == "ndjson" || ext == "json") ? .jsonl : .text
    }
}

public struct ExportReport: Codable, Sendable {
    public var destination: String, format: String, articles: Int, bytes: Int
}

extension Engine {
    public func export(_ request: ExportRequest) throws -> ExportReport {
        let path = request.path
        if FileManager.default.fileExists(atPath: path) && !request.force {
            throw EngineError("\(request.destination) exists (use --force to replace it)")
        }
        let picked = try workspace.select(request.selectors)
        let records = picked.map { s -> ExportRecord in
            let m = s.version.metadata
            return ExportRecord(id: s.article.id, name: s.article.name, version: s.version.number, title: m.title,
                                published: m.published, modified: m.modified, source: m.source, author: m.author, url: m.url,
                                language: m.language, path: s.version.document.path, text: s.version.body)
        }
        let format = request.resolvedFormat
        var bytes = 0
        do {
            switch format {
            case .jsonl:
                let encoder = JSONEncoder.lede
                var data = Data()
                for r in records { data.append(try encoder.encode(r)); data.append(0x0A) }
                try AtomicFile.write(data, to: path)
                bytes = data.count
            case .csv:
                let header = "id,name,version,title,published,modified,source,author,url,language,path,text"
                let rows = records.map { r in
                    [r.id, r.name ?? "", String(r.version), r.title ?? "", r.published ?? "", r.modified ?? "", r.source ?? "",
                     r.author ?? "", r.url ?? "", r.language ?? "", r.path, r.text].map(CSV.field).joined(separator: ",")
                }
                let data = Data(([header] + rows).joined(separator: "\n").appending("\n").utf8)
                try AtomicFile.write(data, to: path)
                bytes = data.count
            case .text:
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                for r in records {
                    let base = (r.name ?? r.id) + (picked.count > 1 && records.contains { $0.id == r.id && $0.version != r.version } ? "@\(r.version)" : "")
                    let body = (r.title.map { $0 + "\n\n" } ?? "") + r.text + "\n"
                    let data = Data(body.utf8)
                    try AtomicFile.write(data, to: (path as NSString).appendingPathComponent(Self.safeFileName(base) + ".txt"))
                    bytes += data.count
                }
            }
        } catch let error as SessionFileError {
            throw EngineError("\(error)")
        }
        return ExportReport(destination: request.destination, format: format.rawValue, articles: records.count, bytes: bytes)
    }

    /// Names come from users: keep them to one path component.
    static func safeFileName(_ s: String) -> String {
        String(s.map { $0 == "/" || $0 == "\0" ? "_" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}

/// One exported version: the JSONL object and the CSV row.
struct ExportRecord: Codable {
    var id: String, name: String?, version: Int
    var title: String?, published: String?, modified: String?, source: String?, author: String?, url: String?, language: String?
    var path: String
    var text: String
}
