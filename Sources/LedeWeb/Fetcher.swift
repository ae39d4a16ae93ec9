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

    /// libcurl is opened at the first fetch (docs/web.md): most commands never need it.
    private static let curlReady: Bool = lede_curl_load() != 0 && lede_curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    public init(configuration: FetchConfiguration) {
        self.configuration = configuration
    }

    /// Fetches every request and hands each result to `onResult` as soon as it is complete (on the calling thread,
    /// in completion order). Nothing is kept once `onResult` returns: a thousand pages cost the memory of those in
    /// flight, not of all of them. Every request gets exactly one result (`cancelled` when stopped).
    public func fetch(_ requests: [FetchRequest], onResult: (FetchResult) -> Void) {
        run(requests) { _, result in onResult(result) }
    }

    /// Fetches every request; the results in request order.
    public func fetch(_ requests: [FetchRequest]) -> [FetchResult] {
        var results: [FetchResult?] = Array(repeating: nil, count: requests.count)
        run(requests) { index, result in results[index] = result }
        return results.map { $0! }
    }

    private func run(_ requests: [FetchRequest], _ handler: (Int, FetchResult) -> Void) {
        guard !requests.isEmpty else { return }
        guard Fetcher.curlReady else {
            let now = Date()
            for (index, request) in requests.enumerated() {
                handler(index, FetchResult(request: request, finalURL: request.url, startedAt: now, fetchedAt: now,
                                           failure: .network("libcurl (libcurl.so.4) could not be loaded or initialised")))
            }
            return
        }
        withoutActuallyEscaping(handler) { handler in
            FetchRun(configuration: configuration, robots: robots, requests: requests, onResult: handler).run()
        }
    }

    public func fetch(_ request: FetchRequest) -> FetchResult {
        fetch([request])[0]
    }

    /// The robots.txt rules read so far for `scheme://host:port` (nil when not read yet).
    public func robotsRules(forHost host: String) -> RobotsRules? {
        robots.rules(for: host)
    }
}
