// lede-fetch-bench: the measurements behind Scripts/bench/fetch.sh.
//
//   serve DIR [--lifetime SECONDS]   serve DIR/N.html as /page/N on 127.0.0.1 (ETag "N", 304 when it matches);
//                                    prints the port, stops after the lifetime
//   fetch URLFILE [--extract] [--conditional]
//                                    fetch the URLs with LedeWeb (politeness off for 127.0.0.1), optionally
//                                    extracting each page's article, or revalidating with ETags (all 304)
//   urlsession URLFILE               the same fetch with FoundationNetworking's URLSession, 8 at a time
//   load DIR                         load the same pages from files with ArticleLoader
//   cancel                           how long a fetch takes to stop once the cancel flag is set
import Foundation
import LedeText
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LedeArticles
import LedeWeb
import LoopbackHTTPServer

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lede-fetch-bench: \(message)\n".utf8))
    exit(2)
}

func readURLs(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

func benchConfiguration() -> FetchConfiguration {
    var configuration = FetchConfiguration(userAgent: FetchConfiguration.userAgent(version: "bench"))
    configuration.politenessOffHosts = ["127.0.0.1"]
    configuration.maxConnections = 8
    configuration.isCancelled = { false }
    return configuration
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("usage: lede-fetch-bench serve|fetch|urlsession|load|cancel …") }

switch mode {
case "serve":
    guard arguments.count >= 2 else { fail("serve DIR [--lifetime SECONDS]") }
    let dir = arguments[1]
    let lifetime = arguments.firstIndex(of: "--lifetime").flatMap { Int(arguments[$0 + 1]) } ?? 600
    var pages: [Int: [UInt8]] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".html") {
        if let n = Int(name.dropLast(5)), let data = FileManager.default.contents(atPath: dir + "/" + name) { pages[n] = [UInt8](data) }
    }
    guard !pages.isEmpty else { fail("no N.html pages in \(dir)") }
    let served = pages
    let server = try LoopbackServer(lifetime: .seconds(lifetime)) { request in
        let parts = request.path.split(separator: "/")
        guard parts.count == 2, parts[0] == "page", let n = Int(parts[1]), let page = served[n] else { return .status(404) }
        let etag = "\"\(n)\""
        if request.header("If-None-Match") == etag { return .notModified(headers: [("ETag", etag)]) }
        return .bytes(page, contentType: "text/html; charset=utf-8", headers: [("ETag", etag)])
    }
    FileHandle.standardOutput.write(Data("\(server.port)\n".utf8))
    Thread.sleep(forTimeInterval: Double(lifetime))
    server.stop()

case "fetch":
    guard arguments.count >= 2 else { fail("fetch URLFILE [--extract] [--conditional]") }
    let urls = readURLs(arguments[1])
    let extract = arguments.contains("--extract")
    let conditional = arguments.contains("--conditional")
    let requests = urls.map { url in
        FetchRequest(url: url, etag: conditional ? "\"\(url.split(separator: "/").last ?? "")\"" : nil)
    }
    let fetcher = Fetcher(configuration: benchConfiguration())
    let extraction = DispatchQueue(label: "extract", attributes: .concurrent)
    let group = DispatchGroup()
    let slots = DispatchSemaphore(value: ProcessInfo.processInfo.activeProcessorCount + 1)
    let counts = Locked((ok: 0, notModified: 0, failed: 0, extracted: 0, bytes: 0, paragraphs: 0))
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        fetcher.fetch(requests) { result in
            counts.withLock {
                if result.isNotModified { $0.notModified += 1 } else if result.succeeded { $0.ok += 1 } else { $0.failed += 1 }
                $0.bytes += result.body.count
            }
            if let failure = result.failure { FileHandle.standardError.write(Data("\(result.request.url): \(failure)\n".utf8)) }
            guard extract, result.succeeded, !result.isNotModified else { return }
            // Extraction runs beside the fetch loop (as the shell's archive step will), a few pages at a time.
            slots.wait()
            group.enter()
            extraction.async {
                defer { slots.signal(); group.leave() }
                guard let document = try? PageExtractor.document(from: result) else { return }
                let paragraphs = document.paragraphRanges.count
                counts.withLock { $0.extracted += 1; $0.paragraphs += paragraphs }
            }
        }
        group.wait()
    }
    let c = counts.withLock { $0 }
    let s = seconds(elapsed)
    print(String(format: "lede fetch%@: %d URLs in %.3f s = %.0f pages/s (ok %d, 304 %d, failed %d, %.1f MB, extracted %d, %d paragraphs)",
                 extract ? "+extract" : (conditional ? " conditional" : ""), urls.count, s, Double(urls.count) / s,
                 c.ok, c.notModified, c.failed, Double(c.bytes) / 1e6, c.extracted, c.paragraphs))

case "urlsession":
    guard arguments.count >= 2 else { fail("urlsession URLFILE") }
    let urls = readURLs(arguments[1]).compactMap(URL.init(string:))
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    configuration.httpMaximumConnectionsPerHost = 8
    let session = URLSession(configuration: configuration)
    let slots = DispatchSemaphore(value: 8)
    let group = DispatchGroup()
    let counts = Locked((ok: 0, failed: 0, bytes: 0))
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for url in urls {
            slots.wait()
            group.enter()
            session.dataTask(with: url) { data, response, error in
                counts.withLock {
                    if error == nil, (response as? HTTPURLResponse)?.statusCode == 200 { $0.ok += 1 } else { $0.failed += 1 }
                    $0.bytes += data?.count ?? 0
                }
                slots.signal()
                group.leave()
            }.resume()
        }
        group.wait()
    }
    let c = counts.withLock { $0 }
    let s = seconds(elapsed)
    print(String(format: "URLSession fetch: %d URLs in %.3f s = %.0f pages/s (ok %d, failed %d, %.1f MB)",
                 urls.count, s, Double(urls.count) / s, c.ok, c.failed, Double(c.bytes) / 1e6))

case "load":
    guard arguments.count >= 2 else { fail("load DIR") }
    let clock = ContinuousClock()
    var report = LoadedFiles()
    let elapsed = try clock.measure { report = try ArticleLoader().load(paths: [arguments[1]]) }
    let paragraphs = report.documents.reduce(0) { $0 + $1.paragraphRanges.count }
    print(String(format: "load from files: %d pages in %.3f s = %.0f pages/s (%d problems, %d paragraphs)",
                 report.documents.count, seconds(elapsed), Double(report.documents.count) / seconds(elapsed), report.problems.count, paragraphs))

case "cancel":
    // 24 URLs on two hosts, each answered after 60 s; the flag is set 300 ms in.
    let server = try LoopbackServer(lifetime: .seconds(120)) { request in
        request.path == "/robots.txt" ? .status(404)
            : LoopbackResponse(headers: [("Content-Type", "text/html")], body: .bytes(Array("<p>late</p>".utf8)), delay: .seconds(60))
    }
    defer { server.stop() }
    let flag = Locked<ContinuousClock.Instant?>(nil)
    var configuration = benchConfiguration()
    configuration.politenessOffHosts = ["127.0.0.1"]
    configuration.isCancelled = { flag.withLock { $0 } != nil }
    let fetcher = Fetcher(configuration: configuration)
    let requests = (0..<24).map { FetchRequest(url: server.url("/slow/\($0)", host: $0 % 2 == 0 ? "127.0.0.1" : "localhost")) }
    Thread.detachNewThread {
        Thread.sleep(forTimeInterval: 0.3)
        flag.withLock { $0 = .now }
    }
    let results = fetcher.fetch(requests)
    let stoppedAt = ContinuousClock.now
    let setAt = flag.withLock { $0 }!
    let cancelled = results.filter { $0.failure == .cancelled }.count
    print(String(format: "cancel: %d of %d URLs cancelled; fetch returned %.0f ms after the flag was set (bar 500 ms)",
                 cancelled, results.count, seconds(stoppedAt - setAt) * 1000))

default:
    fail("unknown mode '\(mode)'")
}
