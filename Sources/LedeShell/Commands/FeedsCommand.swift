import ArgumentParser
import Foundation
import LedeSession
import LedeEngine

struct FeedsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List the feeds the archive remembers: when each was last read, how many items it gave, how many were fetched.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.none

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.feeds(FeedsRequest())
    }
}

extension FeedsReport: CommandResult {
    public var display: [DisplayBlock] {
        let f = ISO8601DateFormatter()
        let table = Table(columns: [.init("url", shrinkable: true), .init("title", shrinkable: true, dropOrder: 2),
                                    .init("last read", dropOrder: 1), .init("gave", .right), .init("items", .right, dropOrder: 3),
                                    .init("fetched", .right)],
                          rows: feeds.map { [$0.url, $0.title ?? "", $0.lastRead.map { f.string(from: $0) } ?? "never",
                                             Format.int($0.itemsGiven), Format.int($0.items), Format.int($0.fetched)] },
                          footer: "\(Format.plural(feeds.count, "feed")) in \(archive)")
        return feeds.isEmpty ? [.text("no feeds in \(archive) ('feed URL' adds one)")] : [.table(table)]
    }
}
