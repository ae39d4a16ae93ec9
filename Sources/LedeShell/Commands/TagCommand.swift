import ArgumentParser
import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

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
    @Option(help: "A taxonomy JSON file (format in README, section Topics).") var taxonomy: String?
    @Option(help: "A model trained with 'train', or a model JSON file.") var model: String?
    @Option(help: "Also tag every topic scoring at least this (default: the taxonomy's, 0.25; models 0.5).") var threshold: Double?
    @Flag(help: "Show the words and phrases behind each score.") var explain = false

    func validate() throws {
        if taxonomy != nil && model != nil { throw ValidationError("give --taxonomy or --model, not both") }
        if let t = threshold, !(0...1).contains(t) { throw ValidationError("--threshold must be between 0 and 1") }
    }

    struct Assigned: Codable {
        var code: String
        var name: String
        var label: String
        var score: Double
        var evidence: [TopicScore.Evidence]?
    }
    struct Row: Codable {
        var id: String
        var title: String?
        var topics: [Assigned]
        /// Why the article has no topic (e.g. "no taxonomy for it").
        var untagged: String? = nil
    }
    struct Result: CommandResult {
        var tagger: String
        var threshold: Double
        var articles: [Row]
        var explain: Bool
        var seconds: Double

        var display: [DisplayBlock] {
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

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let start = Date()
        let selections = try shell.workspace.select(selectors)
        let keys = TermKeys.of(shell.workspace.vocabulary)
        var rows: [Row] = []
        let taggerName: String
        let usedThreshold: Double
        if let model {
            let m = try TopicModelStore.of(shell).resolve(model, shell: shell)
            let bound = try m.bind(to: keys)
            let th = threshold ?? 0.5
            usedThreshold = th
            taggerName = "model \(model)"
            let own = Set(m.labels.map { $0.lowercased() })
            for s in selections {
                try Cancellation.check()
                let ranked = bound.classify(TermBag(s.version.text, keys: keys))
                let chosen = ranked.enumerated().filter { $0.offset == 0 || $0.element.score >= th }.map(\.element)
                let assigned = chosen.map { Assigned(code: $0.label, name: $0.label, label: $0.label, score: $0.score, evidence: nil) }
                s.article.tags.removeAll { own.contains($0.lowercased()) }
                for a in assigned where !s.article.tags.contains(a.name) { s.article.tags.append(a.name) }
                rows.append(Row(id: s.article.id, title: s.version.metadata.title, topics: assigned))
            }
        } else {
            let tax: Taxonomy
            do { tax = try taxonomy.map { try Taxonomy.load(path: shell.resolvePath($0)) } ?? Taxonomy.builtIn() } catch let e as TaxonomyError {
                throw CommandError(e.description)
            }
            let tagger = TaxonomyTagger(taxonomy: tax, keys: keys)
            usedThreshold = threshold ?? tax.threshold
            taggerName = taxonomy == nil ? "IPTC Media Topics" : "taxonomy \(taxonomy!)"
            let own = Set(tax.topics.flatMap { [$0.code.lowercased(), $0.name.lowercased()] })
            for s in selections {
                try Cancellation.check()
                let tagging = tagger.tag(s.version.text, title: s.version.metadata.title, language: s.version.metadata.language)
                let assigned = tagger.assigned(tagging.scores, threshold: usedThreshold)
                s.article.tags.removeAll { own.contains($0.lowercased()) }
                for a in assigned {
                    for t in [a.name, a.code] where !s.article.tags.contains(t) { s.article.tags.append(t) }
                }
                rows.append(Row(id: s.article.id, title: s.version.metadata.title,
                                topics: assigned.map { Assigned(code: $0.code, name: $0.name, label: $0.label, score: $0.score,
                                                                evidence: explain ? $0.evidence : nil) },
                                untagged: tagging.untagged))
            }
        }
        return Result(tagger: taggerName, threshold: usedThreshold, articles: rows, explain: explain, seconds: Date().timeIntervalSince(start))
    }
}
