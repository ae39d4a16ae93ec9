import Foundation
@testable import LedeWeb

/// The feed parser (RSS, Atom, sitemaps, JSON Feed; XML through libxml2 with its charset handling) over any bytes,
/// against a base URL for relative links.
final class FeedTarget: FuzzTarget {
    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let feed = try? FeedParser.parse(Data(bytes), url: "https://example.com/news/feed.xml") else { return }
        for item in feed.items { _ = item.link; _ = item.date }
    }
}
