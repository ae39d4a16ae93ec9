import Foundation
import LedeWeb
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ConnectTimeoutTests {
    /// A 127.0.0.1 socket that listens with a full backlog and never accepts: the kernel drops further SYNs, so a
    /// connection to it never completes (the connect timeout, without any address but loopback).
    @Test func aServerThatNeverAcceptsIsAConnectTimeout() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        #expect(bound && listen(fd, 0) == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        // Fill the accept queue (a backlog of 0 holds one connection) with connections nobody accepts.
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<2 {
            let c = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(c, $0, length) } }
            fillers.append(c)
        }
        Thread.sleep(forTimeInterval: 0.1)
        let fetcher = Fetcher(configuration: testConfiguration {
            $0.connectTimeout = .milliseconds(300)
            $0.ignoreRobots = true
        })
        let result = fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/story"))
        #expect(result.failure == .connectTimeout(milliseconds: 300))
        #expect(result.summaryLine.hasSuffix("timed out connecting (after 0.3 s)"))
    }
}
