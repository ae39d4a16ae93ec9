import Foundation
import LedeText
import LedeWeb
import LoopbackHTTPServer

/// A fetch configuration for tests: short timeouts, politeness off for the loopback server (tests that check
/// politeness turn it back on), never cancelled unless a test says so.
func testConfiguration(_ edit: (inout FetchConfiguration) -> Void = { _ in }) -> FetchConfiguration {
    var configuration = FetchConfiguration(userAgent: FetchConfiguration.userAgent(version: "9.9.9", contact: "https://example.invalid/lede"))
    configuration.connectTimeout = .seconds(5)
    configuration.totalTimeout = .seconds(20)
    configuration.hostDelay = .zero
    configuration.politenessOffHosts = ["127.0.0.1", "localhost"]
    configuration.isCancelled = { false }
    edit(&configuration)
    return configuration
}

/// Runs `body` with a loopback server answering through `handler`, and stops the server afterwards.
func withServer<T>(_ handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse,
                   _ body: (LoopbackServer) throws -> T) throws -> T {
    let server = try LoopbackServer(lifetime: .seconds(90), handler: handler)
    defer { server.stop() }
    return try body(server)
}

/// The requests a server received, robots.txt left out.
func pageRequests(_ server: LoopbackServer) -> [LoopbackRequest] {
    server.requests.filter { $0.path != "/robots.txt" }
}

/// A flag another thread sets (the shell's Ctrl-C, in tests a timer).
final class TestFlag: Sendable {
    private let value = Locked(false)
    init() {}
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

/// gzip with stored (uncompressed) deflate blocks: enough for the client to have to decode `Content-Encoding: gzip`.
func gzipStored(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    var offset = 0
    repeat {
        let n = min(65_535, bytes.count - offset)
        let last: UInt8 = offset + n == bytes.count ? 1 : 0
        out.append(last)
        out.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)])
        out.append(contentsOf: bytes[offset..<(offset + n)])
        offset += n
    } while offset < bytes.count
    let crc = crc32(bytes)
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((crc >> UInt32(shift)) & 0xFF)) }
    let size = UInt32(truncatingIfNeeded: bytes.count)
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((size >> UInt32(shift)) & 0xFF)) }
    return out
}

func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        crc ^= UInt32(b)
        for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
    }
    return ~crc
}

/// A news page whose headline, figure, quote and last paragraph depend on `version`.
func storyPage(version: Int) -> String {
    let headline = version == 0 ? "Harbour fire contained after six hours" : "Harbour fire contained after seven hours"
    let hurt = 12 + version * 3
    return """
    <!doctype html><html lang="en"><head><title>\(headline) | Loopback News</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>\(headline)</h1>
    <p>Firefighters brought the blaze at the old harbour warehouse under control late on Tuesday, the city's fire service said in a statement, after crews from three districts had worked through the afternoon.</p>
    <p>At least \(hurt) people were treated for smoke inhalation, and the authorities asked residents of the nearby streets to keep their windows closed until the smoke had cleared.</p>
    <p>“We were lucky the wind turned,” said the fire chief, who added that the cause of the fire was not yet known and that an investigation would begin as soon as the site was safe.</p>
    \(version > 0 ? "<p>Police said on Wednesday morning that they were treating the fire as suspicious and asked anyone who had been near the warehouse on Tuesday to come forward.</p>" : "")
    </article><footer>© Loopback News</footer></body></html>
    """
}
