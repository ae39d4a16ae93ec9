import ArgumentParser
import LedeArticles
import LedeSession

struct ShowCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an article's metadata and text; --blocks shows kept and dropped blocks with reasons.")
    static let recordsResult = false

    @Argument(help: "The article(s) to show, e.g. a1 or talks@2.") var selectors: [String]
    @Flag(help: "Show every block the loader kept or dropped, and why.") var blocks = false
    @Flag(name: .customLong("meta"), help: "Metadata only, no text.") var metadataOnly = false

    func validate() throws { if selectors.isEmpty { throw ValidationError("name the article to show (e.g. show a1)") } }

    struct Block: Codable { var kept: Bool; var reason: String?; var text: String }
    struct Shown: Codable {
        var id: String, name: String?, version: Int, versions: Int, path: String, format: String
        var metadata: ArticleMetadata, words: Int, sentences: Int, paragraphs: [String]
        var blocks: [Block]?
    }
    struct Result: CommandResult {
        var articles: [Shown]
        var metadataOnly: Bool
        var display: [DisplayBlock] {
            articles.flatMap { a -> [DisplayBlock] in
                var fields: [(String, String)] = [("id", a.id)]
                if let n = a.name { fields.append(("name", n)) }
                fields.append(("version", "\(a.version) of \(a.versions)"))
                let m = a.metadata
                for (k, v) in [("title", m.title), ("published", m.published), ("modified", m.modified), ("source", m.source),
                               ("author", m.author), ("url", m.url), ("language", m.language)] {
                    if let v { fields.append((k, v)) }
                }
                fields.append(("file", "\(a.path) (\(a.format))"))
                fields.append(("counts", "\(Format.int(a.words)) words, \(Format.int(a.sentences)) sentences, \(a.paragraphs.count) paragraphs"))
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

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let picked = try shell.workspace.select(selectors)
        return Result(articles: picked.map { s in
            let v = s.version
            let d = v.document
            let paragraphs = v.paragraphs
            var blockList: [Block]?
            if blocks {
                // In document order: each dropped block before the kept paragraph it preceded.
                var list: [Block] = []
                var pending = d.dropped.filter { $0.position != nil }
                for (k, p) in paragraphs.enumerated() {
                    list += pending.filter { $0.position! <= k }.map { Block(kept: false, reason: $0.reason, text: $0.text) }
                    pending.removeAll { $0.position! <= k }
                    list.append(Block(kept: true, reason: nil, text: p))
                }
                list += (pending + d.dropped.filter { $0.position == nil }).map { Block(kept: false, reason: $0.reason, text: $0.text) }
                blockList = list
            }
            return Shown(id: s.article.id, name: s.article.name, version: v.number, versions: s.article.versions.count,
                         path: d.path, format: d.format.rawValue, metadata: v.metadata, words: v.wordCount,
                         sentences: v.text.sentences.count, paragraphs: paragraphs, blocks: blockList)
        }, metadataOnly: metadataOnly)
    }
}
