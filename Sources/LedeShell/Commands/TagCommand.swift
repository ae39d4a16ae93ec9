import ArgumentParser
import LedeSession
import LedeEngine

struct TagCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag articles with topics (built-in IPTC Media Topics, your taxonomy, or a trained model).",
        discussion: """
        Each article gets its top topic and every other topic scoring at least the threshold, as tags usable in \
        selectors: 'tag:politics' or 'tag:11000000'. Tagging again with the same taxonomy or model replaces its \
        earlier tags. --explain lists the terms and phrases behind each score and their contributions.
        """)

    @Argument(help: "Articles to tag (default: all).") var selectors: [String] = []
    @Option(help: "A taxonomy JSON file (format in docs/topics.md).") var taxonomy: String?
    @Option(help: "A model trained with 'train', or a model JSON file.") var model: String?
    @Option(help: "Also tag every topic scoring at least this, 0–1 (default: the taxonomy's, 0.25; models 0.5).") var threshold: Double?
    @Flag(help: "Show the words and phrases behind each score.") var explain = false

    func validate() throws {
        if taxonomy != nil && model != nil { throw ValidationError("give --taxonomy or --model, not both") }
        if let threshold { try OptionLimits.check(threshold, in: 0...1, "--threshold") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let tagger: TagRequest.Tagger
        if let model { tagger = .model(name: model, path: context.output.resolvePath(model)) }
        else if let taxonomy { tagger = .taxonomy(name: taxonomy, path: context.output.resolvePath(taxonomy)) }
        else { tagger = .builtIn }
        return try context.engine.tag(TagRequest(selectors: selectors, tagger: tagger, threshold: threshold, explain: explain))
    }
}

extension TagReport: CommandResult {
    public var display: [DisplayBlock] {
        var blocks: [DisplayBlock] = []
        blocks.append(.table(Table(
            columns: [.init("id"), .init("top topic"), .init("score", .right), .init("also", shrinkable: true), .init("title", shrinkable: true)],
            rows: articles.map { r in
                let top = r.topics.first
                return [r.id, top.map { "\($0.code == $0.name ? $0.name : "\($0.code) \($0.name)")" } ?? r.untagged.map { "untagged: \($0)" } ?? "(none)",
                        top.map { Format.fixed($0.score, 2) } ?? "",
                        r.topics.dropFirst().map { "\($0.name) \(Format.fixed($0.score, 2))" }.joined(separator: ", "),
                        r.title ?? ""]
            })))
        if explain {
            for r in articles {
                for t in r.topics {
                    blocks.append(.table(Table(
                        title: "\(r.id) · \(t.label) \(Format.fixed(t.score, 3))",
                        columns: [.init("term"), .init("count", .right), .init("weight", .right), .init("contribution", .right)],
                        rows: (t.evidence ?? []).map { [$0.term, String($0.count), Format.fixed($0.weight, 2), Format.fixed($0.contribution, 4)] })))
                }
            }
        }
        var counts: [String: Int] = [:]
        for r in articles { counts[r.topics.first?.name ?? "(none)", default: 0] += 1 }
        blocks.append(.text("tagged \(Format.plural(articles.count, "article")) with \(tagger) in \(Format.seconds(seconds)); top topics: "
                            + counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        return blocks
    }
}
