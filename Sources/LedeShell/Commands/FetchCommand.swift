import ArgumentParser
import Foundation
import LedeArticles
import LedeSession
import LedeEngine

struct FetchCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch pages over HTTP(S) as articles; a page whose text changed becomes a new version.",
        discussion: """
        Each page goes through the HTML loader (boilerplate removed). With an archive open the pages are stored in \
        it with the time and the response's headers, and fetching again sends the stored ETag / Last-Modified, so \
        an unchanged page costs a 304; a change only in boilerplate or whitespace is 'unchanged'. Without an \
        archive the pages join this session only. --feed URL fetches the feed's items not fetched yet. Every \
        failure is one line and the other URLs go on. robots.txt is obeyed, one request at a time per host with a \
        delay (set fetch-delay, fetch-politeness-off HOST for servers you run, and the other fetch-… settings: \
        docs/web.md).
        """)
    static let argumentKind = ArgumentKind.words

    @Argument(help: "Page URLs (http or https).") var urls: [String] = []
    @Option(name: .customLong("as"), help: "Name the article (one URL: its versions) or the collection (several URLs, or --feed).") var name: String?
    @Option(help: "Also fetch this feed's items that are not in the session yet.") var feed: String?
    @Flag(name: .customLong("ignore-robots"), help: "Fetch what robots.txt disallows (only for sites that allow you to).") var ignoreRobots = false

    func validate() throws {
        if urls.isEmpty && feed == nil { throw ValidationError("give at least one URL (or --feed URL)") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let progress = context.output.progressLine()
        let report = try context.engine.fetch(FetchPagesRequest(urls: urls, name: name, feed: feed, ignoreRobots: ignoreRobots),
                                              progress: progress.map { line in { @Sendable done, total in line.update(done, 0, total, phase: "fetching") } })
        progress?.finish()
        // Every failure gets its line; the last is the command's failure.
        let failures = report.items.filter { $0.status == "failed" }
        for f in failures.dropLast() { context.output.error("fetch: \(f.url): \(f.error ?? "failed")") }
        if report.archive == nil && report.items.contains(where: { $0.status != "failed" }) {
            context.output.warn("no archive is open: the pages are in this session only ('archive FILE' keeps them, with what refresh needs)")
        }
        return report
    }
}

extension FetchReport: CommandResult {
    public var failure: String? {
        guard let last = items.last(where: { $0.status == "failed" }) else { return nil }
        return "\(last.url): \(last.error ?? "failed")"
    }

    /// The table `fetch` and `refresh` show (up to 50 rows; a larger run shows its counts).
    static func table(_ items: [Item]) -> Table {
        Table(columns: [.init("id"), .init("ver", .right, dropOrder: 2), .init("status"), .init("words", .right, dropOrder: 3),
                        .init("url", shrinkable: true, dropOrder: 1), .init("title", shrinkable: true, minWidth: 20, wholeWords: true)],
              rows: items.map { i in
                  [i.name.map { "\($0) (\(i.id ?? ""))" } ?? i.id ?? "", i.version.map(String.init) ?? "",
                   i.status == "failed" ? "failed: \(i.error ?? "")" : i.status, i.words.map(Format.int) ?? "", i.url, i.title ?? ""]
              })
    }

    static func counts(_ items: [Item]) -> String {
        let order = ["new", "new version", "unchanged", "not modified", "failed"]
        var n: [String: Int] = [:]
        for i in items { n[i.status, default: 0] += 1 }
        return order.compactMap { s in n[s].map { "\(Format.int($0)) \(s)" } }.joined(separator: ", ")
    }

    public var display: [DisplayBlock] {
        var blocks: [DisplayBlock] = []
        if !items.isEmpty && items.count <= 50 { blocks.append(.table(FetchReport.table(items))) }
        var s = "fetched \(Format.plural(items.count, "page")) in \(Format.seconds(seconds))"
        if !items.isEmpty { s += ": " + FetchReport.counts(items) }
        if let feed, let feedItems { s += "; the feed \(feed) lists \(Format.plural(feedItems, "item"))" }
        if let collection { s += "; collection \(collection)" }
        s += archive.map { "; stored in \($0)" } ?? "; nothing kept (no archive)"
        blocks.append(.text(s))
        return blocks
    }
}
