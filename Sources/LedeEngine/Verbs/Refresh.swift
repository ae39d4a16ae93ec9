import Foundation
import LedeText
import LedeArticles
import LedeSession
import LedeArchive
import LedeWeb

/// `refresh`: fetch again every selected article that has a URL (conditional requests: an unchanged page costs a
/// 304), and with `--feeds` every remembered feed and its new items; each article that changed gets a new version
/// and one line saying what changed. Built for cron: it fails (exit status 1) when any fetch failed.
public struct RefreshRequest: Sendable {
    public var selectors: [String]
    public var feeds: Bool
    public var ignoreRobots: Bool
    public init(selectors: [String] = [], feeds: Bool = false, ignoreRobots: Bool = false) {
        self.selectors = selectors; self.feeds = feeds; self.ignoreRobots = ignoreRobots
    }
}

public struct RefreshReport: Codable, Sendable {
    public struct FeedRow: Codable, Sendable {
        public var url: String
        public var title: String?
        public var items: Int
        public var newItems: Int
        public var notModified: Bool
        public var error: String?
    }
    /// One per article fetched again and per new feed item.
    public var items: [FetchReport.Item]
    public var feeds: [FeedRow]
    /// Articles fetched again (the other items are new feed items).
    public var articles: Int
    /// Selected articles left out because they have no URL to fetch from.
    public var withoutURL: Int
    public var archive: String?
    public var seconds: Double
    /// Show a row for every page (the shell's `--all`); not part of the JSON.
    public var showAll = false

    private enum CodingKeys: String, CodingKey { case items, feeds, articles, withoutURL, archive, seconds }

    public var failedFetches: Int { items.filter { $0.status == "failed" }.count + feeds.filter { $0.error != nil }.count }
}

extension Engine {
    /// Where an article is fetched again from: the URL its latest fetched version came from, else the canonical
    /// URL its page names (a page saved to a file), when it is http(s).
    static func refreshURL(_ article: Article) -> String? {
        func web(_ s: String?) -> String? {
            guard let s, s.hasPrefix("http://") || s.hasPrefix("https://") else { return nil }
            return s
        }
        for v in article.versions.reversed() { if let url = web(v.document.path) { return url } }
        return web(article.latest.metadata.url)
    }

    public func refresh(_ request: RefreshRequest, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> RefreshReport {
        let start = Date()
        if request.feeds, archiveLink == nil {
            throw EngineError("--feeds: feeds are remembered in an archive; open one with 'archive FILE'")
        }
        let articles = request.selectors.isEmpty && workspace.articles.isEmpty ? [] : try workspace.selectArticles(request.selectors)
        var targets: [PageTarget] = []
        var withoutURL = 0
        for a in articles {
            if let url = Engine.refreshURL(a) { targets.append(PageTarget(url: url, article: a, name: a.name)) } else { withoutURL += 1 }
        }
        let fetcher = Fetcher(configuration: fetchConfiguration(ignoreRobots: request.ignoreRobots))
        var feedRows: [RefreshReport.FeedRow] = []
        var readFeeds: [(url: String, feed: Feed)] = []
        if request.feeds, let link = archiveLink {
            let urls: [String]
            do { urls = try link.archive.feeds().map(\.url) } catch { throw EngineError("\(error)") }
            var known = knownPageURLs(feed: nil)
            for t in targets { known.insert(t.url) }
            for reading in self.readFeeds(urls, fetcher: fetcher) {
                feedRows.append(RefreshReport.FeedRow(url: reading.url, title: reading.feed?.title, items: reading.feed?.items.count ?? 0,
                                                      newItems: reading.newItems, notModified: reading.notModified, error: reading.failure))
                guard let feed = reading.feed else { continue }
                readFeeds.append((reading.url, feed))
                let linked = knownPageURLs(feed: reading.url)
                for item in feed.items {
                    if let url = item.link, !known.contains(url), !linked.contains(url) {
                        known.insert(url)
                        targets.append(PageTarget(url: url, article: nil, name: nil))
                    }
                }
            }
        }
        // The version each article had before: what a new version is compared with.
        var before: [ObjectIdentifier: ArticleVersion] = [:]
        for t in targets { if let a = t.article { before[ObjectIdentifier(a)] = a.latest } }
        let pages = fetchPages(targets, fetcher: fetcher, progress: progress)
        for (url, feed) in readFeeds { linkFeedItems(feed, feedURL: url, pages: pages) }
        if Cancellation.isRequested { throw CancelledError() }
        let items = pages.map { page -> FetchReport.Item in
            if case .stored(.newVersion(let a, let v)) = page.outcome, let old = before[ObjectIdentifier(a)] {
                return FetchReport.item(page, change: Engine.changeLine(old, v))
            }
            return FetchReport.item(page)
        }
        return RefreshReport(items: items, feeds: feedRows, articles: targets.filter { $0.article != nil }.count,
                             withoutURL: withoutURL, archive: archiveLink?.file,
                             seconds: Date().timeIntervalSince(start))
    }
}
