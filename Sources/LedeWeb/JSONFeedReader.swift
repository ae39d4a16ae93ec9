import Foundation

/// Reads JSON Feed 1.0 and 1.1 (jsonfeed.org): `title`, `home_page_url`, and per item `id`, `url` (else
/// `external_url`), `title`, `date_published` (else `date_modified`).
enum JSONFeedReader {
    static func read(_ data: Data, baseURL: URL?) throws -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FeedError.malformed("invalid JSON (\(JSONFeedReader.reason(error)))")
        }
        guard let feed = object as? [String: Any] else { throw FeedError.notAFeed("JSON that is not an object") }
        let version = feed["version"] as? String
        guard let rawItems = feed["items"] as? [Any] else {
            throw FeedError.notAFeed(version == nil ? "JSON without a JSON Feed version or items" : "JSON Feed without items")
        }
        var warnings: [String] = []
        if version?.contains("jsonfeed.org/version/1") != true {
            warnings.append("no JSON Feed version 1 (\(version ?? "none")); read as one")
        }
        var items: [FeedItem] = []
        var skipped = 0
        for raw in rawItems {
            guard let entry = raw as? [String: Any] else { skipped += 1; continue }
            let link = string(entry["url"]) ?? string(entry["external_url"])
            let date = (string(entry["date_published"]) ?? string(entry["date_modified"])).flatMap(FeedDate.iso)
            let id = string(entry["id"]) ?? (entry["id"] as? NSNumber)?.stringValue
            items.append(FeedItem(title: string(entry["title"]), link: link.map { XMLFeedReader.resolve($0, against: baseURL) },
                                  date: date, id: id))
        }
        if skipped > 0 { warnings.append("\(skipped) item\(skipped == 1 ? "" : "s") that \(skipped == 1 ? "is" : "are") not an object skipped") }
        return Feed(format: .jsonFeed, title: string(feed["title"]), link: string(feed["home_page_url"]), items: items, warnings: warnings)
    }

    private static func string(_ value: Any?) -> String? {
        guard let s = (value as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return s
    }

    private static func reason(_ error: Error) -> String {
        let described = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return (described ?? "\(error)").split(separator: "\n").first.map(String.init) ?? "unreadable"
    }
}
