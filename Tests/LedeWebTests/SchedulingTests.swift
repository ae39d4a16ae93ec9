import Foundation
import LedeWeb
import LoopbackHTTPServer
import Synchronization
import Testing

/// Politeness, parallelism across hosts and cancellation, checked on the server's side (arrival order and
/// spacing follow from the scheduler's rules, not from how fast the machine is).
@Suite struct SchedulingTests {
    @Test func requestsToOneHostAreSerialisedWithTheDelay() throws {
        try withServer({ request in
            request.path == "/robots.txt" ? .status(404) : .html(storyPage(version: 0))
        }) { server in
            let delay = Duration.milliseconds(150)
            let fetcher = Fetcher(configuration: testConfiguration {
                $0.politenessOffHosts = []
                $0.hostDelay = delay
            })
            let results = fetcher.fetch((1...4).map { FetchRequest(url: server.url("/page/\($0)")) })
            #expect(results.allSatisfy { $0.failure == nil })
            let log = server.requests
            #expect(log.count == 5)
            for (previous, next) in zip(log, log.dropFirst()) {
                // One at a time: the next request arrives after the previous answer was sent…
                let answered = try #require(previous.answeredAt)
                #expect(next.receivedAt >= answered)
                // …and at least the delay after the previous one arrived (the delay counts from its end).
                #expect(next.receivedAt - previous.receivedAt >= delay)
            }
        }
    }

    @Test func aCrawlDelayAboveTheHostDelayIsHonoured() throws {
        try withServer({ request in
            request.path == "/robots.txt" ? .text("User-agent: lede\nCrawl-delay: 0.3\n") : .html(storyPage(version: 0))
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration {
                $0.politenessOffHosts = []
                $0.hostDelay = .milliseconds(10)
            })
            _ = fetcher.fetch((1...2).map { FetchRequest(url: server.url("/p\($0)")) })
            let pages = pageRequests(server)
            #expect(pages.count == 2)
            #expect(pages[1].receivedAt - pages[0].receivedAt >= .milliseconds(300))
        }
    }

    @Test func severalHostsAreFetchedAtOnce() throws {
        // "/a" on 127.0.0.1 answers only once "/b" on localhost has arrived (or after 10 s, with a 503): with one
        // host at a time "/b" would wait behind "/a" and "/a" would fail.
        let arrived = DispatchSemaphore(value: 0)
        try withServer({ request in
            switch request.path {
            case "/robots.txt": return .status(404)
            case "/a": return arrived.wait(timeout: .now() + 10) == .success ? .html(storyPage(version: 0)) : .status(503)
            case "/b": arrived.signal(); return .html(storyPage(version: 1))
            default: return .status(404)
            }
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration {
                $0.politenessOffHosts = []
                $0.hostDelay = .seconds(5)
                $0.ignoreRobots = true
            })
            let results = fetcher.fetch([FetchRequest(url: server.url("/a")), FetchRequest(url: server.url("/b", host: "localhost"))])
            #expect(results.map(\.status) == [200, 200])
        }
    }

    @Test func politenessOffLetsOneHostUseSeveralConnections() throws {
        // Two requests to one host meet on the server only when the host is not limited to one at a time.
        let arrived = DispatchSemaphore(value: 0)
        try withServer({ request in
            switch request.path {
            case "/a": return arrived.wait(timeout: .now() + 10) == .success ? .html(storyPage(version: 0)) : .status(503)
            case "/b": arrived.signal(); return .html(storyPage(version: 1))
            default: return .status(404)
            }
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration { $0.ignoreRobots = true })
            let results = fetcher.fetch([FetchRequest(url: server.url("/a")), FetchRequest(url: server.url("/b"))])
            #expect(results.map(\.status) == [200, 200])
        }
    }

    @Test func settingTheCancelFlagStopsTheFetch() throws {
        let flag = TestFlag()
        try withServer({ request in
            if request.path == "/robots.txt" { return .status(404) }
            flag.set()    // the first page request "presses Ctrl-C"
            return LoopbackResponse(headers: [("Content-Type", "text/html")], body: .bytes(Array("<p>late</p>".utf8)), delay: .seconds(60))
        }) { server in
            let fetcher = Fetcher(configuration: testConfiguration {
                $0.isCancelled = { flag.isSet }
                $0.politenessOffHosts = []
                $0.hostDelay = .zero
            })
            let clock = ContinuousClock()
            var results: [FetchResult] = []
            let elapsed = clock.measure {
                results = fetcher.fetch((1...3).map { FetchRequest(url: server.url("/slow/\($0)")) })
            }
            #expect(results.allSatisfy { $0.failure == .cancelled })
            #expect(results.map(\.summaryLine) == (1...3).map { "\(server.url("/slow/\($0)")): cancelled" })
            // Far below the server's 60 s delay (the loop checks the flag every 50 ms).
            #expect(elapsed < .seconds(20))
        }
    }
}
