/// What a fetched body is expected to be: the kind decides which content types are accepted.
public enum FetchKind: String, Sendable, Codable {
    /// An article page: HTML (or XHTML, or plain text). A PDF, an image and other media are refused.
    case page
    /// A feed or sitemap: XML or JSON.
    case feed
    /// A robots.txt file (fetched by the `Fetcher` itself).
    case robots
}

/// One URL to fetch, with the validators of the copy already archived (RFC 9110 §13.1): when the page did not
/// change, the server answers 304 and sends no body.
public struct FetchRequest: Sendable, Hashable, Codable {
    public var url: String
    public var kind: FetchKind
    /// The `ETag` archived with the previous fetch, sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` archived with the previous fetch, sent as `If-Modified-Since`.
    public var lastModified: String?

    public init(url: String, kind: FetchKind = .page, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.kind = kind
        self.etag = etag
        self.lastModified = lastModified
    }
}
