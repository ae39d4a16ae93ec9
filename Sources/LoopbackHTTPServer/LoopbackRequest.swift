/// One request as the server received it, with when it arrived and when its response was sent (monotonic clock),
/// so tests can check ordering on the server's side rather than time the client.
public struct LoopbackRequest: Sendable {
    public var method: String
    /// The request target as sent: path and query (`/story?x=1`).
    public var target: String
    public var headers: [(name: String, value: String)]
    /// The connection it came on (0, 1, 2… in accept order): requests sharing one were kept alive.
    public var connection: Int
    /// Its position among all requests the server received (0, 1, 2…).
    public var sequence: Int
    public var receivedAt: ContinuousClock.Instant
    /// When the last byte of the response was written; nil while it is being sent or when sending failed.
    public var answeredAt: ContinuousClock.Instant?

    /// The path without the query.
    public var path: Substring { target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }

    /// The value of the header `name` (any case), the first when it is repeated.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The host the client named (`Host:` without the port).
    public var host: String? {
        guard let value = header("Host") else { return nil }
        if value.hasPrefix("[") { return value.split(separator: "]").first.map { String($0.dropFirst()) } }
        return value.split(separator: ":").first.map(String.init)
    }
}
