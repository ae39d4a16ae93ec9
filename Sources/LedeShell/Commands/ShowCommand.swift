import ArgumentParser
import LedeArticles
import LedeSession
import LedeEngine

struct ShowCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an article's metadata and text; --blocks shows kept and dropped blocks with reasons.")
    static let recordsResult = false

    @Argument(help: "The article(s) to show, e.g. a1 or talks@2.") var selectors: [String]
    @Flag(help: "Show every block the loader kept or dropped, and why.") var blocks = false
    @Flag(name: .customLong("meta"), help: "Metadata only, no text.") var metadataOnly = false

    func validate() throws { if selectors.isEmpty { throw ValidationError("name the article to show (e.g. show a1)") } }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.show(ShowRequest(selectors: selectors, blocks: blocks, metadataOnly: metadataOnly))
    }
}

extension ShowReport: CommandResult {
    /// With --blocks, one row per block; otherwise one row per article version, its text in one cell.
    public var dataTable: DataTable? {
        if articles.contains(where: { $0.blocks != nil }) {
            var rows: [[DataTable.Value]] = []
            for a in articles {
                for (k, b) in (a.blocks ?? []).enumerated() {
                    rows.append([.string(a.id), .int(a.version), .int(k + 1), .bool(b.kept), b.reason.map { .string($0) } ?? .null, .string(b.text)])
                }
            }
            return DataTable(columns: ["id", "version", "block", "kept", "reason", "text"], rows: rows)
        }
        struct Row: Encodable {
            var id: String, name: String?, version: Int, versions: Int, path: String, format: String
            var metadata: ArticleMetadata, tags: String, words: Int, sentences: Int, paragraphs: Int, text: String?
        }
        let rows = articles.map { a in
            Row(id: a.id, name: a.name, version: a.version, versions: a.versions, path: a.path, format: a.format, metadata: a.metadata,
                tags: ListReport.shownTags(a.tags), words: a.words, sentences: a.sentences, paragraphs: a.paragraphs.count,
                text: metadataOnly ? nil : a.paragraphs.joined(separator: "\n\n"))
        }
        return (try? DataNode.encode(rows)).map(DataTable.from)
    }

    public var display: [DisplayBlock] {
        articles.flatMap { a -> [DisplayBlock] in
            var fields: [(String, String)] = [("id", a.id)]
            if let n = a.name { fields.append(("name", n)) }
            fields.append(("version", "\(a.version) of \(a.versions)"))
            let m = a.metadata
            for (k, v) in [("title", m.title), ("published", m.published), ("modified", m.modified), ("source", m.source),
                           ("author", m.author), ("url", m.url), ("language", m.language)] {
                if let v { fields.append((k, v)) }
            }
            for (k, v) in (m.fields ?? [:]).sorted(by: { $0.key < $1.key }) { fields.append(("field:\(k)", v)) }
            let tags = ListReport.shownTags(a.tags)
            if !tags.isEmpty { fields.append(("tags", tags)) }
            fields.append(("file", "\(a.path) (\(a.format))"))
            fields.append(("counts", "\(Format.plural(a.words, "word")), \(Format.plural(a.sentences, "sentence")), \(Format.plural(a.paragraphs.count, "paragraph"))"))
            var out: [DisplayBlock] = [.fields(title: nil, fields)]
            if let blocks = a.blocks {
                out.append(.table(Table(columns: [.init("#", .right), .init("kept"), .init("reason"), .init("text", shrinkable: true)],
                                        rows: blocks.enumerated().map { [String($0.offset + 1), $0.element.kept ? "body" : "dropped", $0.element.reason ?? "", $0.element.text] })))
            } else if !metadataOnly {
                out.append(.text(a.paragraphs.joined(separator: "\n\n")))
            }
            return out
        }
    }
}
