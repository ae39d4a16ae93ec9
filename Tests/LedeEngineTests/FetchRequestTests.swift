import Foundation
import Testing
import LedeSession
import LedeArchive
import LoopbackHTTPServer
@testable import LedeEngine

/// fetch, feed, feeds and refresh against a server on 127.0.0.1 (started and stopped by each test): pages become
/// articles and versions in the archive, an unchanged page costs a 304, a change in boilerplate only is
/// unchanged, every failure is one line and the rest goes on.
@Suite final class FetchRequestTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "lede-fetch-engine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    static func page(_ title: String, _ paragraphs: [String], related: String = "Council approves bridge plan",
                     canonical: String? = "https://news.example.org/harbour-fire") -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(title) | Loopback News</title>
        \(canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? "")</head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>\(title)</h1>\(paragraphs.map { "<p>\($0)</p>" }.joined())</article>
        <aside class="related"><h2>Related stories</h2><ul><li><a href="/">\(related)</a></li></ul></aside>
        <footer>© Loopback News</footer></body></html>
        """
    }

    static let first = ["Firefighters brought the blaze at the old harbour warehouse under control late on Tuesday, the city's fire service said in a statement.",
                        "At least 12 people were treated for smoke inhalation, and residents were asked to keep their windows closed."]
    static let second = ["Firefighters brought the blaze at the old harbour warehouse under control late on Tuesday, the city's fire service said in a statement.",
                         "At least 15 people were treated for smoke inhalation, and residents were asked to keep their windows closed.",
                         "“The crews held the line until the wind turned,” the fire chief said on Wednesday morning."]

    /// A story that changes on its second full fetch, then only its boilerplate, then answers 304 to its ETag.
    static func storyServer() throws -> LoopbackServer {
        let served = LoopbackCounter()
        return try LoopbackServer(lifetime: .seconds(60)) { request in
            switch request.path {
            case "/story":
                if served.current >= 3, request.header("If-None-Match") == "\"v3\"" { return .notModified(headers: [("ETag", "\"v3\"")]) }
                let n = served.next()
                switch n {
                case 0: return .html(page("Harbour fire contained", first), headers: [("ETag", "\"v1\"")])
                case 1: return .html(page("Harbour fire contained, police investigate", second), headers: [("ETag", "\"v2\"")])
                default: return .html(page("Harbour fire contained, police investigate", second, related: "Cup final tickets sold out"),
                                      headers: [("ETag", "\"v3\"")])
                }
            case "/missing": return .status(404)
            case "/report.pdf": return .bytes(Array("%PDF-1.4 fake".utf8), contentType: "application/pdf")
            case "/feed.xml":
                let host = request.header("Host") ?? "127.0.0.1"
                return .text("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback News</title><link>http://\(host)/</link>
                <item><title>Harbour fire</title><link>http://\(host)/story</link><guid>fire</guid><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>
                <item><title>Bridge plan</title><link>http://\(host)/brief</link><guid>bridge</guid><pubDate>Mon, 30 Nov 2026 18:00:00 GMT</pubDate></item>
                </channel></rss>
                """, contentType: "application/rss+xml")
            case "/brief":
                return .html(page("Council approves bridge plan", ["The city council approved the plan for the new bridge on Monday evening after a long debate.",
                                                                   "Work is to start in the spring and should take two years, the council said."],
                                  canonical: nil))
            case "/broken.xml": return .text("<rss><channel><item><title>x</title>", contentType: "application/rss+xml")
            default: return .status(404)
            }
        }
    }

    func engine(archive: Bool) throws -> Engine {
        let engine = Engine()
        if archive { _ = try engine.archive(ArchiveRequest(action: .open(file: "news.lede", path: dir + "/news.lede"))) }
        engine.settings.fetch.politenessOff = ["127.0.0.1"]
        return engine
    }

    @Test func fetchRefreshVersionsAndA304() throws {
        let server = try FetchRequestTests.storyServer()
        defer { server.stop() }
        let engine = try engine(archive: true)
        let fetched = try engine.fetch(FetchPagesRequest(urls: [server.url("/story")], name: "story"))
        #expect(fetched.items.map(\.status) == ["new"] && fetched.archive == "news.lede")
        let changed = try engine.refresh(RefreshRequest())
        #expect(changed.items.map(\.status) == ["new version"])
        let line = try #require(changed.items.first?.change)
        #expect(line.contains("title changed") && line.contains("1 number changed") && line.contains("quote added")
                && line.contains("1 paragraph added"), "\(line)")
        // Only the related-stories box changed: the same article text, so unchanged.
        #expect(try engine.refresh(RefreshRequest()).items.map(\.status) == ["unchanged"])
        // The stored ETag goes out as If-None-Match: 304.
        let again = try engine.refresh(RefreshRequest(selectors: ["story"]))
        #expect(again.items.map(\.status) == ["not modified"] && again.failedFetches == 0)
        #expect(server.requests.last?.header("If-None-Match") == "\"v3\"")
        let versions = try engine.versions(VersionsRequest(selectors: ["story"]))
        #expect(versions.versions.count == 2)
        let diff = try engine.diff(DiffRequest(selectors: ["story"]))
        #expect(diff.pairs.first?.summary.numbers.count == 1)
        engine.closeArchive()

        // A fresh engine has both versions, the time each was fetched and the response's headers, and sends the
        // validator the archive kept.
        let fresh = try self.engine(archive: true)
        let story = try #require(fresh.workspace.article(named: "story"))
        #expect(story.versions.count == 2)
        let stored = try Archive(path: dir + "/news.lede").readArticles()
        let record = try #require(stored.first?.versions.last?.fetch)
        #expect(record.url == server.url("/story") && record.status == 200 && record.headers.contains { $0.name == "ETag" && $0.value == "\"v2\"" })
        #expect(try fresh.refresh(RefreshRequest()).items.map(\.status) == ["not modified"])
    }

    @Test func everyFailureIsOneLineAndTheOthersGoOn() throws {
        let server = try FetchRequestTests.storyServer()
        defer { server.stop() }
        let engine = try engine(archive: true)
        engine.settings.fetch.connectTimeout = 2
        let report = try engine.fetch(FetchPagesRequest(urls: [
            server.url("/missing"), server.url("/report.pdf"), "http://news.example.invalid/a", "ftp://127.0.0.1/x",
            "http://127.0.0.1:1/closed", server.url("/brief"),
        ]))
        #expect(report.items.map(\.status) == ["failed", "failed", "failed", "failed", "failed", "new"])
        let errors = report.items.compactMap(\.error)
        #expect(errors.count == 5 && errors.allSatisfy { !$0.contains("\n") })
        #expect(errors[0] == "HTTP 404 Not Found" && errors[1].contains("application/pdf") && errors[2].contains("DNS"))
        #expect(errors[3].contains("ftp") && errors[4].contains("refused"))
        #expect(report.failed == 5 && engine.workspace.articles.count == 1)
        // A malformed feed is one line; the archive keeps what it had.
        #expect(throws: EngineError.self) { try engine.feed(FeedRequest(url: server.url("/broken.xml"))) }
        #expect(try engine.archive(ArchiveRequest(action: .summary)).contents?.articles == 1)
    }

    @Test func feedsAreRememberedAndFetchFeedFetchesTheNewItems() throws {
        let server = try FetchRequestTests.storyServer()
        defer { server.stop() }
        let engine = try engine(archive: true)
        let feed = try engine.feed(FeedRequest(url: server.url("/feed.xml")))
        #expect(feed.items.map(\.title) == ["Harbour fire", "Bridge plan"] && feed.newItems == 2 && feed.format == "RSS")
        #expect(feed.items.allSatisfy { !$0.fetched })
        _ = try engine.fetch(FetchPagesRequest(urls: [server.url("/story")]))
        let rest = try engine.fetch(FetchPagesRequest(urls: [], feed: server.url("/feed.xml")))
        // The story was fetched already: only the brief is new.
        #expect(rest.items.map(\.url) == [server.url("/brief")] && rest.items.map(\.status) == ["new"] && rest.feedItems == 2, "\(rest.items)")
        let feeds = try engine.feeds(FeedsRequest())
        #expect(feeds.feeds.count == 1 && feeds.feeds[0].itemsGiven == 2 && feeds.feeds[0].fetched == 2 && feeds.feeds[0].lastRead != nil)
        #expect(feeds.feeds[0].title == "Loopback News")
        // refresh --feeds reads the feed again: nothing new.
        let refresh = try engine.refresh(RefreshRequest(feeds: true))
        #expect(refresh.feeds.count == 1 && refresh.feeds[0].newItems == 0 && refresh.items.allSatisfy { $0.status != "new" })
    }

    @Test func withoutAnArchiveFetchedPagesJoinTheSessionOnly() throws {
        let server = try FetchRequestTests.storyServer()
        defer { server.stop() }
        let engine = try engine(archive: false)
        let fetched = try engine.fetch(FetchPagesRequest(urls: [server.url("/story")]))
        #expect(fetched.items.map(\.status) == ["new"] && fetched.archive == nil)
        let refreshed = try engine.refresh(RefreshRequest())
        #expect(refreshed.items.map(\.status) == ["new version"] && refreshed.archive == nil)
        #expect(engine.workspace.articles.count == 1 && engine.workspace.articles[0].versions.count == 2)
        #expect(throws: EngineError.self) { try engine.feeds(FeedsRequest()) }
    }

    @Test func settingsBecomeTheFetcherConfiguration() throws {
        let engine = Engine()
        try engine.settings.set("fetch-timeout", "2.5")
        try engine.settings.set("fetch-max-size", "3")
        try engine.settings.set("fetch-delay", "0")
        try engine.settings.set("fetch-hosts", "2")
        try engine.settings.set("fetch-politeness-off", "127.0.0.1, localhost:8080")
        let c = engine.fetchConfiguration(ignoreRobots: true)
        #expect(c.totalTimeout == .milliseconds(2500) && c.maxBytes == 3 << 20 && c.hostDelay == .zero && c.maxParallelHosts == 2)
        #expect(c.politenessOffHosts == ["127.0.0.1", "localhost:8080"] && c.ignoreRobots)
        #expect(throws: Settings.SettingError.self) { try engine.settings.set("fetch-timeout", "soon") }
        #expect(throws: Settings.SettingError.self) { try engine.settings.set("fetch-politeness-off", "a b") }
        // Saved with the session when changed; a default session file does not mention them.
        let json = String(decoding: try JSONEncoder().encode(engine.settings), as: UTF8.self)
        #expect(json.contains("\"politenessOff\""))
        #expect(!String(decoding: try JSONEncoder().encode(Settings()), as: UTF8.self).contains("fetch"))
        let back = try JSONDecoder().decode(Settings.self, from: Data(json.utf8))
        #expect(back == engine.settings)
    }
}
