import Foundation
import LedeText
import LedeArticles
import LedeSession
import LedeArchive
import LedeWeb

/// `fetch`: pages over HTTP(S) into the archive (or, without one, the workspace): each page's article
/// extracted; a page whose text changed is a new version of its article, one that did not (or answered 304) is
/// unchanged. `--feed URL`: the feed's items not fetched yet.
public struct FetchPagesRequest: Sendable {
    public var urls: [String]
    /// One URL: the article's name (its versions); several: a collection.
    public var name: String?
    /// Also fetch this feed's items that are not in the session yet.
    public var feed: String?
    /// Fetch what robots.txt disallows (an explicit user flag only).
    public var ignoreRobots: Bool
    public init(urls: [String], name: String? = nil, feed: String? = nil, ignoreRobots: Bool = false) {
        self.urls = urls; self.name = name; self.feed = feed; self.ignoreRobots = ignoreRobots
    }
}

public struct FetchReport: Codable, Sendable {
    /// One URL and what fetching it did.
    public struct Item: Codable, Sendable {
        public var url: String
        /// `new`, `new version`, `unchanged`, `not modified` (304) or `failed`.
        public var status: String
        public var id: String?
        public var name: String?
        public var version: Int?
        public var title: String?
        public var words: Int?
        public var httpStatus: Int?
        public var bytes: Int
        public var error: String?
        /// `refresh`: what changed in a new version (the change summary's headline).
        public var change: String?
    }
    public var items: [Item]
    /// The archive the pages were stored in (nil: the workspace only, nothing kept).
    public var archive: String?
    public var collection: String?
    public var feed: String?
    /// Items the feed lists, and how many of them were fetched (the others were already here).
    public var feedItems: Int?
    public var seconds: Double

    public var failed: Int { items.filter { $0.status == "failed" }.count }

    static func item(_ page: FetchedPage, change: String? = nil) -> Item {
        var item = Item(url: page.target.url, status: "failed", httpStatus: page.httpStatus, bytes: page.bytes)
        switch page.outcome {
        case .failed(let why): item.error = why
        case .notModified:
            item.status = "not modified"
            if let a = page.target.article { item.id = a.id; item.name = a.name; item.version = a.latest.number; item.title = a.latest.metadata.title }
        case .stored(let outcome):
            switch outcome {
            case .added: item.status = "new"
            case .newVersion: item.status = "new version"
            case .unchanged: item.status = "unchanged"
            }
            item.id = outcome.article.id
            item.name = outcome.article.name
            item.version = outcome.version.number
            item.title = outcome.version.metadata.title
            item.words = outcome.version.wordCount
            item.change = change
        }
        return item
    }
}

extension Engine {
    /// `progress` gets (pages fetched, pages in all).
    public func fetch(_ request: FetchPagesRequest, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> FetchReport {
        let start = Date()
        var urls = request.urls
        let asCollection = request.name != nil && (urls.count > 1 || request.feed != nil)
        if let name = request.name {
            try checkName(name)
            if asCollection, workspace.article(named: name) != nil {
                throw EngineError("--as \(name): an article has that name (its versions); name the collection otherwise")
            }
            if !asCollection, let c = workspace.collection(named: name) {
                throw EngineError("--as \(name): a collection of \(Format.plural(c.members.count, "article")) has that name; name the article otherwise")
            }
        }
        let fetcher = Fetcher(configuration: fetchConfiguration(ignoreRobots: request.ignoreRobots))
        var feed: Feed?
        if let feedURL = request.feed {
            guard let reading = readFeeds([feedURL], fetcher: fetcher).first else { throw CancelledError() }
            if let failure = reading.failure { throw EngineError("--feed \(feedURL): \(failure)") }
            feed = reading.feed
            let known = knownPageURLs(feed: feedURL)
            var seen = Set(urls)
            for item in reading.feed?.items ?? [] {
                if let link = item.link, !known.contains(link), seen.insert(link).inserted { urls.append(link) }
            }
        }
        let targets = urls.map { PageTarget(url: $0, article: nil, name: asCollection ? nil : request.name) }
        let pages = fetchPages(targets, fetcher: fetcher, progress: progress)
        if let feed, let feedURL = request.feed { linkFeedItems(feed, feedURL: feedURL, pages: pages) }
        if asCollection, let name = request.name {
            var ids: [String] = []
            for p in pages { if case .stored(let o) = p.outcome { ids.append(o.article.id) } }
            workspace.addToCollection(name, articles: ids)
            keepCollection(name)
        }
        if Cancellation.isRequested { throw CancelledError() }
        return FetchReport(items: pages.map { FetchReport.item($0) }, archive: archiveLink?.file, collection: asCollection ? request.name : nil,
                           feed: request.feed, feedItems: feed?.items.count, seconds: Date().timeIntervalSince(start))
    }
}
