import Foundation

/// Detects a feed's format from its content and parses it: JSON Feed when the first character is `{`, else XML
/// (RSS, Atom, sitemap, sitemap index) by its root element.
public enum FeedParser {
    /// `url`: where the feed came from; relative links are resolved against it.
    public static func parse(_ data: Data, url: String? = nil) throws -> Feed {
        var start = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        guard let first = data[start...].first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw FeedError.empty
        }
        let base = url.flatMap { URL(string: $0) }
        switch first {
        case UInt8(ascii: "{"): return try JSONFeedReader.read(data, baseURL: base)
        case UInt8(ascii: "<"): return try XMLFeedReader.read(data, baseURL: base)
        default:
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return try XMLFeedReader.read(data, baseURL: base) }
            throw FeedError.notAFeed("neither XML nor JSON")
        }
    }

    /// Parses a fetched feed (`fetch` with `.feed`): its body against its final URL.
    public static func parse(_ result: FetchResult) throws -> Feed {
        try parse(result.body, url: result.finalURL)
    }
}
