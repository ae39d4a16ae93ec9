import ArgumentParser
import Foundation
import LedeSession
import LedeEngine

struct FeedCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Read a feed (RSS 2.0, Atom 1.0, JSON Feed, a news sitemap) and list its items: date, title, link.",
        discussion: """
        With an archive open the feed is remembered with its items (see 'feeds'; 'refresh --feeds' reads it \
        again), and a feed that did not change answers 304. 'fetch --feed URL' fetches the items not fetched yet.
        """)
    static let argumentKind = ArgumentKind.words

    @Argument(help: "The feed's URL.") var url: String
    @Flag(name: .customLong("ignore-robots"), help: "Read it even if robots.txt disallows it.") var ignoreRobots = false

    func run(_ context: CommandContext) throws -> any CommandResult {
        let report = try context.engine.feed(FeedRequest(url: url, ignoreRobots: ignoreRobots))
        for w in report.warnings { context.output.warn("\(url): \(w)") }
        return report
    }
}

extension FeedReport: CommandResult {
    public var display: [DisplayBlock] {
        var blocks: [DisplayBlock] = []
        if !items.isEmpty {
            blocks.append(.table(Table(columns: [.init("date", dropOrder: 2), .init("title", shrinkable: true, minWidth: 20, wholeWords: true),
                                                 .init("link", shrinkable: true, dropOrder: 3), .init("fetched", dropOrder: 1)],
                                       rows: items.map { [$0.date ?? "", $0.title ?? "", $0.link ?? "", $0.fetched ? "yes" : ""] })))
        }
        var s = (format.map { "\($0) feed" } ?? "feed") + (title.map { " '\($0)'" } ?? "") + ": \(Format.plural(items.count, "item"))"
        if notModified { s += " (not modified since it was last read)" }
        let fetched = items.filter(\.fetched).count
        if fetched > 0 { s += ", \(Format.int(fetched)) fetched already" }
        if let archive {
            s += "; remembered in \(archive)" + (newItems > 0 ? " (\(Format.plural(newItems, "new item")))" : "")
        } else {
            s += "; not remembered (no archive)"
        }
        blocks.append(.text(s))
        return blocks
    }
}
