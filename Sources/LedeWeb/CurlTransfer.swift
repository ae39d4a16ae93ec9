import CLibCurl
import Foundation

/// One HTTP exchange on a libcurl easy handle: the request options, and the callbacks that collect the response
/// head and body, stopping the download early when the body is not wanted (over the cap, a PDF for a page, an
/// error page's body).
final class CurlTransfer {
    let easy: UnsafeMutableRawPointer
    let step: FetchStep
    let startedAt = Date()
    let startInstant = ContinuousClock.now

    private(set) var status: Int?
    private(set) var reason = ""
    private(set) var headers: [HTTPHeader] = []
    private(set) var mediaType: MediaType?
    var body = Data()
    /// Set when a callback stopped the transfer on purpose; `nil` failure means "stopped, nothing wrong" (an error
    /// page's body not wanted, robots.txt cut at its cap).
    private(set) var stoppedOnPurpose = false
    private(set) var stopFailure: FetchFailure?

    private let maxBytes: Int
    /// robots.txt keeps its first `maxBytes` rather than failing (RFC 9309 §2.5).
    private let truncatesAtCap: Bool
    private var headersDone = false
    private var discardedBytes = 0
    private var sniffed = false
    private var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init?(step: FetchStep, configuration: FetchConfiguration, timeoutMilliseconds: Int) {
        guard let easy = lede_curl_easy_init() else { return nil }
        self.easy = easy
        self.step = step
        self.truncatesAtCap = step.kind == .robots
        self.maxBytes = step.kind == .robots ? FetchStep.robotsMaxBytes : configuration.maxBytes
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        lede_curl_setopt_string(easy, CURLOPT_URL, step.url)
        lede_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        lede_curl_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        lede_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)        // redirects are followed by FetchRun, hop by hop
        lede_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        lede_curl_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent)
        lede_curl_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")     // every encoding libcurl decodes
        lede_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, CurlTransfer.milliseconds(configuration.connectTimeout)))
        lede_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, timeoutMilliseconds))
        lede_curl_setopt_long(easy, CURLOPT_BUFFERSIZE, 64 << 10)
        if !truncatesAtCap { lede_curl_setopt_offset(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBytes)) }
        lede_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)

        var lines = ["Accept: \(step.kind.acceptHeader)"]
        if let etag = step.etag.flatMap(CurlTransfer.headerValue) { lines.append("If-None-Match: \(etag)") }
        if let date = step.lastModified.flatMap(CurlTransfer.headerValue) { lines.append("If-Modified-Since: \(date)") }
        for line in lines { headerList = lede_curl_slist_append(headerList, line) }
        lede_curl_setopt_list(easy, CURLOPT_HTTPHEADER, headerList)

        let me = Unmanaged.passUnretained(self).toOpaque()
        lede_curl_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, user in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(user!).takeUnretainedValue()
            let n = size * count
            return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: n)) ? n : 0
        }
        lede_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, me)
        lede_curl_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, user in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(user!).takeUnretainedValue()
            let n = size * count
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: n)) ? n : 0
        }
        lede_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, me)
    }

    deinit {
        lede_curl_easy_cleanup(easy)
        lede_curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// A validator from the archive, kept to one header line (no CR/LF can reach the request).
    private static func headerValue(_ value: String) -> String? {
        let clean = value.filter { $0 != "\r" && $0 != "\n" }.trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? nil : clean
    }

    static func milliseconds(_ d: Duration) -> Int {
        Int(d.components.seconds) * 1000 + Int(d.components.attoseconds / 1_000_000_000_000_000)
    }

    var curlMessage: String {
        let text = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return text
    }

    /// The absolute URL a 3xx response points to (libcurl resolves a relative `Location`).
    var redirectURL: String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard lede_curl_getinfo_string(easy, CURLINFO_REDIRECT_URL, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Whether the request was never sent (no connection, or no TLS session, in time): a timeout then is a
    /// connect timeout. (Connect times read 0 on a reused connection; the request size does not.)
    var neverConnected: Bool {
        var sent = 0
        lede_curl_getinfo_long(easy, CURLINFO_REQUEST_SIZE, &sent)
        return sent == 0
    }

    var osErrno: Int {
        var value = 0
        lede_curl_getinfo_long(easy, CURLINFO_OS_ERRNO, &value)
        return value
    }

    // MARK: - Callbacks (on the thread running the multi handle)

    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // The line ends in CRLF; cut it as bytes ("\r\n" is one Character in a String).
        var count = bytes.count
        while count > 0, bytes[count - 1] == 0x0A || bytes[count - 1] == 0x0D { count -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new response head (after a 1xx interim one, the final one).
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            status = parts.count > 1 ? Int(parts[1]) : nil
            reason = parts.count > 2 ? String(parts[2]) : ""
            headers.removeAll()
            mediaType = nil
            headersDone = false
            return true
        }
        if line.isEmpty {
            guard let status, status >= 200 else { return true }
            headersDone = true
            return headersComplete(status)
        }
        if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPHeader(name: name, value: value))
        } else if let last = headers.indices.last, line.first == " " || line.first == "\t" {
            headers[last].value += " " + line.trimmingCharacters(in: .whitespaces)   // obsolete line folding
        }
        return true
    }

    private func headersComplete(_ status: Int) -> Bool {
        mediaType = headers.value(of: "Content-Type").flatMap(MediaType.init)
        guard (200..<300).contains(status) else { return true }
        if let mediaType, !mediaType.isAccepted(for: step.kind) {
            return stop(.unsupportedContentType(mediaType.essence))
        }
        if !truncatesAtCap, let length = headers.value(of: "Content-Length").flatMap(Int.init), length > maxBytes,
           headers.value(of: "Content-Encoding") == nil {
            return stop(.bodyTooLarge(limit: maxBytes))
        }
        if let length = headers.value(of: "Content-Length").flatMap(Int.init), length > 0 {
            body.reserveCapacity(min(length, maxBytes))
        }
        return true
    }

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let status, (200..<300).contains(status) else {
            // Redirect and error bodies are not kept; a large one is not read to its end.
            discardedBytes += bytes.count
            return discardedBytes <= 256 << 10 || stop(nil)
        }
        if !sniffed {
            sniffed = true
            if step.kind != .robots, mediaType == nil || mediaType?.essence == "application/octet-stream",
               let binary = MediaType.sniffBinary(bytes) {
                return stop(.unsupportedContentType("\(binary) (by its content)"))
            }
        }
        if body.count + bytes.count > maxBytes {
            if truncatesAtCap {
                body.append(contentsOf: bytes.prefix(maxBytes - body.count))
                return stop(nil)
            }
            return stop(.bodyTooLarge(limit: maxBytes))
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Stops the transfer from a callback (returning false makes libcurl end it with CURLE_WRITE_ERROR).
    private func stop(_ failure: FetchFailure?) -> Bool {
        stoppedOnPurpose = true
        stopFailure = failure
        if failure != nil { body = Data() }
        return false
    }
}

extension FetchKind {
    var acceptHeader: String {
        switch self {
        case .page: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
        case .feed: "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1"
        case .robots: "text/plain,*/*;q=0.1"
        }
    }
}
