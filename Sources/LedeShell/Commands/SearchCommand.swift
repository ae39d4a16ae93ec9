import ArgumentParser
import Foundation
import LedeSession
import LedeEngine

struct SearchCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search: words, \"phrases\", prefix*, AND/OR/NOT, best matches first, with the matched words marked.",
        discussion: """
        Searches the archive when one is open, else the loaded articles. The query is FTS5's: words (any case, \
        accents ignored), "a phrase" (quote it inside the line: search '"peace talks"'), talk* (a prefix), AND, OR, \
        NOT (in capitals), NEAR(a b, 5), title:fire. Hits come in BM25 order (the title counts twice), each \
        version once, with a passage around the best match. SEL restricts the hits to those versions. --as NAME \
        keeps every hit (or, with --limit, those shown) as a collection usable as a selector. Texts stored since \
        the last search are indexed first. docs/archive.md.
        """)

    @Argument(help: "The query (quote it when it has spaces).") var query: String
    @Argument(help: "Only hits in these articles or versions (default: all).") var selectors: [String] = []
    @Option(help: "Hits to show, 1–100,000 (default 20; with --as, those shown are kept).") var limit: Int?
    @Option(name: .customLong("as"), help: "Keep the hits as a collection with this name.") var name: String?

    func validate() throws {
        if let limit { try OptionLimits.check(limit, in: 1...100_000, "--limit") }
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a query (e.g. search '\"peace talks\"')") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let progress = context.output.progressLine()
        defer { progress?.finish() }
        let report = try context.engine.search(SearchRequest(query: query, selectors: selectors, limit: limit, name: name),
                                               progress: progress.map { line in { @Sendable done, total in
                                                   line.update(done, 0, total, phase: "indexing for search") } })
        if report.unindexed > 0 {
            context.output.warn("\(Format.plural(report.unindexed, "text")) not searched: another process is writing to the archive, so they could not be indexed now")
        }
        return report
    }
}

extension SearchReport: CommandResult {
    public var display: [DisplayBlock] {
        var runs: [StyledRun] = []
        for (k, hit) in hits.enumerated() {
            if k > 0 { runs.append(StyledRun("\n")) }
            let label = hit.name.map { "\($0)@\(hit.version) (\(hit.id))" } ?? "\(hit.id)@\(hit.version)"
            runs.append(StyledRun(label, .strong))
            runs.append(StyledRun("  " + (hit.title ?? "(no title)") + "\n  "))
            runs.append(contentsOf: hit.parts.map { StyledRun($0.text.replacingOccurrences(of: "\n", with: " "), $0.isMatch ? .match : .plain) })
        }
        var blocks: [DisplayBlock] = runs.isEmpty ? [] : [.styled(runs)]
        blocks.append(.text(summary))
        return blocks
    }

    var summary: String {
        var s: String
        if hits.isEmpty {
            s = "no match for \(query) in the \(searched)"
        } else if let matching, matching <= hits.count {
            s = "\(Format.plural(hits.count, "hit")) in the \(searched)"
        } else {
            let total = matching.map { Format.plural($0, "hit") } ?? "hits in \(Format.plural(matchingTexts, "text"))"
            s = "the best \(Format.int(hits.count)) of \(total) in the \(searched) (--limit shows more)"
        }
        if indexedNow > 0 { s += "; indexed \(Format.plural(indexedNow, "new text")) first" }
        if leftOut > 0 { s += "; \(Format.plural(leftOut, "hit")) in articles not in this session left out" }
        if let collection, let collectionSize { s += "; collection \(collection): \(Format.plural(collectionSize, "article version", "article versions"))" }
        return s
    }
}
