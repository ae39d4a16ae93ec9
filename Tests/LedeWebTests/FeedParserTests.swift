import Foundation
import LedeWeb
import LoopbackHTTPServer
import Testing

@Suite struct FeedParserTests {
    static let rss = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
    <channel>
      <title>Loopback News</title>
      <link>https://news.example.org/</link>
      <atom:link href="https://news.example.org/rss" rel="self" type="application/rss+xml"/>
      <item>
        <title>Harbour fire contained &amp; investigated</title>
        <link>https://news.example.org/fire</link>
        <guid isPermaLink="false">fire-2026</guid>
        <pubDate>Tue, 01 Dec 2026 09:30:00 +0100</pubDate>
      </item>
      <item>
        <title><![CDATA[Council <b>budget</b> vote]]></title>
        <guid>https://news.example.org/budget</guid>
        <dc:date>2026-12-02T07:00:00Z</dc:date>
      </item>
      <item><title>Relative</title><link>/relative</link></item>
    </channel>
    </rss>
    """

    @Test func rss2ItemsWithDatesGuidsAndRelativeLinks() throws {
        let feed = try FeedParser.parse(Data(Self.rss.utf8), url: "https://news.example.org/rss")
        #expect(feed.format == .rss)
        #expect(feed.title == "Loopback News")
        #expect(feed.link == "https://news.example.org/")
        #expect(feed.items.count == 3)
        #expect(feed.items[0] == FeedItem(title: "Harbour fire contained & investigated", link: "https://news.example.org/fire",
                                          date: "2026-12-01T08:30:00Z", id: "fire-2026"))
        #expect(feed.items[1] == FeedItem(title: "Council <b>budget</b> vote", link: "https://news.example.org/budget",
                                          date: "2026-12-02T07:00:00Z", id: "https://news.example.org/budget"))
        #expect(feed.items[2].link == "https://news.example.org/relative")
        #expect(feed.warnings.isEmpty)
    }

    @Test func atom() throws {
        let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Atom News</title>
          <link href="https://atom.example.org/"/>
          <link rel="self" href="https://atom.example.org/feed"/>
          <id>urn:uuid:feed</id>
          <updated>2026-12-03T10:00:00Z</updated>
          <entry>
            <title>Ceasefire talks resume</title>
            <link rel="alternate" href="https://atom.example.org/talks"/>
            <link rel="edit" href="https://atom.example.org/edit/1"/>
            <id>urn:uuid:1</id>
            <published>2026-12-03T08:00:00+02:00</published>
            <updated>2026-12-03T09:00:00+02:00</updated>
          </entry>
          <entry>
            <title type="text">Only updated</title>
            <link href="/only-updated"/>
            <id>urn:uuid:2</id>
            <updated>2026-12-04T09:00:00Z</updated>
          </entry>
        </feed>
        """
        let feed = try FeedParser.parse(Data(atom.utf8), url: "https://atom.example.org/feed")
        #expect(feed.format == .atom)
        #expect(feed.title == "Atom News")
        #expect(feed.link == "https://atom.example.org/")
        #expect(feed.items == [
            FeedItem(title: "Ceasefire talks resume", link: "https://atom.example.org/talks", date: "2026-12-03T08:00:00+02:00", id: "urn:uuid:1"),
            FeedItem(title: "Only updated", link: "https://atom.example.org/only-updated", date: "2026-12-04T09:00:00Z", id: "urn:uuid:2"),
        ])
    }

    @Test func jsonFeed() throws {
        let json = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "JSON News", "home_page_url": "https://json.example.org/",
         "items": [
           {"id": "1", "url": "https://json.example.org/a", "title": "Rates held", "date_published": "2026-12-01T12:00:00Z"},
           {"id": 2, "external_url": "https://elsewhere.example.org/b", "content_text": "no title", "date_modified": "2026-12-02"},
           "junk"
         ]}
        """
        let feed = try FeedParser.parse(Data(json.utf8))
        #expect(feed.format == .jsonFeed)
        #expect(feed.title == "JSON News")
        #expect(feed.items == [
            FeedItem(title: "Rates held", link: "https://json.example.org/a", date: "2026-12-01T12:00:00Z", id: "1"),
            FeedItem(title: nil, link: "https://elsewhere.example.org/b", date: "2026-12-02", id: "2"),
        ])
        #expect(feed.warnings == ["1 item that is not an object skipped"])
    }

    @Test func newsSitemapAndSitemapIndex() throws {
        let sitemap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url>
            <loc>https://news.example.org/fire</loc>
            <lastmod>2026-12-01T10:00:00Z</lastmod>
            <news:news>
              <news:publication><news:name>Loopback News</news:name><news:language>en</news:language></news:publication>
              <news:publication_date>2026-12-01T09:30:00+01:00</news:publication_date>
              <news:title>Harbour fire contained</news:title>
            </news:news>
          </url>
          <url><loc>https://news.example.org/about</loc><lastmod>2026-11-01</lastmod></url>
        </urlset>
        """
        let feed = try FeedParser.parse(Data(sitemap.utf8))
        #expect(feed.format == .sitemap)
        #expect(feed.items == [
            FeedItem(title: "Harbour fire contained", link: "https://news.example.org/fire", date: "2026-12-01T09:30:00+01:00"),
            FeedItem(title: nil, link: "https://news.example.org/about", date: "2026-11-01"),
        ])
        let index = """
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://news.example.org/sitemap-news.xml</loc><lastmod>2026-12-01</lastmod></sitemap>
          <sitemap><loc>https://news.example.org/sitemap-2026.xml</loc></sitemap>
        </sitemapindex>
        """
        let sitemaps = try FeedParser.parse(Data(index.utf8))
        #expect(sitemaps.format == .sitemapIndex)
        #expect(sitemaps.items.map(\.link) == ["https://news.example.org/sitemap-news.xml", "https://news.example.org/sitemap-2026.xml"])
    }

    @Test func rdfRSS1() throws {
        let rdf = """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example.org/"><title>RDF News</title><link>https://rdf.example.org/</link></channel>
          <item rdf:about="https://rdf.example.org/1"><title>One</title><link>https://rdf.example.org/1</link><dc:date>2026-12-01</dc:date></item>
        </rdf:RDF>
        """
        let feed = try FeedParser.parse(Data(rdf.utf8))
        #expect(feed.format == .rss)
        #expect(feed.title == "RDF News")
        #expect(feed.items == [FeedItem(title: "One", link: "https://rdf.example.org/1", date: "2026-12-01", id: "https://rdf.example.org/1")])
    }

    @Test func malformedAndForeignDocumentsAreOneLineErrors() {
        func error(_ text: String) -> String {
            do { _ = try FeedParser.parse(Data(text.utf8)); return "parsed" } catch { return "\(error)" }
        }
        #expect(error("") == "empty feed")
        #expect(error("just words") == "not a feed: neither XML nor JSON")
        #expect(error("<html><body>hi</body></html>") == "not a feed: the document's root element is <html>, not rss, feed, urlset or sitemapindex")
        let truncated = error("<rss version=\"2.0\"><channel><title>T</title><item><title>Cut")
        #expect(truncated.hasPrefix("malformed feed: line 1: "), "\(truncated)")
        #expect(!truncated.contains("\n"))
        #expect(error("{\"items\": [") .hasPrefix("malformed feed: invalid JSON"))
        #expect(error("{\"title\": \"x\"}") == "not a feed: JSON without a JSON Feed version or items")
    }

    @Test func aMostlyGoodFeedKeepsItsItemsWithAWarning() throws {
        let text = "<rss><channel><item><title>Fish &chips</title><link>https://x.example.org/1</link></item></channel></rss>"
        let feed = try FeedParser.parse(Data(text.utf8))
        #expect(feed.items.count == 1)
        #expect(feed.items[0].link == "https://x.example.org/1")
        #expect(feed.warnings.count == 1)
        #expect(feed.warnings[0].hasPrefix("malformed XML (line 1: "))
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss><channel><item><title>A &secret; B</title><link>https://x.example.org/1</link></item></channel></rss>
        """
        let feed = try FeedParser.parse(Data(text.utf8))
        #expect(feed.items.first?.title.map { !$0.contains("root:") } == true)
    }

    @Test func aFeedFetchedFromTheServer() throws {
        try withServer({ request in
            switch request.path {
            case "/rss": .text(Self.rss, contentType: "application/rss+xml; charset=utf-8")
            case "/feed.json": .text("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\",\"url\":\"/a\"}]}", contentType: "application/feed+json")
            case "/photo": .bytes([0xFF, 0xD8, 0xFF, 0xE0], contentType: "image/jpeg")
            default: .status(404)
            }
        }) { server in
            let results = Fetcher(configuration: testConfiguration()).fetch(["/rss", "/feed.json", "/photo"].map { FetchRequest(url: server.url($0), kind: .feed) })
            let rss = try FeedParser.parse(results[0])
            let json = try FeedParser.parse(results[1])
            #expect(rss.items.count == 3)
            #expect(json.items.first?.link == server.url("/a"))
            #expect(results[2].failure == .unsupportedContentType("image/jpeg"))
            #expect(pageRequests(server).first?.header("Accept")?.hasPrefix("application/rss+xml") == true)
        }
    }
}
