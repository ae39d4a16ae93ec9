import Foundation
@testable import LedeWeb
import LedeArticles

/// A fetched response: the first line is the `Content-Type` header value (media type and charset, as the fetcher
/// parses it), the rest the body, handed to the page extractor with the declared charset; the same bytes are also
/// read as a robots.txt.
final class PageTarget: FuzzTarget {
    /// One catalog and identifier for every input, as one `fetch` command shares them.
    static let options = LoadOptions()

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
        let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<newline]), as: UTF8.self)
        let body = Data(bytes[min(bytes.count, newline + 1)...])
        let type = MediaType(header)
        _ = type?.isAccepted(for: .page)
        var result = FetchResult(request: FetchRequest(url: "https://example.com/a"), finalURL: "https://example.com/a",
                                 startedAt: Date(timeIntervalSince1970: 0), fetchedAt: Date(timeIntervalSince1970: 0))
        result.status = 200
        result.mediaType = type?.essence
        result.charset = type?.charset
        result.body = body
        if let doc = try? PageExtractor.document(from: result, options: Self.options) { _ = doc.body }
        let robots = RobotsRules(parsing: String(decoding: body, as: UTF8.self), productToken: "lede")
        _ = robots.verdict(pathAndQuery: "/news/a?x=1")
    }
}
