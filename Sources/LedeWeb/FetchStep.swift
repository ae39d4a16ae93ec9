import Foundation

/// One hop of a fetch: the URL to request now, for which request (or for which host's robots.txt), with the
/// redirects that led here and the time left of the request's total budget.
struct FetchStep {
    static let robotsMaxBytes = 500 << 10
    static let robotsMaxRedirects = 5

    enum Purpose {
        /// For `requests[index]`.
        case request(Int)
        /// robots.txt of the host `HostKey`.
        case robots(HostKey)
    }

    var purpose: Purpose
    var url: String
    var host: HostKey
    var pathAndQuery: String
    var kind: FetchKind
    var etag: String?
    var lastModified: String?
    var redirects: [Redirect] = []
    var budgetMilliseconds: Int
    var firstStartedAt: Date?

    var isRobots: Bool { if case .robots = purpose { return true } else { return false } }
}

/// `scheme://host:port`, lower-cased: the unit of politeness and of robots.txt.
struct HostKey: Hashable, CustomStringConvertible {
    var scheme: String
    var host: String
    var port: Int

    var description: String { "\(scheme)://\(host):\(port)" }
    var robotsURL: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(h):\(port)/robots.txt"
    }
}

/// The parts of a URL lede needs, or why it cannot be fetched.
enum URLTarget {
    /// The host, the path and query, and the URL to request: percent-encoded where the text was not (a space in a
    /// path), without its fragment (never sent).
    static func parse(_ url: String) -> Result<(host: HostKey, pathAndQuery: String, url: String), FetchFailure> {
        guard var components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)) else {
            return .failure(.invalidURL("'\(url)' is not a URL"))
        }
        guard let scheme = components.scheme?.lowercased() else { return .failure(.invalidURL("'\(url)' has no scheme")) }
        guard scheme == "http" || scheme == "https" else { return .failure(.unsupportedScheme(scheme)) }
        guard var host = components.host?.lowercased(), !host.isEmpty else {
            return .failure(.invalidURL("'\(url)' has no host"))
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host.removeLast() }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        if let query = components.percentEncodedQuery { path += "?" + query }
        components.fragment = nil
        guard let requestURL = components.string else { return .failure(.invalidURL("'\(url)' is not a URL")) }
        return .success((HostKey(scheme: scheme, host: host, port: port), path, requestURL))
    }

    /// RFC 6761 §6.4: names under `.invalid` never resolve; answered at once, without a DNS query.
    static func isReservedInvalid(_ host: String) -> Bool {
        host == "invalid" || host.hasSuffix(".invalid")
    }
}
