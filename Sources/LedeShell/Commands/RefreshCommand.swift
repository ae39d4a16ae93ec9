import ArgumentParser
import Foundation
import LedeSession
import LedeEngine

struct RefreshCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch again every selected article that has a URL (and, with --feeds, every feed's new items); one line per article that changed.",
        discussion: """
        Conditional requests: a page that did not change costs a 304. A changed page becomes a new version and \
        gets one line saying what changed (title, numbers, quotes, paragraphs); each failure is one line and the \
        others go on. For cron: lede --archive news.db -c 'refresh --feeds' prints a short summary and exits 0 \
        when every fetch worked, 1 when any failed; two runs at once take turns writing to the archive.
        """)

    @Argument(help: "Articles to fetch again (default: all that have a URL).") var selectors: [String] = []
    @Flag(help: "Also read every remembered feed and fetch its new items.") var feeds = false
    @Flag(name: .customLong("ignore-robots"), help: "Fetch what robots.txt disallows (only for sites that allow you to).") var ignoreRobots = false
    @Flag(help: "Show a row for every page, not only the changed ones.") var all = false

    func run(_ context: CommandContext) throws -> any CommandResult {
        let progress = context.output.progressLine()
        var report = try context.engine.refresh(RefreshRequest(selectors: selectors, feeds: feeds, ignoreRobots: ignoreRobots),
                                                progress: progress.map { line in { @Sendable done, total in line.update(done, 0, total, phase: "fetching") } })
        progress?.finish()
        for f in report.feeds where f.error != nil { context.output.error("refresh: feed \(f.url): \(f.error!)") }
        for i in report.items where i.status == "failed" { context.output.error("refresh: \(i.url): \(i.error ?? "failed")") }
        if report.archive == nil && !report.items.isEmpty {
            context.output.warn("no archive is open: new versions are in this session only, and every page is fetched in full")
        }
        report.showAll = all
        return report
    }
}

extension RefreshReport: CommandResult {
    public var failure: String? {
        let failed = failedFetches
        return failed == 0 ? nil : "\(failed) of \(Format.plural(items.count + feeds.count, "fetch", "fetches")) failed"
    }

    public var display: [DisplayBlock] {
        var blocks: [DisplayBlock] = []
        if showAll {
            if !items.isEmpty { blocks.append(.table(FetchReport.table(items))) }
        } else {
            // One line per article that changed, what changed after it.
            let lines = items.filter { $0.status == "new version" || $0.status == "new" }.map { i -> String in
                let label = i.name.map { "\($0)@\(i.version ?? 0) (\(i.id ?? ""))" } ?? "\(i.id ?? "")@\(i.version ?? 0)"
                return i.status == "new" ? "\(label): new article from a feed: \(i.title ?? i.url)" : "\(label): \(i.change ?? "changed")"
            }
            if !lines.isEmpty { blocks.append(.text(lines.joined(separator: "\n"))) }
        }
        var s = "refreshed \(Format.plural(articles, "article"))"
        if !feeds.isEmpty { s += " and \(Format.plural(feeds.count, "feed"))" }
        s += " in \(Format.seconds(seconds))"
        if !items.isEmpty { s += ": " + FetchReport.counts(items) }
        let newItems = feeds.reduce(0) { $0 + $1.newItems }
        if !feeds.isEmpty { s += "; feeds gave \(Format.plural(newItems, "new item"))" }
        if withoutURL > 0 { s += "; \(Format.plural(withoutURL, "article")) without a URL left out" }
        if archive == nil { s += "; nothing kept (no archive)" }
        blocks.append(.text(s))
        return blocks
    }
}
