import Foundation

/// One redirect followed: the URL that answered, its status, and where it sent the fetch.
public struct Redirect: Sendable, Hashable, Codable {
    public var from: String
    public var status: Int
    public var to: String
}

/// What fetching one URL gave: the final response (status, headers, body, declared charset) or a failure, with
/// the redirects followed and the times. A 304 is a success with no body (`isNotModified`).
public struct FetchResult: Sendable {
    public var request: FetchRequest
    /// The URL of the final response (the request's URL when nothing redirected).
    public var finalURL: String
    public var redirects: [Redirect] = []
    /// The final response's status; nil when none came (DNS, refused, timeout, TLS…).
    public var status: Int?
    public var headers: [HTTPHeader] = []
    /// The body, decompressed (gzip, deflate, br); empty for a 304 and for failures.
    public var body: Data = Data()
    /// `type/subtype` from `Content-Type`, lower-cased.
    public var mediaType: String?
    /// The `charset` parameter of `Content-Type`, as declared (passed on to the HTML parser).
    public var charset: String?
    /// When the request was sent and when the response was complete (wall clock, for the archive).
    public var startedAt: Date
    public var fetchedAt: Date
    public var failure: FetchFailure?

    public init(request: FetchRequest, finalURL: String, startedAt: Date, fetchedAt: Date, failure: FetchFailure? = nil) {
        self.request = request
        self.finalURL = finalURL
        self.startedAt = startedAt
        self.fetchedAt = fetchedAt
        self.failure = failure
    }

    public var succeeded: Bool { failure == nil }
    /// The server said the archived copy is current (304): nothing to parse, nothing to store but the time.
    public var isNotModified: Bool { failure == nil && status == 304 }

    public func header(_ name: String) -> String? { headers.value(of: name) }
    /// The validators to archive for the next conditional request (a 304 may omit them: the previous ones stay).
    public var etag: String? { header("ETag") ?? (isNotModified ? request.etag : nil) }
    public var lastModified: String? { header("Last-Modified") ?? (isNotModified ? request.lastModified : nil) }

    /// One line: `URL: 200 text/html, 12,345 bytes (via 2 redirects)`, `URL: not modified`, `URL: <failure>`.
    public var summaryLine: String {
        if let failure { return "\(request.url): \(failure)" }
        if isNotModified { return "\(request.url): not modified" }
        var line = "\(request.url): \(status ?? 0) \(mediaType ?? "(no type)"), \(body.count) bytes"
        if !redirects.isEmpty { line += " (\(redirects.count) redirect\(redirects.count == 1 ? "" : "s") to \(finalURL))" }
        return line
    }
}
