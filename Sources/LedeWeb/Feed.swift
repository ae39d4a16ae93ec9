/// The formats `FeedParser` reads.
public enum FeedFormat: String, Sendable, Codable {
    case rss = "RSS"
    case atom = "Atom"
    case jsonFeed = "JSON Feed"
    /// A sitemap `urlset` (Google news sitemaps included: `news:title`, `news:publication_date`).
    case sitemap = "sitemap"
    /// A sitemap index: its items are sitemaps, not articles.
    case sitemapIndex = "sitemap index"
}

/// One entry of a feed or sitemap: what `feed URL` lists and `fetch --feed` fetches.
public struct FeedItem: Sendable, Hashable, Codable {
    public var title: String?
    /// The article's URL, absolute (a relative link is resolved against the feed's URL).
    public var link: String?
    /// Publication date (else the last modification) as ISO 8601: `2026-11-28T09:00:00Z`, `2026-11-28`.
    public var date: String?
    /// The item's own identifier (`guid`, Atom `id`, JSON Feed `id`), when it has one.
    public var id: String?

    public init(title: String? = nil, link: String? = nil, date: String? = nil, id: String? = nil) {
        self.title = title
        self.link = link
        self.date = date
        self.id = id
    }

    /// What identifies the item across reads of the feed: its id, else its link.
    public var key: String? { id ?? link }
}

/// A parsed feed: its format, title and link, items in document order, and warnings (one line each).
public struct Feed: Sendable, Codable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var items: [FeedItem]
    public var warnings: [String]

    public init(format: FeedFormat, title: String? = nil, link: String? = nil, items: [FeedItem] = [], warnings: [String] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.items = items
        self.warnings = warnings
    }
}

/// Why bytes are not a feed lede can read. One line each.
public enum FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case notAFeed(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .empty: "empty feed"
        case .notAFeed(let why): "not a feed: \(why)"
        case .malformed(let why): "malformed feed: \(why)"
        }
    }
}
