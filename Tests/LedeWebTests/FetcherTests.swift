import Foundation
import LedeArticles
import LedeWeb
import LoopbackHTTPServer
import Testing

@Suite struct FetcherTests {
    @Test func fetchesAPageWithItsHeadersAndUserAgent() throws {
        try withServer({ request in
            request.path == "/story" ? .html(storyPage(version: 0), headers: [("ETag", "\"v1\""), ("X-Test", "yes")]) : .status(404)
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let result = fetcher.fetch(FetchRequest(url: server.url("/story")))
            #expect(result.failure == nil)
            #expect(result.status == 200)
            #expect(result.mediaType == "text/html")
            #expect(result.charset == "utf-8")
            #expect(result.etag == "\"v1\"")
            #expect(result.header("x-test") == "yes")
            #expect(result.finalURL == server.url("/story"))
            #expect(String(decoding: result.body, as: UTF8.self).contains("Harbour fire"))
            #expect(result.fetchedAt >= result.startedAt)
            let sent = try #require(pageRequests(server).first)
            #expect(sent.header("User-Agent") == "lede/9.9.9 (+https://example.invalid/lede)")
            #expect(sent.header("Accept-Encoding")?.contains("gzip") == true)
            #expect(sent.header("Accept")?.hasPrefix("text/html") == true)
            #expect(result.summaryLine.hasSuffix("200 text/html, \(result.body.count) bytes"))
        }
    }

    @Test func aPageThatChangesBetweenRequestsGivesTwoVersions() throws {
        let counter = LoopbackCounter()
        try withServer({ request in
            request.path == "/story" ? .html(storyPage(version: counter.next())) : .status(404)
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let first = fetcher.fetch(FetchRequest(url: server.url("/story")))
            let second = fetcher.fetch(FetchRequest(url: server.url("/story")))
            let a = try PageExtractor.document(from: first)
            let b = try PageExtractor.document(from: second)
            #expect(a.title == "Harbour fire contained after six hours")
            #expect(b.title == "Harbour fire contained after seven hours")
            #expect(a.body.contains("At least 12 people"))
            #expect(b.body.contains("At least 15 people"))
            #expect(b.body.contains("suspicious") && !a.body.contains("suspicious"))
            #expect(a.metadata.url == server.url("/story"))
            // robots.txt was asked once for the host, then remembered by the fetcher.
            #expect(server.requests.filter { $0.path == "/robots.txt" }.count == 1)
        }
    }

    @Test func etagRevalidationAnswers304WithoutABody() throws {
        try withServer({ request in
            guard request.path == "/story" else { return .status(404) }
            if request.header("If-None-Match") == "\"abc\"" { return .notModified(headers: [("ETag", "\"abc\"")]) }
            return .html(storyPage(version: 0), headers: [("ETag", "\"abc\"")])
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let first = fetcher.fetch(FetchRequest(url: server.url("/story")))
            #expect(first.status == 200 && first.etag == "\"abc\"")
            let again = fetcher.fetch(FetchRequest(url: server.url("/story"), etag: first.etag))
            #expect(again.isNotModified)
            #expect(again.failure == nil)
            #expect(again.body.isEmpty)
            #expect(again.etag == "\"abc\"")
            #expect(again.summaryLine.hasSuffix("not modified"))
            #expect(pageRequests(server).last?.header("If-None-Match") == "\"abc\"")
        }
    }

    @Test func lastModifiedRevalidationAnswers304AndKeepsTheValidator() throws {
        let stamp = "Tue, 01 Dec 2026 08:00:00 GMT"
        try withServer({ request in
            guard request.path == "/story" else { return .status(404) }
            if request.header("If-Modified-Since") == stamp { return .notModified() }
            return .html(storyPage(version: 0), headers: [("Last-Modified", stamp)])
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let first = fetcher.fetch(FetchRequest(url: server.url("/story")))
            #expect(first.lastModified == stamp)
            let again = fetcher.fetch(FetchRequest(url: server.url("/story"), lastModified: first.lastModified))
            #expect(again.isNotModified)
            // The 304 sent no Last-Modified: the archived one stays the validator.
            #expect(again.lastModified == stamp)
        }
    }

    @Test func redirectsAreFollowedAndRecorded() throws {
        try withServer({ request in
            switch request.path {
            case "/old": .redirect(to: "/moved", status: 301)
            case "/moved": .redirect(to: "final?id=7", status: 302)
            case "/final": .html(storyPage(version: 0))
            default: .status(404)
            }
        }) { server in
            let result = Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/old")))
            #expect(result.failure == nil)
            #expect(result.status == 200)
            #expect(result.finalURL == server.url("/final?id=7"))
            #expect(result.redirects.map(\.status) == [301, 302])
            #expect(result.redirects.map(\.to) == [server.url("/moved"), server.url("/final?id=7")])
            #expect(result.request.url == server.url("/old"))
        }
    }

    @Test func aURLIsRequestedEncodedAndWithoutItsFragment() throws {
        try withServer({ request in request.path == "/a%20b" ? .html(storyPage(version: 0)) : .status(404) }) { server in
            let result = Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/a b?x=1#top")))
            #expect(result.status == 200)
            #expect(result.finalURL == server.url("/a%20b?x=1"))
            #expect(pageRequests(server).map(\.target) == ["/a%20b?x=1"])
            #expect(result.request.url == server.url("/a b?x=1#top"))
        }
    }

    @Test func aRedirectLoopIsAnError() throws {
        try withServer({ request in
            switch request.path {
            case "/a": .redirect(to: "/b")
            case "/b": .redirect(to: "/c")
            case "/c": .redirect(to: "/a")
            default: .status(404)
            }
        }) { server in
            let result = Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/a")))
            #expect(result.failure == .redirectLoop(chain: ["/a", "/b", "/c", "/a"].map { server.url($0) }))
            #expect(result.summaryLine.contains("redirect loop: \(server.url("/a")) → "))
            #expect(pageRequests(server).count == 3)
        }
    }

    @Test func moreThanTenRedirectsIsAnErrorAndTenAreFine() throws {
        try withServer({ request in
            let path = String(request.path)
            guard path.hasPrefix("/hop/"), let n = Int(path.dropFirst(5)) else { return .status(404) }
            if path.hasPrefix("/hop/"), n < 100 { return .redirect(to: "/hop/\(n + 1)") }
            return .html(storyPage(version: 0))
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let endless = fetcher.fetch(FetchRequest(url: server.url("/hop/0")))
            #expect(endless.failure == .tooManyRedirects(limit: 10))
            #expect(pageRequests(server).count == 11)
            // Ten hops, then the page: /hop/90 … /hop/100.
            let ten = fetcher.fetch(FetchRequest(url: server.url("/hop/90")))
            #expect(ten.failure == nil)
            #expect(ten.redirects.count == 10)
        }
    }

    @Test func aSlowServerTimesOut() throws {
        try withServer({ request in
            request.path == "/slow" ? LoopbackResponse(status: 200, headers: [("Content-Type", "text/html")], body: .bytes(Array("<p>late</p>".utf8)), delay: .seconds(30))
                : .status(404)
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration { $0.totalTimeout = .milliseconds(300) })
            let result = fetcher.fetch(FetchRequest(url: server.url("/slow")))
            #expect(result.failure == .timeout(milliseconds: 300))
            #expect(result.summaryLine.hasSuffix("timed out (no complete response after 0.3 s)"))
        }
    }

    @Test(arguments: [true, false])
    func aFiftyMegabyteBodyIsStoppedAtTheCap(declaredLength: Bool) throws {
        try withServer({ request in
            request.path == "/huge"
                ? LoopbackResponse(headers: [("Content-Type", "text/html")], body: .repeated(byte: UInt8(ascii: "a"), count: 50 << 20, declareLength: declaredLength))
                : .status(404)
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration { $0.maxBytes = 1 << 20 })
            let result = fetcher.fetch(FetchRequest(url: server.url("/huge")))
            #expect(result.failure == .bodyTooLarge(limit: 1 << 20))
            #expect(result.body.isEmpty)
            #expect(result.summaryLine.hasSuffix("body over the size cap of 1 MB; download stopped"))
            server.stop()
            // The client stopped reading: the server could not send the whole body (it stays unanswered).
            #expect(pageRequests(server).first?.answeredAt == nil)
        }
    }

    @Test func aGzipBodyIsDecoded() throws {
        let page = storyPage(version: 1)
        try withServer({ request in
            guard request.path == "/gz" else { return .status(404) }
            let compressed = request.header("Accept-Encoding")?.contains("gzip") == true
            return .bytes(compressed ? gzipStored(Array(page.utf8)) : Array(page.utf8), contentType: "text/html; charset=utf-8",
                          headers: compressed ? [("Content-Encoding", "gzip")] : [])
        }) { server in
            let result = Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: server.url("/gz")))
            #expect(result.failure == nil)
            #expect(result.header("Content-Encoding") == "gzip")
            #expect(String(decoding: result.body, as: UTF8.self) == page)
        }
    }

    @Test func theCapCountsDecodedBytes() throws {
        // 3 KB of gzip that decodes to a 3 MB page (made with gzip -9; its long run of zero bits is rebuilt here).
        let base64 = "H4sIAAAAAAACA+3FsQ3AIAwAsJN4IMovRQwMIBhY+L59o5K9OPqZI6OudjN2Pg" + String(repeating: "A", count: 4063)
            + "D8XZWeUutr96meOfAEdYaOOIQAwAA=="
        let bomb = [UInt8](try #require(Data(base64Encoded: base64)))
        try withServer({ request in
            request.path == "/bomb" ? .bytes(bomb, contentType: "text/html", headers: [("Content-Encoding", "gzip")]) : .status(404)
        }) { server in
            let capped = Fetcher(configuration: testConfiguration { $0.maxBytes = 1 << 20 }).fetch(FetchRequest(url: server.url("/bomb")))
            #expect(capped.failure == .bodyTooLarge(limit: 1 << 20))
            let roomy = Fetcher(configuration: testConfiguration { $0.maxBytes = 4 << 20 }).fetch(FetchRequest(url: server.url("/bomb")))
            #expect(roomy.failure == nil)
            #expect(roomy.body.count == (3 << 20) + 33)
        }
    }

    @Test func charsetsFromTheHeaderThePageOrNeither() throws {
        // "Café olé – déjà vu" in windows-1252, in a page long enough to be kept as article text.
        let sentence = "Le café olé – déjà vu, a dit le maire de la ville devant le conseil municipal réuni mardi soir pour le budget de l’année."
        let latin = [UInt8](sentence.data(using: .windowsCP1252)!)
        @Sendable func page(meta: String) -> [UInt8] {
            Array("<html><head>\(meta)<title>Budget</title></head><body><article><p>".utf8) + latin
                + Array(" \(String(repeating: "The council will vote on the budget next week after a long debate in the chamber. ", count: 3))</p></article></body></html>".utf8)
        }
        try withServer({ request in
            switch request.path {
            case "/no-declaration": .bytes(page(meta: ""), contentType: "text/html")
            case "/header-wins": .bytes(page(meta: "<meta charset=\"utf-8\">"), contentType: "text/html; charset=windows-1252")
            case "/meta-only": .bytes(page(meta: "<meta charset=\"windows-1252\">"), contentType: "text/html")
            case "/latin1-label": .bytes(page(meta: ""), contentType: "text/html; charset=ISO-8859-1")
            case "/unknown": .bytes(page(meta: ""), contentType: "text/html; charset=x-no-such-charset")
            default: .status(404)
            }
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            for path in ["/no-declaration", "/header-wins", "/meta-only", "/latin1-label"] {
                let result = fetcher.fetch(FetchRequest(url: server.url(path)))
                let document = try PageExtractor.document(from: result)
                #expect(document.body.contains("café olé – déjà vu"), "\(path): \(document.body.prefix(80))")
                #expect(!document.body.contains("\u{FFFD}"))
            }
            let header = fetcher.fetch(FetchRequest(url: server.url("/header-wins")))
            #expect(header.charset == "windows-1252")
            let unknown = fetcher.fetch(FetchRequest(url: server.url("/unknown")))
            #expect(unknown.failure == .unknownCharset("x-no-such-charset"))
            #expect(unknown.summaryLine.hasSuffix("unknown charset 'x-no-such-charset'"))
        }
    }

    @Test func robotsDisallowIsHonouredAndOnlyAFlagIgnoresIt() throws {
        try withServer({ request in
            switch request.path {
            case "/robots.txt": .text("User-agent: *\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: otherbot\nDisallow: /\n")
            case "/private/story", "/private/open", "/public": .html(storyPage(version: 0))
            default: .status(404)
            }
        }) { server in
            let polite = Fetcher(configuration: testConfiguration())
            let results = polite.fetch(["/private/story", "/private/open", "/public"].map { FetchRequest(url: server.url($0)) })
            #expect(results[0].failure == .disallowedByRobots(rule: "Disallow: /private/"))
            #expect(results[0].summaryLine.hasSuffix("disallowed by robots.txt (Disallow: /private/)"))
            #expect(results[1].failure == nil)
            #expect(results[2].failure == nil)
            #expect(!pageRequests(server).contains { $0.path == "/private/story" })
            #expect(server.requests.filter { $0.path == "/robots.txt" }.count == 1)
            #expect(polite.robotsRules(forHost: "http://127.0.0.1:\(server.port)")?.rules.count == 2)

            let ignoring = Fetcher(configuration: testConfiguration { $0.ignoreRobots = true })
            let forced = ignoring.fetch(FetchRequest(url: server.url("/private/story")))
            #expect(forced.failure == nil)
            #expect(server.requests.filter { $0.path == "/robots.txt" }.count == 1)
        }
    }

    @Test func aRedirectedRobotsTxtIsFollowedAndTheOtherHostKeepsItsOwn() throws {
        try withServer({ request in
            switch (request.host, request.path) {
            case ("127.0.0.1", "/robots.txt"):
                return .redirect(to: "http://localhost:\(request.header("Host")!.split(separator: ":").last!)/shared-robots.txt")
            case ("localhost", "/shared-robots.txt"): return .text("User-agent: *\nDisallow: /a-private\n")
            case ("localhost", "/robots.txt"): return .text("User-agent: *\nDisallow: /b-private\n")
            default: return .html(storyPage(version: 0))
            }
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let results = fetcher.fetch([FetchRequest(url: server.url("/a-private")), FetchRequest(url: server.url("/b-private", host: "localhost")),
                                         FetchRequest(url: server.url("/ok", host: "localhost"))])
            #expect(results[0].failure == .disallowedByRobots(rule: "Disallow: /a-private"))
            #expect(results[1].failure == .disallowedByRobots(rule: "Disallow: /b-private"))
            #expect(results[2].status == 200)
            // localhost's own robots.txt came before any of its pages.
            let local = server.requests.filter { $0.host == "localhost" }.map { String($0.path) }
            #expect(local.firstIndex(of: "/robots.txt")! < local.firstIndex(of: "/ok")!)
            #expect(!local.contains("/b-private"))
        }
    }

    @Test func robotsAnswering5xxDisallowsTheHostAnd4xxAllowsIt() throws {
        try withServer({ request in
            switch (request.host, request.path) {
            case ("127.0.0.1", "/robots.txt"): .status(503)
            case ("localhost", "/robots.txt"): .status(403)
            case (_, "/story"): .html(storyPage(version: 0))
            default: .status(404)
            }
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration())
            let blocked = fetcher.fetch(FetchRequest(url: server.url("/story")))
            #expect(blocked.failure == .disallowedByRobots(rule: "robots.txt answered HTTP 503, so the whole host is treated as disallowed"))
            let allowed = fetcher.fetch(FetchRequest(url: server.url("/story", host: "localhost")))
            #expect(allowed.failure == nil)
        }
    }

    @Test func errorStatusesAreOneLineFailures() throws {
        try withServer({ request in
            switch request.path {
            case "/gone": .status(404)
            case "/broken": .status(500)
            default: .status(404)
            }
        }) { server in
            let results = Fetcher(configuration: testConfiguration()).fetch([FetchRequest(url: server.url("/gone")), FetchRequest(url: server.url("/broken"))])
            #expect(results[0].failure == .httpStatus(code: 404, reason: "Not Found"))
            #expect(results[0].status == 404)
            #expect(results[0].summaryLine == "\(server.url("/gone")): HTTP 404 Not Found")
            #expect(results[1].failure == .httpStatus(code: 500, reason: "Internal Server Error"))
        }
    }

    @Test func pdfsAndImagesAreRefusedByTypeOrByContent() throws {
        try withServer({ request in
            switch request.path {
            case "/report.pdf": .bytes(Array("%PDF-1.7\n...".utf8), contentType: "application/pdf")
            case "/photo": .bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], contentType: "image/png")
            case "/untyped": .bytes(Array("%PDF-1.4 binary".utf8), contentType: nil)
            default: .status(404)
            }
        }) { server in
            let results = Fetcher(configuration: testConfiguration()).fetch(["/report.pdf", "/photo", "/untyped"].map { FetchRequest(url: server.url($0)) })
            #expect(results[0].failure == .unsupportedContentType("application/pdf"))
            #expect(results[0].summaryLine.hasSuffix("not a page lede reads: application/pdf"))
            #expect(results[1].failure == .unsupportedContentType("image/png"))
            #expect(results[2].failure == .unsupportedContentType("application/pdf (by its content)"))
        }
    }

    @Test func aConnectionClosedWithoutAnswerIsABadResponse() throws {
        try withServer({ _ in LoopbackResponse(body: .closeWithoutResponse) }) { server in
            let result = Fetcher(configuration: testConfiguration { $0.ignoreRobots = true }).fetch(FetchRequest(url: server.url("/x")))
            #expect(result.failure == .badResponse("the server closed the connection without answering"))
        }
    }

    @Test func aClosedPortIsConnectionRefused() throws {
        // A port that was just in use and is now closed (nothing else binds ephemeral ports here).
        let server = try LoopbackServer(lifetime: .seconds(5)) { _ in .status(200) }
        let port = server.port
        server.stop()
        let result = Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: "http://127.0.0.1:\(port)/story"))
        #expect(result.failure == .connectionRefused(host: "127.0.0.1", port: port))
        #expect(result.summaryLine.hasSuffix("connection refused by 127.0.0.1:\(port)"))
    }

    @Test func httpsToAPlainHTTPPortIsATLSError() throws {
        try withServer({ _ in .status(400) }) { server in
            let result = Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: "https://127.0.0.1:\(server.port)/story"))
            guard case .tlsError(let detail)? = result.failure else {
                Issue.record("expected a TLS error, got \(result.summaryLine)")
                return
            }
            #expect(!detail.isEmpty && !detail.contains("\n"))
        }
    }

    @Test func aDotInvalidNameFailsAtOnceWithoutDNS() {
        let result = Fetcher(configuration: testConfiguration()).fetch(FetchRequest(url: "http://news.example.invalid/story"))
        #expect(result.failure == .dnsFailure(host: "news.example.invalid"))
        #expect(result.summaryLine == "http://news.example.invalid/story: DNS failure: cannot resolve host 'news.example.invalid'")
    }

    @Test func badURLsAndSchemesAreOneLine() {
        let results = Fetcher(configuration: testConfiguration()).fetch([
            FetchRequest(url: "ftp://127.0.0.1/file"), FetchRequest(url: "not a url"), FetchRequest(url: "http:///nohost"),
        ])
        #expect(results[0].failure == .unsupportedScheme("ftp"))
        #expect(results[1].failure != nil)
        #expect(results[2].failure != nil)
        #expect(results.allSatisfy { !$0.summaryLine.contains("\n") })
    }

    @Test func oneFailureDoesNotStopTheOthers() throws {
        try withServer({ request in
            switch request.path {
            case "/ok": .html(storyPage(version: 0))
            case "/robots.txt": .status(404)
            default: .status(500)
            }
        }) { server in
            let requests = [FetchRequest(url: server.url("/bad")), FetchRequest(url: "http://x.invalid/"), FetchRequest(url: server.url("/ok"))]
            let fetcher = Fetcher(configuration: testConfiguration())
            let results = fetcher.fetch(requests)
            #expect(results.map { $0.failure == nil } == [false, false, true])
            // Streamed: each result once, as it completes (the .invalid one first: it needs no request).
            var seen: [String] = []
            fetcher.fetch(requests) { seen.append($0.request.url) }
            #expect(seen.count == 3 && Set(seen) == Set(requests.map(\.url)))
            #expect(seen.first == "http://x.invalid/")
        }
    }
}
