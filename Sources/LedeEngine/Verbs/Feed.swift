import Foundation
import LedeText
import LedeSession
import LedeArchive
import LedeWeb

/// `feed`: read a feed (RSS, Atom, JSON Feed, a news sitemap) and list its items; with an archive the feed is
/// remembered (for `feeds` and `refresh --feeds`) with its items and when it was read.
public struct FeedRequest: Sendable {
    public var url: String
    public var ignoreRobots: Bool
    public init(url: String, ignoreRobots: Bool = false) { self.url = url; self.ignoreRobots = ignoreRobots }
}

public struct FeedReport: Codable, Sendable {
    public struct Item: Codable, Sendable {
        public var title: String?
        public var date: String?
        public var link: String?
        /// The session has an article from this link already.
        public var fetched: Bool
    }
    public var url: String
    public var title: String?
    public var format: String?
    public var items: [Item]
    /// Items seen for the first time (with an archive).
    public var newItems: Int
    /// The feed answered 304: the items are the ones the archive kept.
    public var notModified: Bool
    /// The archive that remembers the feed (nil: nothing kept).
    public var archive: String?
    public var warnings: [String]
}

/// `feeds`: the feeds the archive remembers, with when each was last read and how many items it gave.
public struct FeedsRequest: Sendable {
    public init() {}
}

public struct FeedsReport: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var url: String
        public var title: String?
        public var added: Date
        public var lastRead: Date?
        public var itemsGiven: Int
        /// Items recorded in all, and how many of them became articles.
        public var items: Int
        public var fetched: Int
    }
    public var feeds: [Row]
    public var archive: String
}

extension Engine {
    public func feed(_ request: FeedRequest) throws -> FeedReport {
        let fetcher = Fetcher(configuration: fetchConfiguration(ignoreRobots: request.ignoreRobots))
        guard let reading = readFeeds([request.url], fetcher: fetcher).first else { throw CancelledError() }
        if let failure = reading.failure { throw EngineError("\(request.url): \(failure)") }
        let feed = reading.feed ?? Feed(format: .rss)
        if let feed = reading.feed, !reading.notModified { linkFeedItems(feed, feedURL: request.url, pages: []) }
        let known = knownPageURLs(feed: request.url)
        return FeedReport(url: request.url, title: feed.title, format: reading.notModified ? nil : feed.format.rawValue,
                          items: feed.items.map { FeedReport.Item(title: $0.title, date: $0.date, link: $0.link, fetched: $0.link.map(known.contains) ?? false) },
                          newItems: reading.newItems, notModified: reading.notModified, archive: archiveLink?.file, warnings: feed.warnings)
    }

    public func feeds(_ request: FeedsRequest) throws -> FeedsReport {
        guard let link = archiveLink else { throw EngineError("feeds are remembered in an archive; open one with 'archive FILE', then 'feed URL'") }
        do {
            let rows = try link.archive.feeds().map { f -> FeedsReport.Row in
                let items = try link.archive.feedItems(feedURL: f.url)
                return FeedsReport.Row(url: f.url, title: f.title, added: f.added, lastRead: f.lastRead, itemsGiven: f.itemsGiven,
                                       items: items.count, fetched: items.filter { $0.articleID != nil }.count)
            }
            return FeedsReport(feeds: rows, archive: link.file)
        } catch { throw EngineError("\(error)") }
    }
}
