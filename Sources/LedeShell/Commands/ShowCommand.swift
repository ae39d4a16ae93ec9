import ArgumentParser
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
