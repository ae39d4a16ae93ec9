import Foundation
import LedeText
import Testing
import LedeArchive
import LoopbackHTTPServer

/// fetch, refresh, feeds and failures through the `lede` binary, each step a process of its own as cron would run
/// it, against a server on 127.0.0.1 in the test process (stopped at the end of each test).
@Suite(.serialized) struct FetchEndToEndTests {
    static func page(_ title: String, _ paragraphs: [String], stamp: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(title) | Loopback News</title></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>\(title)</h1>\(paragraphs.map { "<p>\($0)</p>" }.joined())</article>
        <aside class="related"><h2>Related</h2><ul><li><a href="/">Updated \(stamp)</a></li></ul></aside>
        <footer>© Loopback News</footer></body></html>
        """
    }

    static let v1 = ["Firefighters brought the blaze at the old harbour warehouse under control late on Tuesday, the fire service said.",
                     "At least 12 people were treated for smoke inhalation, and residents were asked to keep their windows closed."]
    static let v2 = ["Firefighters brought the blaze at the old harbour warehouse under control late on Tuesday, the fire service said.",
                     "At least 15 people were treated for smoke inhalation, and residents were asked to keep their windows closed.",
                     "“The crews held the line until the wind turned,” the fire chief said on Wednesday."]

    /// The lede command line with politeness off for the test server (a server we run ourselves).
    func lede(_ archive: String, _ commands: [String]) throws -> Lede.Run {
        var args = ["--no-init", "--archive", archive, "-c", "set fetch-politeness-off 127.0.0.1"]
        for c in commands { args += ["-c", c] }
        return try Lede.run(args)
    }

    @Test func fetchRefreshVersionsAndDiffAcrossProcesses() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let served = LoopbackCounter()
        let server = try LoopbackServer(lifetime: .seconds(120)) { request in
            guard request.path == "/story" else { return .status(404) }
            if served.current >= 3, request.header("If-None-Match") == "\"v3\"" { return .notModified(headers: [("ETag", "\"v3\"")]) }
            switch served.next() {
            case 0: return .html(Self.page("Harbour fire contained", Self.v1, stamp: "09:00"), headers: [("ETag", "\"v1\"")])
            case 1: return .html(Self.page("Harbour fire contained, police investigate", Self.v2, stamp: "14:00"), headers: [("ETag", "\"v2\"")])
            default: return .html(Self.page("Harbour fire contained, police investigate", Self.v2, stamp: "14:05"), headers: [("ETag", "\"v3\"")])
            }
        }
        defer { server.stop() }
        let archive = dir + "/news.lede"
        let fetched = try lede(archive, ["fetch \(server.url("/story")) --as story"])
        #expect(fetched.status == 0, "\(fetched.err)")
        #expect(fetched.out.contains("1 new") && fetched.out.contains("stored in \(archive)"), "\(fetched.out)")

        let changed = try lede(archive, ["refresh"])
        #expect(changed.status == 0, "\(changed.err)")
        #expect(changed.out.contains("story@2 (a1): title changed, 1 number changed, 1 quote added, 1 paragraph added"), "\(changed.out)")
        // Only the boilerplate (a time stamp) moved: unchanged. Then the ETag earns a 304.
        #expect(try lede(archive, ["refresh"]).out.contains("1 unchanged"))
        let notModified = try lede(archive, ["refresh"])
        #expect(notModified.status == 0 && notModified.out.contains("1 not modified"), "\(notModified.out)")
        #expect(server.requests.last?.header("If-None-Match") == "\"v3\"")

        let shown = try lede(archive, ["versions story", "diff story --summary"])
        #expect(shown.status == 0, "\(shown.err)")
        #expect(shown.out.contains("2 versions") && shown.out.contains("number changed: At least 12 → 15"), "\(shown.out)")
    }

    @Test func failuresAreOneLineEachAndTheExitStatusSaysSo() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try LoopbackServer(lifetime: .seconds(120)) { request in
            switch request.path {
            case "/ok": return .html(Self.page("Bridge plan approved", Self.v1, stamp: "10:00"))
            case "/server-error": return .status(500)
            case "/loop": return .redirect(to: "/loop")
            case "/feed.xml": return .text("<rss><channel><item><title>x</title>", contentType: "application/rss+xml")
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let archive = dir + "/news.lede"
        let r = try lede(archive, ["fetch \(server.url("/ok")) \(server.url("/gone")) \(server.url("/server-error")) \(server.url("/loop")) http://127.0.0.1:1/"])
        #expect(r.status == 1)
        let errors = r.err.split(separator: "\n")
        #expect(errors.count == 4, "\(r.err)")
        #expect(r.err.contains("HTTP 404") && r.err.contains("HTTP 500") && r.err.contains("redirect loop") && r.err.contains("refused"), "\(r.err)")
        #expect(r.out.contains("1 new, 4 failed"), "\(r.out)")
        let feed = try lede(archive, ["feed \(server.url("/feed.xml"))"])
        #expect(feed.status == 1 && feed.err.split(separator: "\n").count == 1 && feed.err.contains("feed"), "\(feed.err)")
        // The archive kept the page that worked.
        #expect(try Archive(path: archive).listArticles().map(\.title) == ["Bridge plan approved"])
        // refresh for cron: a failure makes the status 1, with one line for it.
        let cron = try lede(archive, ["refresh"])
        #expect(cron.status == 0 && cron.out.contains("refreshed 1 article"), "\(cron.out)\(cron.err)")
        server.stop()
        let down = try lede(archive, ["refresh"])
        #expect(down.status == 1 && down.err.contains("refused"), "\(down.err)")
    }

    @Test func feedsAreRememberedAndRefreshFeedsFetchesNewItems() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let items = Locked(1)
        let server = try LoopbackServer(lifetime: .seconds(120)) { request in
            let host = request.header("Host") ?? "127.0.0.1"
            switch request.path {
            case "/feed.xml":
                let n = items.withLock { $0 }
                let entries = (1...n).map { k in
                    "<item><title>Story \(k)</title><link>http://\(host)/story/\(k)</link><guid>s\(k)</guid></item>"
                }.joined()
                return .text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback</title>\(entries)</channel></rss>",
                             contentType: "application/rss+xml")
            default:
                let k = request.path.split(separator: "/").last.map(String.init) ?? "0"
                return .html(Self.page("Story \(k) of the day", ["Story \(k) reports what the harbour council decided on day \(k), and why residents objected to it."], stamp: "x"))
            }
        }
        defer { server.stop() }
        let archive = dir + "/news.lede"
        let listed = try lede(archive, ["feed \(server.url("/feed.xml"))"])
        #expect(listed.status == 0 && listed.out.contains("Story 1") && listed.out.contains("remembered in \(archive)"), "\(listed.out)")
        let fetched = try lede(archive, ["fetch --feed \(server.url("/feed.xml"))"])
        #expect(fetched.status == 0 && fetched.out.contains("1 new"), "\(fetched.out)")
        items.withLock { $0 = 3 }
        let cron = try Lede.run(["--no-init", "--archive", archive, "-c", "set fetch-politeness-off 127.0.0.1", "-c", "refresh --feeds"])
        #expect(cron.status == 0, "\(cron.err)")
        #expect(cron.out.contains("new article from a feed") && cron.out.contains("feeds gave 2 new items"), "\(cron.out)")
        let feeds = try lede(archive, ["feeds"])
        #expect(feeds.out.contains(server.url("/feed.xml")) && feeds.out.contains("3"), "\(feeds.out)")
        #expect(try Archive(path: archive).listArticles().count == 3)
    }

    /// Two refresh runs at once (cron started the next before the last ended): the server holds every page until
    /// both runs have asked for it, so they overlap whatever the machine's speed; both succeed, and each article
    /// gets its new version once.
    @Test func overlappingRefreshRunsDoNotCollide() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pages = 12
        let phase = Locked(1)
        let asked = Locked([String: Int]())
        let server = try LoopbackServer(lifetime: .seconds(120)) { request in
            guard request.path.hasPrefix("/p/") else { return .status(404) }
            let version = phase.withLock { $0 }
            if version == 2 {
                // Wait (up to 20 s) until both runs asked for this page.
                let path = String(request.path)
                asked.withLock { $0[path, default: 0] += 1 }
                for _ in 0..<2000 where asked.withLock({ $0[path] ?? 0 }) < 2 { usleep(10_000) }
            }
            let k = request.path.dropFirst(3)
            let text = version == 1 ? Self.v1 : Self.v2
            return .html(Self.page("Page \(k): harbour fire, version \(version)", text.map { "\($0) (page \(k))" }, stamp: "\(version)"))
        }
        defer { server.stop() }
        let archive = dir + "/news.lede"
        let urls = (1...pages).map { server.url("/p/\($0)") }.joined(separator: " ")
        #expect(try lede(archive, ["fetch \(urls)"]).status == 0)
        phase.withLock { $0 = 2 }

        let runs = Locked<[Lede.Run?]>([nil, nil])
        let group = DispatchGroup()
        for k in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                let run = try? lede(archive, ["refresh"])
                runs.withLock { $0[k] = run }
                group.leave()
            }
        }
        group.wait()
        for run in runs.withLock({ $0 }) {
            let r = try #require(run)
            #expect(r.status == 0, "\(r.err)")
            #expect(r.err.isEmpty, "\(r.err)")
        }
        // Both asked for every page; between them each page got exactly one new version.
        #expect(asked.withLock { $0.values.allSatisfy { $0 == 2 } && $0.count == pages })
        let opened = try Archive(path: archive)
        #expect(try opened.check().isEmpty)
        let stored = try opened.readArticles()
        #expect(stored.count == pages && stored.allSatisfy { $0.versions.count == 2 }, "\(stored.map(\.versions.count))")
        // Each new version is reported by the run that stored it; the other run found it unchanged.
        let finished = runs.withLock { $0 }
        let newVersions = finished.compactMap { $0 }.map { $0.out.components(separatedBy: "@2: ").count - 1 }
        #expect(newVersions.reduce(0, +) == pages, "\(finished.map { $0?.out ?? "" })")
    }
}
