import ArgumentParser
import Foundation
import LedeArticles
import LedeSession

/// Writes the selected articles (cleaned body text and metadata) out, for other tools or to load again.
struct ExportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write articles (clean text and metadata) to a JSONL or CSV file, or a folder of text files.",
        discussion: """
        jsonl: one JSON object per article version (id, name, version, title, published, modified, source, author, \
        url, language, path, text); lede loads it back. csv: the same columns. text: a folder with one NAME.txt per \
        article version (title, a blank line, the body). The output format follows the file name (.jsonl, .csv, \
        or a folder) unless --format says otherwise.
        """)
    static let argumentKind = ArgumentKind.paths

    enum Kind: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, text }

    @Argument(help: "The file (or folder, for text) to write.") var destination: String
    @Argument(help: "The articles to export (default: all).") var selectors: [String] = []
    @Option(help: "jsonl, csv or text (default: from the file name).") var format: Kind?
    @Flag(help: "Replace an existing file or folder.") var force = false

    struct Record: Codable {
        var id: String, name: String?, version: Int
        var title: String?, published: String?, modified: String?, source: String?, author: String?, url: String?, language: String?
        var path: String
        var text: String
    }

    struct Result: CommandResult {
        var destination: String, format: String, articles: Int, bytes: Int
        var display: [DisplayBlock] {
            [.text("exported \(Format.plural(articles, "article version")) to \(destination) (\(format), \(ByteCount.format(bytes)))")]
        }
    }

    var kind: Kind {
        if let format { return format }
        let ext = (destination as NSString).pathExtension.lowercased()
        return ext == "csv" ? .csv : (ext == "jsonl" || ext == "ndjson" || ext == "json") ? .jsonl : .text
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let path = shell.resolvePath(destination)
        if FileManager.default.fileExists(atPath: path) && !force {
            throw CommandError("export: \(destination) exists (use --force to replace it)")
        }
        let picked = try shell.workspace.select(selectors)
        let records = picked.map { s -> Record in
            let m = s.version.metadata
            return Record(id: s.article.id, name: s.article.name, version: s.version.number, title: m.title,
                          published: m.published, modified: m.modified, source: m.source, author: m.author, url: m.url,
                          language: m.language, path: s.version.document.path, text: s.version.body)
        }
        var bytes = 0
        do {
            switch kind {
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
                     r.author ?? "", r.url ?? "", r.language ?? "", r.path, r.text].map(Renderer.csvField).joined(separator: ",")
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
                    try AtomicFile.write(data, to: (path as NSString).appendingPathComponent(safeFileName(base) + ".txt"))
                    bytes += data.count
                }
            }
        } catch let error as SessionFileError {
            throw CommandError("export: \(error)")
        }
        return Result(destination: destination, format: kind.rawValue, articles: records.count, bytes: bytes)
    }

    /// Names come from users: keep them to one path component.
    private func safeFileName(_ s: String) -> String {
        String(s.map { $0 == "/" || $0 == "\0" ? "_" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
