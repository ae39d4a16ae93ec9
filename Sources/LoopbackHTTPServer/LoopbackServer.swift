import Foundation
import LedeText
#if canImport(Glibc)
import Glibc
#endif

public struct LoopbackServerError: Error, CustomStringConvertible {
    public var description: String
}

/// A small HTTP/1.1 server for tests and examples. It listens on 127.0.0.1 only, on a port the kernel picks,
/// answers each request with the handler's response (keep-alive, `Content-Length` or chunked bodies, delays), and
/// stops by itself after `lifetime` or `maxRequests` requests, or when `stop()` is called (also on deinit). `stop()`
/// returns once every thread the server started has ended.
public final class LoopbackServer: Sendable {
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (LoopbackRequest) -> LoopbackResponse
    private let deadline: ContinuousClock.Instant
    private let maxRequests: Int
    private let state = Locked(State())
    private let threads = DispatchGroup()

    private struct State {
        var stopping = false
        var joined = false
        var log: [LoopbackRequest] = []
        var open: [Int: Int32] = [:]       // connection id → socket
        var connections = 0
    }

    /// Binds 127.0.0.1 on an ephemeral port and starts accepting at once.
    public init(lifetime: Duration = .seconds(120), maxRequests: Int = 100_000,
                handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 512) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw LoopbackServerError(description: "cannot listen on 127.0.0.1: \(message)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = fd
        self.handler = handler
        self.deadline = ContinuousClock.now + lifetime
        self.maxRequests = maxRequests
        threads.enter()
        let thread = Thread { [self] in
            acceptLoop()
            threads.leave()
        }
        thread.name = "loopback-accept"
        thread.start()
    }

    deinit { stop() }

    /// `http://HOST:PORT/path`; `host` may be `localhost` to reach the same server under a second host name.
    public func url(_ path: String = "/", host: String = "127.0.0.1") -> String {
        "http://\(host):\(port)\(path.hasPrefix("/") ? path : "/" + path)"
    }

    /// Every request received so far, in arrival order.
    public var requests: [LoopbackRequest] { state.withLock { $0.log } }

    /// Stops accepting, closes every connection and waits (at most 10 s) for the server's threads to end.
    public func stop() {
        let open = state.withLock { s -> [Int32]? in
            if s.joined { return nil }
            s.stopping = true
            return Array(s.open.values)
        }
        guard let open else { return }
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        _ = threads.wait(timeout: .now() + 10)
        state.withLock { $0.joined = true }
    }

    private var shouldStop: Bool {
        state.withLock { $0.stopping } || ContinuousClock.now >= deadline
    }

    // MARK: - Accepting

    private func acceptLoop() {
        defer { close(listener) }
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        while !shouldStop {
            if state.withLock({ $0.log.count >= maxRequests }) { break }
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var noDelay: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let id = state.withLock { s -> Int? in
                if s.stopping { return nil }
                let id = s.connections
                s.connections += 1
                s.open[id] = client
                return id
            }
            guard let id else { close(client); break }
            threads.enter()
            let thread = Thread { [self] in
                serve(connection: id, socket: client)
                state.withLock { _ = $0.open.removeValue(forKey: id) }
                close(client)
                threads.leave()
            }
            thread.name = "loopback-connection"
            thread.start()
        }
    }

    // MARK: - One connection

    private func serve(connection: Int, socket fd: Int32) {
        var buffer: [UInt8] = []
        var idleSince = ContinuousClock.now
        while !shouldStop {
            // Not HTTP (a TLS ClientHello, say): answer 400 and close, as a plain HTTP server would.
            if let first = buffer.first, !(first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")) {
                _ = write(Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8), to: fd)
                return
            }
            guard let end = headerEnd(buffer) else {
                if buffer.count > 64 << 10 { return }
                if ContinuousClock.now - idleSince > .seconds(10) { return }
                guard receive(fd, into: &buffer) else { return }
                continue
            }
            guard var request = parse(Array(buffer[..<end]), connection: connection) else { return }
            buffer.removeFirst(end + 4)
            // A request body (not expected from a fetcher) is read and dropped.
            if let length = request.header("Content-Length").flatMap({ Int($0) }), length > 0 {
                while buffer.count < length { guard receive(fd, into: &buffer) else { return } }
                buffer.removeFirst(length)
            }
            let sequence: Int? = state.withLock { s in
                guard s.log.count < maxRequests else { return nil }
                request.sequence = s.log.count
                s.log.append(request)
                return request.sequence
            }
            guard let sequence else { return }
            let response = handler(request)
            let clientCloses = request.header("Connection")?.lowercased() == "close" || request.target.isEmpty
            let keepAlive = !(response.closeConnection || clientCloses)
            guard send(response, on: fd, keepAlive: keepAlive) else { return }
            let now = ContinuousClock.now
            state.withLock { $0.log[sequence].answeredAt = now }
            if !keepAlive { return }
            idleSince = ContinuousClock.now
        }
    }

    /// Reads what is available (waiting up to the socket's 50 ms receive timeout); false when the peer closed.
    private func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 { buffer.append(contentsOf: chunk[..<n]); return true }
        if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return !shouldStop }
        return false
    }

    private func headerEnd(_ buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
            return i
        }
        return nil
    }

    private func parse(_ head: [UInt8], connection: Int) -> LoopbackRequest? {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let first = lines[0].split(separator: " ")
        guard first.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return LoopbackRequest(method: String(first[0]), target: String(first[1]), headers: headers, connection: connection,
                               sequence: 0, receivedAt: .now, answeredAt: nil)
    }

    // MARK: - Sending

    private func send(_ response: LoopbackResponse, on fd: Int32, keepAlive: Bool) -> Bool {
        if response.delay > .zero {
            let until = ContinuousClock.now + response.delay
            while ContinuousClock.now < until {
                if shouldStop { return false }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        var head = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if !keepAlive { head += "Connection: close\r\n" }
        switch response.body {
        case .closeWithoutResponse:
            return false
        case .raw(let bytes):
            _ = write(bytes, to: fd)
            return false
        case .bytes(let bytes):
            head += "Content-Length: \(bytes.count)\r\n\r\n"
            return write(Array(head.utf8) + bytes, to: fd)
        case .chunked(let chunks, let pause):
            head += "Transfer-Encoding: chunked\r\n\r\n"
            guard write(Array(head.utf8), to: fd) else { return false }
            for chunk in chunks where !chunk.isEmpty {
                guard write(Array((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + [13, 10], to: fd) else { return false }
                if pause > .zero { Thread.sleep(forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18) }
            }
            return write(Array("0\r\n\r\n".utf8), to: fd)
        case .repeated(let byte, let count, let declareLength):
            head += declareLength ? "Content-Length: \(count)\r\n\r\n" : "\r\n"
            guard write(Array(head.utf8), to: fd) else { return false }
            let block = [UInt8](repeating: byte, count: 64 << 10)
            var left = count
            while left > 0 {
                guard write(Array(block.prefix(left)), to: fd) else { return false }
                left -= min(left, block.count)
            }
            return declareLength
        }
    }

    /// Writes all of `bytes`; false when the peer went away or the server is stopping.
    private func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 { offset += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                if shouldStop { return false }
                continue
            }
            return false
        }
        return true
    }
}
