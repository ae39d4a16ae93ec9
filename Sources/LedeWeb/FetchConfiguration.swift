import LedeText

/// How a `Fetcher` fetches: timeouts, caps, politeness and robots.txt. The defaults suit fetching news pages
/// from a shell; every field is meant to be settable by the user (`set fetch-…`).
public struct FetchConfiguration: Sendable {
    /// Sent as `User-Agent`: `lede/VERSION (+URL)` (see `userAgent(version:contact:)`).
    public var userAgent: String
    /// The product token robots.txt groups are matched against (RFC 9309 §2.2.1), case-insensitively.
    public var robotsProductToken = "lede"
    /// Time allowed to resolve the name and open the connection (TLS handshake included).
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed for a whole fetch: every redirect hop, from connecting to the last byte.
    public var totalTimeout: Duration = .seconds(30)
    /// A body (after decompression) larger than this is refused and its download stopped.
    public var maxBytes = 10 << 20
    /// Redirects followed per URL; one more is an error, and so is a URL met twice in one chain.
    public var maxRedirects = 10
    /// Wait between the end of one request to a host and the start of the next one to that host.
    public var hostDelay: Duration = .seconds(1)
    /// Hosts fetched at the same time (one request at a time each).
    public var maxParallelHosts = 4
    /// Requests in flight at once in all; hosts with politeness off may use them all.
    public var maxConnections = 8
    /// Hosts (`name` or `name:port`, any case) fetched without the per-host delay and one-at-a-time rule: only for
    /// servers you run yourself (a loopback test server). Their robots.txt is still read unless `ignoreRobots`.
    public var politenessOffHosts: Set<String> = []
    /// A robots.txt `Crawl-delay` above the host delay is honoured up to this.
    public var maxCrawlDelay: Duration = .seconds(30)
    /// Fetch even what robots.txt disallows (and do not fetch robots.txt). Only an explicit user flag sets it.
    public var ignoreRobots = false
    /// Polled about every 50 ms while fetching; true stops the fetch (Ctrl-C), unfinished URLs end `cancelled`.
    public var isCancelled: @Sendable () -> Bool = { Cancellation.isRequested }

    public init(userAgent: String = FetchConfiguration.userAgent(version: "dev")) {
        self.userAgent = userAgent
    }

    /// `lede/0.1.0` or `lede/0.1.0 (+https://example.org/lede)`: the product and version, and where to read about it.
    public static func userAgent(version: String, contact: String? = nil) -> String {
        let cleanVersion = version.filter { !$0.isWhitespace && $0 != "/" }
        guard let contact, !contact.isEmpty else { return "lede/\(cleanVersion)" }
        return "lede/\(cleanVersion) (+\(contact.filter { !$0.isNewline }))"
    }

    /// Whether `host` (lower-cased) on `port` has politeness off.
    func isPolitenessOff(host: String, port: Int) -> Bool {
        politenessOffHosts.contains { entry in
            let e = entry.lowercased()
            return e == host || e == "\(host):\(port)"
        }
    }
}
