import CLibCurl
import Foundation

/// One call of `Fetcher.fetch`: a libcurl multi handle driven on the caller's thread, with the politeness
/// schedule (per host: one request at a time and a delay between requests, several hosts at once), robots.txt
/// read before a host's first request, and redirects followed hop by hop (each hop scheduled like a request, so
/// a redirect to another host meets that host's robots.txt and delay).
final class FetchRun {
    private let configuration: FetchConfiguration
    private let robots: RobotsCache
    private let requests: [FetchRequest]
    private var done: [Bool]
    private let onResult: (Int, FetchResult) -> Void
    private let multi: UnsafeMutableRawPointer
    private var charsets = CharsetNames()

    private struct HostState {
        var queue: [FetchStep] = []
        var robotsQueue: [FetchStep] = []
        var active = 0
        var nextStart = ContinuousClock.now
        var delay: Duration
        var politenessOff: Bool
        var robots: RobotsState
    }

    private enum RobotsState {
        case unknown, fetching
        case ready(RobotsRules)
        /// robots.txt could not be reached at all: every URL of the host fails the same way, without a request.
        case unreachable(FetchFailure)
    }

    private var hosts: [HostKey: HostState] = [:]
    private var hostOrder: [HostKey] = []
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var unfinished: Int
    /// Steps that ended without a transfer while `schedule` held a host's state; completed after it wrote it back.
    private var endedWithoutTransfer: [(FetchStep, FetchFailure)] = []

    init(configuration: FetchConfiguration, robots: RobotsCache, requests: [FetchRequest], onResult: @escaping (Int, FetchResult) -> Void) {
        self.configuration = configuration
        self.robots = robots
        self.requests = requests
        self.done = Array(repeating: false, count: requests.count)
        self.onResult = onResult
        self.multi = lede_curl_multi_init()
        self.unfinished = requests.count
        lede_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(16, configuration.maxConnections * 2))
    }

    deinit {
        for (easy, _) in running { lede_curl_multi_remove_handle(multi, easy) }
        running.removeAll()
        lede_curl_multi_cleanup(multi)
    }

    /// Fetches everything, handing each result to `onResult` as it completes; nothing is kept here.
    func run() {
        let budget = CurlTransfer.milliseconds(configuration.totalTimeout)
        for (index, request) in requests.enumerated() {
            switch URLTarget.parse(request.url) {
            case .failure(let failure):
                finish(index, url: request.url, failure: failure)
            case .success(let (host, path, url)):
                if URLTarget.isReservedInvalid(host.host) { finish(index, url: request.url, failure: .dnsFailure(host: host.host)); continue }
                enqueue(FetchStep(purpose: .request(index), url: url, host: host, pathAndQuery: path, kind: request.kind,
                                  etag: request.etag, lastModified: request.lastModified, budgetMilliseconds: budget))
            }
        }
        while unfinished > 0 {
            if configuration.isCancelled() { cancelAll(); break }
            let wake = schedule()
            if running.isEmpty {
                guard unfinished > 0 else { break }
                // Only politeness delays are pending: sleep until the next host may be asked (50 ms at most, to
                // notice a cancellation).
                let wait = min(wake.map { ContinuousClock.now.duration(to: $0) } ?? .milliseconds(50), .milliseconds(50))
                if wait > .zero { Thread.sleep(forTimeInterval: Double(CurlTransfer.milliseconds(wait)) / 1000) }
                continue
            }
            var stillRunning: Int32 = 0
            lede_curl_multi_perform(multi, &stillRunning)
            collectFinished()
            if unfinished == 0 { break }
            var waitMs = 50
            if let wake { waitMs = max(0, min(waitMs, CurlTransfer.milliseconds(ContinuousClock.now.duration(to: wake)))) }
            if !running.isEmpty { lede_curl_multi_poll(multi, nil, 0, Int32(waitMs), nil) }
        }
        for index in done.indices where !done[index] { finish(index, url: requests[index].url, failure: .cancelled) }
    }

    // MARK: - Scheduling

    private func enqueue(_ step: FetchStep) {
        if hosts[step.host] == nil {
            let off = configuration.isPolitenessOff(host: step.host.host, port: step.host.port)
            let state: RobotsState = configuration.ignoreRobots ? .ready(.allowAll) : (robots.rules(for: step.host.description).map { .ready($0) } ?? .unknown)
            var host = HostState(delay: off ? .zero : configuration.hostDelay, politenessOff: off, robots: state)
            if case .ready(let rules) = state { host.delay = delay(for: rules, host: host) }
            hosts[step.host] = host
            hostOrder.append(step.host)
        }
        if step.isRobots { hosts[step.host]!.robotsQueue.append(step) } else { hosts[step.host]!.queue.append(step) }
    }

    private func delay(for rules: RobotsRules, host: HostState) -> Duration {
        guard !host.politenessOff, let seconds = rules.crawlDelay else { return host.delay }
        let crawl = Duration.milliseconds(Int(seconds * 1000))
        return max(configuration.hostDelay, min(crawl, configuration.maxCrawlDelay))
    }

    /// Starts what politeness allows now; returns when the next waiting host may be asked, if any waits.
    private func schedule() -> ContinuousClock.Instant? {
        var wake: ContinuousClock.Instant?
        let now = ContinuousClock.now
        var busyHosts = hosts.values.reduce(0) { $0 + ($1.active > 0 && !$1.politenessOff ? 1 : 0) }
        for key in hostOrder {
            guard var host = hosts[key], !(host.queue.isEmpty && host.robotsQueue.isEmpty) else { continue }
            defer { hosts[key] = host }
            settleQueue(of: key, &host)
            while running.count < configuration.maxConnections {
                // A robots.txt hop goes first; a page only once the host's robots.txt is known.
                let pageReady: Bool
                if case .ready = host.robots { pageReady = !host.queue.isEmpty } else { pageReady = false }
                guard !host.robotsQueue.isEmpty || pageReady else { break }
                if host.politenessOff {
                    guard host.active < configuration.maxConnections else { break }
                } else {
                    guard host.active == 0 else { break }
                    guard now >= host.nextStart else { wake = min(wake ?? host.nextStart, host.nextStart); break }
                    guard busyHosts < configuration.maxParallelHosts else { break }
                    busyHosts += 1
                }
                let step = host.robotsQueue.isEmpty ? host.queue.removeFirst() : host.robotsQueue.removeFirst()
                if start(step) { host.active += 1 }
            }
        }
        let ended = endedWithoutTransfer
        endedWithoutTransfer.removeAll()
        for (step, failure) in ended { complete(step, status: nil, failure: failure) }
        return wake
    }

    /// What robots.txt decides without a request: asks for it when unknown, fails the host's URLs when it could
    /// not be reached, and fails the disallowed ones.
    private func settleQueue(of key: HostKey, _ host: inout HostState) {
        guard !host.queue.isEmpty else { return }
        switch host.robots {
        case .unknown:
            host.robotsQueue.append(FetchStep(purpose: .robots(key), url: key.robotsURL, host: key, pathAndQuery: "/robots.txt",
                                              kind: .robots, budgetMilliseconds: CurlTransfer.milliseconds(configuration.totalTimeout)))
            host.robots = .fetching
        case .fetching:
            break
        case .unreachable(let failure):
            for step in host.queue { fail(step, failure) }
            host.queue.removeAll()
        case .ready(let rules):
            host.queue.removeAll { step in
                guard case .disallowed(let rule) = rules.verdict(pathAndQuery: step.pathAndQuery) else { return false }
                fail(step, .disallowedByRobots(rule: rule))
                return true
            }
        }
    }

    private func start(_ step: FetchStep) -> Bool {
        var step = step
        if step.firstStartedAt == nil { step.firstStartedAt = Date() }
        guard step.budgetMilliseconds > 0 else {
            endedWithoutTransfer.append((step, .timeout(milliseconds: CurlTransfer.milliseconds(configuration.totalTimeout))))
            return false
        }
        guard let transfer = CurlTransfer(step: step, configuration: configuration, timeoutMilliseconds: step.budgetMilliseconds) else {
            endedWithoutTransfer.append((step, .network("libcurl could not create a transfer")))
            return false
        }
        running[transfer.easy] = transfer
        lede_curl_multi_add_handle(multi, transfer.easy)
        return true
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = lede_curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            lede_curl_multi_remove_handle(multi, easy)
            guard let transfer = running.removeValue(forKey: easy) else { continue }
            hosts[transfer.step.host]!.active -= 1
            hosts[transfer.step.host]!.nextStart = ContinuousClock.now + hosts[transfer.step.host]!.delay
            finished(transfer, code: code)
        }
    }

    // MARK: - Outcomes

    private func finished(_ transfer: CurlTransfer, code: CURLcode) {
        var step = transfer.step
        let elapsed = CurlTransfer.milliseconds(ContinuousClock.now - transfer.startInstant)
        step.budgetMilliseconds -= elapsed
        if transfer.stoppedOnPurpose, let failure = transfer.stopFailure {
            return complete(step, transfer: transfer, failure: failure)
        }
        if code != CURLE_OK && !(code == CURLE_WRITE_ERROR && transfer.stoppedOnPurpose) {
            return complete(step, transfer: transfer, failure: failure(for: code, transfer: transfer, step: step))
        }
        guard let status = transfer.status else {
            return complete(step, transfer: transfer, failure: .badResponse("no HTTP status line"))
        }
        if [301, 302, 303, 307, 308].contains(status), let next = transfer.redirectURL {
            return redirect(step, transfer: transfer, status: status, to: next)
        }
        if status == 304 || (200..<300).contains(status) {
            if let charset = transfer.mediaType?.charset, step.kind != .robots, !charsets.isKnown(charset) {
                return complete(step, transfer: transfer, failure: .unknownCharset(charset))
            }
            return complete(step, transfer: transfer, failure: nil)
        }
        if (300..<400).contains(status) {
            return complete(step, transfer: transfer, failure: .badResponse("HTTP \(status) without a usable Location"))
        }
        complete(step, transfer: transfer, failure: .httpStatus(code: status, reason: transfer.reason))
    }

    private func redirect(_ step: FetchStep, transfer: CurlTransfer, status: Int, to location: String) {
        let next = (try? URLTarget.parse(location).get())?.url ?? location
        var chain = [step.redirects.first?.from ?? step.url] + step.redirects.map(\.to)
        if chain.contains(next) {
            chain.append(next)
            return complete(step, transfer: transfer, failure: .redirectLoop(chain: chain))
        }
        let limit = step.isRobots ? FetchStep.robotsMaxRedirects : configuration.maxRedirects
        guard step.redirects.count < limit else { return complete(step, transfer: transfer, failure: .tooManyRedirects(limit: limit)) }
        switch URLTarget.parse(next) {
        case .failure(let failure):
            complete(step, transfer: transfer, failure: failure)
        case .success(let (host, path, url)):
            if URLTarget.isReservedInvalid(host.host) { return complete(step, transfer: transfer, failure: .dnsFailure(host: host.host)) }
            var hop = step
            hop.redirects.append(Redirect(from: step.url, status: status, to: url))
            hop.url = url
            hop.host = host
            hop.pathAndQuery = path
            enqueue(hop)
        }
    }

    private func failure(for code: CURLcode, transfer: CurlTransfer, step: FetchStep) -> FetchFailure {
        let message = transfer.curlMessage.isEmpty ? String(cString: lede_curl_easy_strerror(code)) : transfer.curlMessage
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: return .dnsFailure(host: step.host.host)
        case CURLE_COULDNT_CONNECT:
            return transfer.osErrno == Int(ECONNREFUSED) ? .connectionRefused(host: step.host.host, port: step.host.port) : .network(message)
        case CURLE_OPERATION_TIMEDOUT:
            if transfer.neverConnected {
                return .connectTimeout(milliseconds: CurlTransfer.milliseconds(configuration.connectTimeout))
            }
            return .timeout(milliseconds: CurlTransfer.milliseconds(configuration.totalTimeout))
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CRL_BADFILE:
            return .tlsError(message)
        case CURLE_FILESIZE_EXCEEDED: return .bodyTooLarge(limit: configuration.maxBytes)
        case CURLE_GOT_NOTHING: return .badResponse("the server closed the connection without answering")
        case CURLE_WEIRD_SERVER_REPLY: return .badResponse("not an HTTP response (\(message))")
        case CURLE_PARTIAL_FILE: return .badResponse("the body ended early (\(message))")
        case CURLE_BAD_CONTENT_ENCODING: return .badResponse("the compressed body could not be decoded (\(message))")
        case CURLE_URL_MALFORMAT: return .invalidURL(message)
        case CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedScheme(step.host.scheme)
        case CURLE_TOO_MANY_REDIRECTS: return .tooManyRedirects(limit: configuration.maxRedirects)
        default: return .network(message)
        }
    }

    private func fail(_ step: FetchStep, _ failure: FetchFailure) {
        complete(step, status: nil, failure: failure)
    }

    private func complete(_ step: FetchStep, transfer: CurlTransfer, failure: FetchFailure?) {
        complete(step, status: transfer.status, failure: failure, transfer: transfer)
    }

    /// The end of a step: a robots.txt answer settles its host, a request gets its result.
    private func complete(_ step: FetchStep, status: Int?, failure: FetchFailure?, transfer: CurlTransfer? = nil) {
        switch step.purpose {
        case .robots(let origin):
            settleRobots(origin, status: status, failure: failure, body: transfer?.body ?? Data())
        case .request(let index):
            var result = FetchResult(request: requests[index], finalURL: step.url, startedAt: step.firstStartedAt ?? Date(),
                                     fetchedAt: Date(), failure: failure)
            result.redirects = step.redirects
            if let transfer {
                result.status = transfer.status
                result.headers = transfer.headers
                result.mediaType = transfer.mediaType?.essence
                result.charset = transfer.mediaType?.charset
                if failure == nil, let s = transfer.status, (200..<300).contains(s) {
                    swap(&result.body, &transfer.body)
                }
            }
            finish(index, result: result)
        }
    }

    /// RFC 9309 §2.3.1: a 2xx is parsed; a 4xx means no rules; a 5xx or no answer means the whole host is
    /// disallowed (a host that could not be reached at all fails its URLs with that same error instead).
    private func settleRobots(_ origin: HostKey, status: Int?, failure: FetchFailure?, body: Data) {
        let rules: RobotsState
        switch (status, failure) {
        case (_, .tooManyRedirects?), (_, .redirectLoop?):
            rules = .ready(.allowAll)
        case (let s?, nil) where (200..<300).contains(s):
            rules = .ready(RobotsRules(parsing: String(decoding: body, as: UTF8.self), productToken: configuration.robotsProductToken))
        case (let s?, _) where (400..<500).contains(s):
            rules = .ready(.allowAll)
        case (let s?, _) where s >= 500:
            rules = .ready(.disallowAll("robots.txt answered HTTP \(s), so the whole host is treated as disallowed"))
        case (_, let failure?) where status == nil:
            switch failure {
            case .dnsFailure, .connectionRefused, .tlsError, .connectTimeout, .cancelled: rules = .unreachable(failure)
            default: rules = .ready(.disallowAll("robots.txt could not be read: \(failure)"))
            }
        default:
            rules = .ready(.disallowAll("robots.txt could not be read: \(failure.map { "\($0)" } ?? "HTTP \(status ?? 0)")"))
        }
        if case .ready(let r) = rules {
            robots.store(r, for: origin.description)
            hosts[origin]!.delay = delay(for: r, host: hosts[origin]!)
        }
        hosts[origin]!.robots = rules
    }

    private func finish(_ index: Int, url: String, failure: FetchFailure) {
        let now = Date()
        finish(index, result: FetchResult(request: requests[index], finalURL: url, startedAt: now, fetchedAt: now, failure: failure))
    }

    private func finish(_ index: Int, result: FetchResult) {
        guard !done[index] else { return }
        done[index] = true
        unfinished -= 1
        onResult(index, result)
    }

    private func cancelAll() {
        for (easy, _) in running { lede_curl_multi_remove_handle(multi, easy) }
        running.removeAll()
        for index in done.indices where !done[index] {
            finish(index, url: requests[index].url, failure: .cancelled)
        }
    }
}
