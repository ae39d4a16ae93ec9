import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
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
    /// Write a document-term matrix (`FILE.mtx` Matrix Market, or `FILE.csv` as document, term, count rows) with its
    /// term and document lists beside it, counting terms as `keywords` does (`top` unused).
    public var matrix: TermOptions?

    public init(destination: String, path: String, selectors: [String] = [], format: Format? = nil, force: Bool = false,
                matrix: TermOptions? = nil) {
        self.destination = destination; self.path = path; self.selectors = selectors; self.format = format; self.force = force
        self.matrix = matrix
    }

    /// The format asked for, else the one the file name says (.csv, .jsonl/.ndjson/.json, anything else a folder).
    public var resolvedFormat: Format {
        if let format { return format }
        let ext = RawPath.pathExtension(of: destination).lowercased()
        return ext == "csv" ? .csv : (ext == "jsonl" || ext == "ndjson" || ext == "json") ? .jsonl : .text
    }
}

public struct ExportReport: Codable, Sendable {
    public var destination: String, format: String, articles: Int, bytes: Int
    /// For a matrix: its terms, non-zero cells, and the files written beside it.
    public var terms: Int? = nil
    public var entries: Int? = nil
    public var files: [String]? = nil
}

extension Engine {
    public func export(_ request: ExportRequest) throws -> ExportReport {
        if let terms = request.matrix { return try exportMatrix(request, terms: terms) }
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
                // Every name is settled before the first file is written, so a bad one stops nothing halfway.
                var versionsOf: [String: Int] = [:]
                for r in records { versionsOf[r.id, default: 0] += 1 }
                let names = Self.textFileNames(records, multipleVersions: Set(versionsOf.filter { $0.value > 1 }.keys))
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                    throw EngineError("\(request.destination) is a file; text export writes a folder (name a folder, or use --format)")
                }
                do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                    throw EngineError("\(request.destination): cannot create folder (\((error as NSError).localizedFailureReason ?? "\(error)"))")
                }
                AtomicFile.removeStaleTemporaries(in: path)
                for (r, name) in zip(records, names) {
                    let body = (r.title.map { $0 + "\n\n" } ?? "") + r.text + "\n"
                    let data = Data(body.utf8)
                    try AtomicFile.write(data, to: (path as NSString).appendingPathComponent(name), removingStale: false)
                    bytes += data.count
                }
            }
        } catch let error as SessionFileError {
            throw EngineError("\(error)")
        }
        return ExportReport(destination: request.destination, format: format.rawValue, articles: records.count, bytes: bytes)
    }

    /// The document-term matrix and, beside it, `NAME.terms.csv` (column, term, count, documents) and
    /// `NAME.documents.csv` (row, id, name, version, title, path), both in matrix order.
    private func exportMatrix(_ request: ExportRequest, terms options: TermOptions) throws -> ExportReport {
        let ext = RawPath.pathExtension(of: request.path).lowercased()
        guard ext == "mtx" || ext == "csv" else {
            throw EngineError("\(request.destination): a matrix is written as FILE.mtx (Matrix Market) or FILE.csv (document, term, count)")
        }
        let base = RawPath.deletingExtension(of: request.path), shownBase = RawPath.deletingExtension(of: request.destination)
        let paths = [request.path, base + ".terms.csv", base + ".documents.csv"]
        let shown = [request.destination, shownBase + ".terms.csv", shownBase + ".documents.csv"]
        if !request.force, let existing = paths.indices.first(where: { FileManager.default.fileExists(atPath: paths[$0]) }) {
            throw EngineError("\(shown[existing]) exists (use --force to replace it)")
        }
        let picked = try select(request.selectors)
        let units = try languageUnits(options, languages: languages(of: picked, for: options))
        let matrix = try DocumentTermMatrix(texts: picked.map(\.version.text), units: units.shared, unitsOf: unitsOfEach(picked, units),
                                            minCount: options.minCount)
        let labels = picked.map(\.label)
        var main: String
        if ext == "mtx" {
            main = matrix.matrixMarket(comment: "lede document-term matrix: rows \(shownBase).documents.csv, columns \(shownBase).terms.csv")
        } else {
            main = "document,term,count\n"
            for (i, row) in matrix.rows.enumerated() {
                for cell in row { main += "\(CSV.field(labels[i])),\(CSV.field(matrix.terms[cell.column])),\(cell.count)\n" }
            }
        }
        var termList = "column,term,count,documents\n"
        for (k, t) in matrix.terms.enumerated() { termList += "\(k + 1),\(CSV.field(t)),\(matrix.termCounts[k]),\(matrix.documentFrequency[k])\n" }
        var documents = "row,document,id,name,version,title,path\n"
        for (i, s) in picked.enumerated() {
            documents += [String(i + 1), labels[i], s.article.id, s.article.name ?? "", String(s.version.number),
                          s.version.metadata.title ?? "", s.version.document.path].map(CSV.field).joined(separator: ",") + "\n"
        }
        var bytes = 0
        do {
            for (text, path) in zip([main, termList, documents], paths) {
                let data = Data(text.utf8)
                try AtomicFile.write(data, to: path)
                bytes += data.count
            }
        } catch let error as SessionFileError {
            throw EngineError("\(error)")
        }
        return ExportReport(destination: request.destination, format: ext == "mtx" ? "matrix market" : "csv triplets", articles: picked.count,
                            bytes: bytes, terms: matrix.terms.count, entries: matrix.entries, files: Array(shown.dropFirst()))
    }

    /// Longest file name written, in UTF-8 bytes, before `-N` and `.txt` (file systems allow 255).
    static let maxNameBytes = 200

    /// One `.txt` name per record: the article's name (else its id), `@VERSION` when several of its versions are
    /// exported, kept to one visible path component of at most `maxNameBytes`, and unique even where the file
    /// system ignores case (a second `talks` becomes `talks-2.txt`).
    static func textFileNames(_ records: [ExportRecord], multipleVersions: Set<String>) -> [String] {
        var used = Set<String>()
        return records.map { r in
            var base = safeFileName(r.name ?? r.id)
            if base.isEmpty { base = r.id }
            base = truncated(base, toBytes: maxNameBytes)
            if multipleVersions.contains(r.id) { base += "@\(r.version)" }
            var name = base + ".txt", n = 1
            while !used.insert(name.lowercased()).inserted { n += 1; name = base + "-\(n).txt" }
            return name
        }
    }

    /// Names come from users: keep them to one path component, never hidden (`.`, `..` and leading dots go).
    static func safeFileName(_ s: String) -> String {
        String(s.map { $0 == "/" || $0 == "\0" ? "_" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    }

    static func truncated(_ s: String, toBytes limit: Int) -> String {
        guard s.utf8.count > limit else { return s }
        var out = ""
        for c in s {
            if out.utf8.count + String(c).utf8.count > limit { break }
            out.append(c)
        }
        return out
    }
}

/// One exported version: the JSONL object and the CSV row.
struct ExportRecord: Codable {
    var id: String, name: String?, version: Int
    var title: String?, published: String?, modified: String?, source: String?, author: String?, url: String?, language: String?
    var path: String
    var text: String
}
