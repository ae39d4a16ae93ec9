import CLibCurl
import Foundation

/// Fetches URLs over HTTP and HTTPS with libcurl: redirects (at most `maxRedirects`, loops refused), compressed
/// bodies, connect and total timeouts, a size cap, robots.txt (RFC 9309, cached per host for this fetcher's life),
/// politeness (one request at a time per host with a delay, several hosts at once) and conditional requests.
/// Every URL ends with a `FetchResult`: a response or one failure; no failure stops the others.
///
/// `fetch` blocks the calling thread while it runs (libcurl's multi interface on that thread: nothing is left
/// running when it returns) and stops within about 50 ms once `configuration.isCancelled` says so.
public final class Fetcher: Sendable {
    public let configuration: FetchConfiguration
    private let robots = RobotsCache()

    private static let curlReady: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    public init(configuration: FetchConfiguration) {
        self.configuration = configuration
    }

    /// Fetches every request; `onResult` sees each result as soon as it is complete (on the calling thread, in
    /// completion order). Returns the results in request order.
    public func fetch(_ requests: [FetchRequest], onResult: ((FetchResult) -> Void)? = nil) -> [FetchResult] {
        guard Fetcher.curlReady else {
            let now = Date()
            return requests.map { FetchResult(request: $0, finalURL: $0.url, startedAt: now, fetchedAt: now, failure: .network("libcurl could not start")) }
        }
        if requests.isEmpty { return [] }
        return FetchRun(configuration: configuration, robots: robots, requests: requests, onResult: onResult).run()
    }

    public func fetch(_ request: FetchRequest) -> FetchResult {
        fetch([request])[0]
    }

    /// The robots.txt rules read so far for `scheme://host:port` (nil when not read yet).
    public func robotsRules(forHost host: String) -> RobotsRules? {
        robots.rules(for: host)
    }
}
