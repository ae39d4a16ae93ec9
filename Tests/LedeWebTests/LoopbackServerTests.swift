import Foundation
import LedeWeb
import LoopbackHTTPServer
import Testing

@Suite struct LoopbackServerTests {
    @Test func keepAliveChunkedBodiesAndStop() throws {
        let server = try LoopbackServer(lifetime: .seconds(30)) { request in
            switch request.path {
            case "/chunked": LoopbackResponse(headers: [("Content-Type", "text/plain")], body: .chunked([Array("one ".utf8), Array("two".utf8)], pause: .milliseconds(20)))
            default: .text("hello \(request.path)")
            }
        }
        let fetcher = Fetcher(configuration: testConfiguration { $0.ignoreRobots = true; $0.maxConnections = 1 })
        let results = fetcher.fetch(["/a", "/b", "/chunked"].map { FetchRequest(url: server.url($0)) })
        #expect(results.map { String(decoding: $0.body, as: UTF8.self) } == ["hello /a", "hello /b", "one two"])
        #expect(results[2].header("Transfer-Encoding") == "chunked")
        // One connection served all three: keep-alive works on both sides.
        #expect(Set(server.requests.map(\.connection)).count == 1)
        #expect(server.requests.map(\.sequence) == [0, 1, 2])
        server.stop()
        server.stop()     // idempotent
        let after = fetcher.fetch(FetchRequest(url: server.url("/a")))
        #expect(after.failure == .connectionRefused(host: "127.0.0.1", port: server.port))
    }

    @Test func theServerStopsByItselfAfterItsRequestCount() throws {
        let server = try LoopbackServer(lifetime: .seconds(30), maxRequests: 2) { _ in .text("ok") }
        defer { server.stop() }
        let fetcher = Fetcher(configuration: testConfiguration { $0.ignoreRobots = true; $0.maxConnections = 1 })
        let results = fetcher.fetch((1...3).map { FetchRequest(url: server.url("/\($0)")) })
        #expect(results.prefix(2).allSatisfy { $0.status == 200 })
        #expect(results[2].failure != nil)
        #expect(server.requests.count == 2)
    }

    @Test func theServerStopsByItselfAfterItsLifetime() throws {
        let server = try LoopbackServer(lifetime: .milliseconds(100)) { _ in .text("ok") }
        defer { server.stop() }
        Thread.sleep(forTimeInterval: 0.5)
        let result = Fetcher(configuration: testConfiguration { $0.ignoreRobots = true }).fetch(FetchRequest(url: server.url("/")))
        #expect(result.failure == .connectionRefused(host: "127.0.0.1", port: server.port))
    }
}
