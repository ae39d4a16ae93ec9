/// Why a URL could not be fetched. Each prints as one line; the fetch of the other URLs goes on.
public enum FetchFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    case invalidURL(String)
    case unsupportedScheme(String)
    /// The host name could not be resolved (also every `.invalid` name, answered without asking DNS: RFC 6761).
    case dnsFailure(host: String)
    case connectionRefused(host: String, port: Int)
    case connectTimeout(milliseconds: Int)
    case timeout(milliseconds: Int)
    case httpStatus(code: Int, reason: String)
    case tlsError(String)
    /// The chain came back to a URL it had already visited.
    case redirectLoop(chain: [String])
    case tooManyRedirects(limit: Int)
    case bodyTooLarge(limit: Int)
    /// The response is not what was asked for: a PDF or an image where a page was expected.
    case unsupportedContentType(String)
    case unknownCharset(String)
    /// robots.txt disallows the URL for lede; `rule` is the matching line (or why the host counts as disallowed).
    case disallowedByRobots(rule: String)
    /// The server answered something that is not HTTP, closed without answering, or sent a broken body.
    case badResponse(String)
    /// Any other transport error (connection reset, network unreachable…), as libcurl words it.
    case network(String)
    case cancelled

    public var description: String {
        switch self {
        case .invalidURL(let why): "invalid URL: \(why)"
        case .unsupportedScheme(let scheme): "unsupported URL scheme '\(scheme)' (only http and https)"
        case .dnsFailure(let host): "DNS failure: cannot resolve host '\(host)'"
        case .connectionRefused(let host, let port): "connection refused by \(host):\(port)"
        case .connectTimeout(let ms): "timed out connecting (after \(Self.seconds(ms)))"
        case .timeout(let ms): "timed out (no complete response after \(Self.seconds(ms)))"
        case .httpStatus(let code, let reason): "HTTP \(code)\(reason.isEmpty ? "" : " " + reason)"
        case .tlsError(let detail): "TLS error: \(detail)"
        case .redirectLoop(let chain): "redirect loop: \(chain.joined(separator: " → "))"
        case .tooManyRedirects(let limit): "too many redirects (more than \(limit))"
        case .bodyTooLarge(let limit): "body over the size cap of \(Self.bytes(limit)); download stopped"
        case .unsupportedContentType(let type): "not a page lede reads: \(type)"
        case .unknownCharset(let name): "unknown charset '\(name)'"
        case .disallowedByRobots(let rule): "disallowed by robots.txt (\(rule))"
        case .badResponse(let why): "bad response: \(why)"
        case .network(let why): "network error: \(why)"
        case .cancelled: "cancelled"
        }
    }

    static func seconds(_ ms: Int) -> String {
        ms % 1000 == 0 ? "\(ms / 1000) s" : String(format: "%.1f s", Double(ms) / 1000)
    }

    static func bytes(_ n: Int) -> String {
        if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MB" }
        if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KB" }
        return "\(n) bytes"
    }
}
