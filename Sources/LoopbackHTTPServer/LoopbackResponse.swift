/// What the server sends back for one request. Built by the route handler; the server adds `Content-Length`
/// (or `Transfer-Encoding: chunked`) and `Connection: close` when it closes the connection.
public struct LoopbackResponse: Sendable {
    public enum Body: Sendable {
        /// A body sent with `Content-Length`.
        case bytes([UInt8])
        /// A body sent with `Transfer-Encoding: chunked`, one chunk per element, `pause` between chunks.
        case chunked([[UInt8]], pause: Duration)
        /// `count` copies of `byte`, generated while sending (a 50 MB body costs no memory), `Content-Length` set
        /// unless `declareLength` is false (then the end of the body is the end of the connection).
        case repeated(byte: UInt8, count: Int, declareLength: Bool)
        /// The connection is closed without any response (a broken server).
        case closeWithoutResponse
        /// These bytes, as they are, in place of the whole response (status line included): malformed responses.
        case raw([UInt8])
    }

    public var status: Int
    public var reason: String
    public var headers: [(name: String, value: String)]
    public var body: Body
    /// Waited before the status line is sent (a slow server).
    public var delay: Duration
    /// Close the connection after this response even when the client asked to keep it alive.
    public var closeConnection: Bool

    public init(status: Int = 200, reason: String? = nil, headers: [(name: String, value: String)] = [], body: Body = .bytes([]),
                delay: Duration = .zero, closeConnection: Bool = false) {
        self.status = status
        self.reason = reason ?? LoopbackResponse.reasonPhrase(status)
        self.headers = headers
        self.body = body
        self.delay = delay
        self.closeConnection = closeConnection
    }

    /// An HTML page; `charset` nil sends `Content-Type: text/html` without a charset parameter.
    public static func html(_ text: String, charset: String? = "utf-8", status: Int = 200,
                            headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        let type = charset.map { "text/html; charset=\($0)" } ?? "text/html"
        return LoopbackResponse(status: status, headers: [("Content-Type", type)] + headers, body: .bytes(Array(text.utf8)))
    }

    /// Bytes with a content type (a page in a legacy charset, a PDF, an image, a feed).
    public static func bytes(_ bytes: [UInt8], contentType: String?, status: Int = 200,
                             headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: (contentType.map { [("Content-Type", $0)] } ?? []) + headers, body: .bytes(bytes))
    }

    public static func text(_ text: String, contentType: String = "text/plain; charset=utf-8", status: Int = 200,
                            headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        bytes(Array(text.utf8), contentType: contentType, status: status, headers: headers)
    }

    public static func redirect(to location: String, status: Int = 302) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Location", location)])
    }

    public static func notModified(headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: 304, headers: headers)
    }

    public static func status(_ code: Int) -> LoopbackResponse {
        text("\(code) \(reasonPhrase(code))\n", status: code)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
