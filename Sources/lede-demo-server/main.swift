// lede-demo-server: a news site on 127.0.0.1 whose story changes between requests, for trying `fetch`,
// `refresh`, `versions` and `diff` without the internet (Scripts/examples/capture.sh).
//
//   lede-demo-server [--lifetime SECONDS] [--url-file PATH]
//
// /story advances one version per full request: 1 the first report; 2 a new headline, a new figure, a changed
// quote and an added paragraph; 3 only the "related stories" box and the time stamp differ (lede records it
// as unchanged); after that it stays at 3 and answers 304 to a matching If-None-Match. /feed.xml is an RSS
// feed of /story and /brief; /robots.txt disallows /admin/. The server stops by itself after its lifetime.
import Foundation
import LoopbackHTTPServer

let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String) -> String? { arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
let lifetime = value("--lifetime").flatMap(Int.init) ?? 300
if arguments.contains("--help") {
    print("usage: lede-demo-server [--lifetime SECONDS] [--url-file PATH]")
    exit(0)
}

struct StoryVersion {
    var headline: String
    var injured: Int
    var quote: String
    var extraParagraph: String?
    var related: [String]
    var stamp: String
}

let versions = [
    StoryVersion(headline: "Harbour fire contained after six hours", injured: 12,
                 quote: "“We were lucky the wind turned,” the fire chief said.", extraParagraph: nil,
                 related: ["Council approves bridge plan", "Rates held at 4 %"], stamp: "09:00"),
    StoryVersion(headline: "Harbour fire contained after seven hours, police treat it as suspicious", injured: 15,
                 quote: "“The crews held the line until the wind turned,” the fire chief said.",
                 extraParagraph: "Police said on Wednesday morning that they were treating the fire as suspicious and asked anyone who had been near the warehouse on Tuesday evening to come forward.",
                 related: ["Council approves bridge plan", "Rates held at 4 %"], stamp: "14:00"),
    StoryVersion(headline: "Harbour fire contained after seven hours, police treat it as suspicious", injured: 15,
                 quote: "“The crews held the line until the wind turned,” the fire chief said.",
                 extraParagraph: "Police said on Wednesday morning that they were treating the fire as suspicious and asked anyone who had been near the warehouse on Tuesday evening to come forward.",
                 related: ["Cup final tickets sold out", "Chip plant opens"], stamp: "14:05"),
]

func page(_ v: StoryVersion) -> String {
    """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>\(v.headline) | Loopback News</title>
    <link rel="canonical" href="https://news.example.org/harbour-fire">
    <meta property="og:site_name" content="Loopback News">
    <meta property="article:published_time" content="2026-12-01T09:00:00Z"></head>
    <body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
    <article><h1>\(v.headline)</h1><p class="byline">By Ana Duarte · Updated \(v.stamp)</p>
    <p>Firefighters brought the blaze at the old harbour warehouse under control late on Tuesday, the city's fire service said in a statement, after crews from three districts had worked through the afternoon and into the evening.</p>
    <p>At least \(v.injured) people were treated for smoke inhalation, and the authorities asked residents of the nearby streets to keep their windows closed until the smoke had cleared completely.</p>
    <p>\(v.quote) He added that the cause of the fire was not yet known and that an investigation would begin as soon as the site was safe to enter.</p>
    \(v.extraParagraph.map { "<p>\($0)</p>" } ?? "")
    </article>
    <aside class="related"><h2>Related stories</h2><ul>\(v.related.map { "<li><a href=\"/\">\($0)</a></li>" }.joined())</ul></aside>
    <footer>© Loopback News</footer></body></html>
    """
}

let brief = """
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves bridge plan | Loopback News</title></head>
<body><article><h1>Council approves bridge plan</h1>
<p>The city council approved the plan for the new bridge on Monday evening, after a debate that lasted more than four hours and ended in a vote of 31 to 12.</p>
<p>Work is to start in the spring and should take two years, the council said, and the old ferry will keep running until the bridge opens to traffic.</p>
</article></body></html>
"""

let served = LoopbackCounter()
let server = try LoopbackServer(lifetime: .seconds(lifetime)) { request in
    switch request.path {
    case "/story":
        let etag = "\"story-v\(min(served.current, versions.count - 1) + 1)\""
        if served.current >= versions.count - 1, request.header("If-None-Match") == etag { return .notModified(headers: [("ETag", etag)]) }
        let index = min(served.next(), versions.count - 1)
        return .html(page(versions[index]), headers: [("ETag", "\"story-v\(index + 1)\""), ("Cache-Control", "max-age=60")])
    case "/brief":
        return .html(brief, headers: [("ETag", "\"brief-v1\"")])
    case "/feed.xml":
        let host = request.header("Host") ?? "127.0.0.1"
        return .text("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Loopback News</title><link>http://\(host)/</link>
        <item><title>Harbour fire contained</title><link>http://\(host)/story</link><guid>harbour-fire</guid><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>
        <item><title>Council approves bridge plan</title><link>http://\(host)/brief</link><guid>bridge-plan</guid><pubDate>Mon, 30 Nov 2026 18:00:00 GMT</pubDate></item>
        </channel></rss>
        """, contentType: "application/rss+xml; charset=utf-8")
    case "/robots.txt":
        return .text("User-agent: *\nDisallow: /admin/\n")
    default:
        return .status(404)
    }
}
let base = server.url("/")
if let path = value("--url-file") { try? Data((base + "\n").utf8).write(to: URL(fileURLWithPath: path)) }
print("lede-demo-server: serving \(base) (story \(server.url("/story")), feed \(server.url("/feed.xml"))) for \(lifetime) s")
Thread.sleep(forTimeInterval: Double(lifetime))
server.stop()
