import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession
import LedeArchive
import LedeWeb

/// One URL to fetch as an article page, and what it belongs to.
struct PageTarget {
    var url: String
    /// `refresh`: the article the page is a version of.
    var article: Article?
    /// `--as NAME` for one article's versions.
    var name: String?
}

/// What fetching one page did.
struct FetchedPage {
    enum Outcome {
        /// One line: the fetch's failure, the extraction's, or the archive's.
        case failed(String)
        /// 304: the archived copy is current.
        case notModified
        case stored(Workspace.AddOutcome)
    }
    var target: PageTarget
    var outcome: Outcome
    var httpStatus: Int?
    var bytes: Int
}

/// A feed read (or not) by `feed`, `fetch --feed` and `refresh --feeds`.
struct FeedReading {
    var url: String
    var feed: Feed?
    /// Why it could not be read, in one line.
    var failure: String?
    var notModified = false
    /// Items seen for the first time (all of them without an archive).
    var newItems = 0
}

extension Engine {
    /// Pages extracted and stored together: enough to keep both cores busy, few enough that the pages in
    /// flight stay a few megabytes.
    static let fetchBatch = 32

    /// LedeWeb's configuration from `set fetch-…`.
    func fetchConfiguration(ignoreRobots: Bool) -> FetchConfiguration {
        let s = settings.fetch
        var c = FetchConfiguration(userAgent: FetchConfiguration.userAgent(version: Engine.version))
        c.totalTimeout = .milliseconds(Int((s.timeout * 1000).rounded()))
        c.connectTimeout = .milliseconds(Int((s.connectTimeout * 1000).rounded()))
        c.maxBytes = s.maxMegabytes << 20
        c.maxRedirects = s.redirects
        c.hostDelay = .milliseconds(Int((s.delay * 1000).rounded()))
        c.maxParallelHosts = s.hosts
        c.maxConnections = s.connections
        c.politenessOffHosts = Set(s.politenessOff)
        c.ignoreRobots = ignoreRobots
        return c
    }

    /// Fetches pages (conditional requests with the validators the archive kept), extracts each page's article
    /// on all cores a batch at a time as the pages arrive, stores it (archive and workspace: a new article, a new
    /// version, or unchanged), and records what each fetch said. Every target gets one result, in order; one
    /// failure never stops the others. With an archive, what was stored before a Ctrl-C stays stored.
    func fetchPages(_ targets: [PageTarget], fetcher: Fetcher, progress: (@Sendable (Int, Int) -> Void)?) -> [FetchedPage] {
        let link = archiveLink
        // Each URL once; a repeated target shares the first one's result.
        var first: [String: Int] = [:]
        for (i, t) in targets.enumerated() where first[t.url] == nil { first[t.url] = i }
        let unique = targets.indices.filter { first[targets[$0].url] == $0 }
        var states: [String: FetchState] = [:]
        if let link {
            do { states = try link.archive.fetchStates(urls: unique.map { targets[$0].url }) }
            catch { archiveWarnings.append("the archive's validators could not be read (\(error)); every page is fetched in full") }
        }
        let requests = unique.map { i in
            LedeWeb.FetchRequest(url: targets[i].url, kind: .page, etag: states[targets[i].url]?.etag,
                                 lastModified: states[targets[i].url]?.lastModified)
        }
        var results = [FetchedPage?](repeating: nil, count: targets.count)
        var kept: [FetchState] = []
        var batch: [(index: Int, result: FetchResult)] = []
        var archiveStopped: String?
        var done = 0
        var loadOptions = LoadOptions()
        loadOptions.stoplists = stoplists
        loadOptions.languages = loaderLanguages
        let options = loadOptions

        func process() {
            if batch.isEmpty { return }
            let pages = batch
            batch = []
            let keepRaw = link != nil
            let extracted = Parallel.map(count: pages.count) { k -> Result<(ParsedDocument, RawCopy?), Error> in
                let r = pages[k].result
                do {
                    var d = try PageExtractor.document(from: r, options: options)
                    // The URL asked for is where the article is fetched again from (the archive's source_url).
                    d.path = r.request.url
                    return .success((d, keepRaw ? RawCopy.make([UInt8](r.body)) : nil))
                } catch {
                    return .failure(error)
                }
            }
            var good: [(index: Int, result: FetchResult, document: ParsedDocument, raw: RawCopy?)] = []
            for (page, e) in zip(pages, extracted) {
                switch e {
                case .success(let (d, raw)): good.append((page.index, page.result, d, raw))
                case .failure(let error):
                    results[page.index] = FetchedPage(target: targets[page.index], outcome: .failed("\(error)"),
                                                      httpStatus: page.result.status, bytes: page.result.body.count)
                }
            }
            if good.isEmpty { return }
            let texts: [TokenizedText]
            do { texts = try workspace.tokenize(good.map(\.document.bodyUTF8)) } catch {
                for g in good { results[g.index] = FetchedPage(target: targets[g.index], outcome: .failed("cancelled"), httpStatus: g.result.status, bytes: g.result.body.count) }
                return
            }
            if let link {
                if let archiveStopped {
                    for g in good { results[g.index] = FetchedPage(target: targets[g.index], outcome: .failed(archiveStopped), httpStatus: g.result.status, bytes: g.result.body.count) }
                    return
                }
                let pending = zip(good, texts).map { g, text in
                    PendingDocument(document: g.document, text: text, name: targets[g.index].name, raw: g.raw,
                                    fetch: FetchRecord(url: g.result.request.url, fetchedAt: g.result.fetchedAt, status: g.result.status,
                                                       headers: g.result.headers.map { LedeArchive.HTTPHeader($0.name, $0.value) }),
                                    loadedAt: g.result.fetchedAt, articleID: targets[g.index].article?.id)
                }
                let (outcomes, stopped) = storeAndMirror(pending, link: link, batchSize: pending.count)
                for (k, g) in good.enumerated() {
                    if k < outcomes.count {
                        results[g.index] = FetchedPage(target: targets[g.index], outcome: .stored(outcomes[k]), httpStatus: g.result.status,
                                                       bytes: g.result.body.count)
                        kept.append(FetchState(url: g.result.request.url, etag: g.result.etag, lastModified: g.result.lastModified,
                                               lastStatus: g.result.status, lastFetched: g.result.fetchedAt))
                    } else {
                        let why = stopped.map { "\($0)" } ?? "not stored"
                        results[g.index] = FetchedPage(target: targets[g.index], outcome: .failed(why), httpStatus: g.result.status, bytes: g.result.body.count)
                    }
                }
                if let stopped, !(stopped is CancelledError) { archiveStopped = "\(stopped)" }
            } else {
                for (g, text) in zip(good, texts) {
                    let outcome = addFetched(g.document, text: text, target: targets[g.index], loadedAt: g.result.fetchedAt)
                    results[g.index] = FetchedPage(target: targets[g.index], outcome: .stored(outcome), httpStatus: g.result.status, bytes: g.result.body.count)
                }
            }
        }

        fetcher.fetch(requests) { result in
            done += 1
            progress?(done, requests.count)
            guard let i = first[result.request.url] else { return }
            if let failure = result.failure {
                results[i] = FetchedPage(target: targets[i], outcome: .failed("\(failure)"), httpStatus: result.status, bytes: 0)
                // The validators stay: the page kept is still the one they describe.
                kept.append(FetchState(url: result.request.url, etag: result.request.etag, lastModified: result.request.lastModified,
                                       lastStatus: result.status, lastFetched: result.fetchedAt, lastError: "\(failure)"))
            } else if result.isNotModified {
                results[i] = FetchedPage(target: targets[i], outcome: .notModified, httpStatus: 304, bytes: 0)
                kept.append(FetchState(url: result.request.url, etag: result.etag, lastModified: result.lastModified, lastStatus: 304,
                                       lastFetched: result.fetchedAt))
            } else {
                batch.append((i, result))
                if batch.count >= Engine.fetchBatch { process() }
            }
        }
        process()
        if let link { keepInArchive("the fetch state") { _ in try link.archive.saveFetchStates(kept) } }
        return targets.indices.map { i in
            results[i] ?? results[first[targets[i].url] ?? i] ?? FetchedPage(target: targets[i], outcome: .failed("cancelled"), httpStatus: nil, bytes: 0)
        }
    }

    /// A fetched page added to the workspace when no archive is open: a version of the target's article (unless
    /// it equals its latest version), else by the workspace's own identity rules (name, canonical URL, source).
    private func addFetched(_ document: ParsedDocument, text: TokenizedText, target: PageTarget, loadedAt: Date) -> Workspace.AddOutcome {
        if let article = target.article, workspace.article(id: article.id) === article {
            let version = ArticleVersion(number: 1, document: document, text: text, loadedAt: loadedAt)
            let latest = article.latest
            if latest.metadata == version.metadata && latest.contentHash == version.contentHash { return .unchanged(article, latest) }
            workspace.addVersion(version, to: article)
            return .newVersion(article, version)
        }
        return workspace.add(document, text: text, name: target.name, loadedAt: loadedAt)
    }

    /// Reads feeds (conditional requests too): parses each and, with an archive, remembers the feed, its items
    /// and when it was read. A feed that did not change (304) gives the items the archive holds.
    func readFeeds(_ urls: [String], fetcher: Fetcher) -> [FeedReading] {
        let link = archiveLink
        var states: [String: FetchState] = [:]
        if let link {
            do { states = try link.archive.fetchStates(urls: urls) }
            catch { archiveWarnings.append("the archive's validators could not be read (\(error)); every feed is fetched in full") }
        }
        let requests = urls.map { LedeWeb.FetchRequest(url: $0, kind: .feed, etag: states[$0]?.etag, lastModified: states[$0]?.lastModified) }
        var kept: [FetchState] = []
        var readings: [FeedReading] = []
        for result in fetcher.fetch(requests) {
            let url = result.request.url
            var reading = FeedReading(url: url)
            if let failure = result.failure {
                reading.failure = "\(failure)"
                kept.append(FetchState(url: url, etag: result.request.etag, lastModified: result.request.lastModified, lastStatus: result.status,
                                       lastFetched: result.fetchedAt, lastError: "\(failure)"))
            } else if result.isNotModified, let link {
                reading.notModified = true
                let items = (try? link.archive.feedItems(feedURL: url)) ?? []
                let title = (try? link.archive.feeds())?.first { $0.url == url }?.title
                reading.feed = Feed(format: .rss, title: title,
                                    items: items.map { FeedItem(title: $0.title, link: $0.url, date: $0.published, id: $0.guid) })
                kept.append(FetchState(url: url, etag: result.etag, lastModified: result.lastModified, lastStatus: 304, lastFetched: result.fetchedAt))
                keepInArchive("feed \(url)") { try $0.markFeedRead(url: url, at: result.fetchedAt, itemsGiven: items.count) }
            } else {
                do {
                    let feed = try FeedParser.parse(result)
                    reading.feed = feed
                    reading.newItems = feed.items.count
                    kept.append(FetchState(url: url, etag: result.etag, lastModified: result.lastModified, lastStatus: result.status,
                                           lastFetched: result.fetchedAt))
                    keepInArchive("feed \(url)") { archive in
                        try archive.addFeed(FeedRecord(url: url, title: feed.title, added: result.fetchedAt))
                        let records = feed.items.compactMap { item in
                            item.key.map { FeedItemRecord(guid: $0, url: item.link, title: item.title, published: item.date, firstSeen: result.fetchedAt) }
                        }
                        reading.newItems = try archive.recordFeedItems(records, feedURL: url).count
                        try archive.markFeedRead(url: url, at: result.fetchedAt, itemsGiven: feed.items.count, title: feed.title)
                    }
                } catch {
                    reading.failure = "\(error)"
                    kept.append(FetchState(url: url, etag: nil, lastModified: nil, lastStatus: result.status, lastFetched: result.fetchedAt,
                                           lastError: "\(error)"))
                }
            }
            readings.append(reading)
        }
        if let link { keepInArchive("the fetch state") { _ in try link.archive.saveFetchStates(kept) } }
        return readings
    }

    /// The page URLs the session already has an article for: where each version was fetched from, and the
    /// canonical URLs the pages name. With an archive, also the feed items already linked to an article.
    func knownPageURLs(feed: String?) -> Set<String> {
        var known = Set<String>()
        for a in workspace.articles {
            for v in a.versions {
                known.insert(v.document.path)
                if let url = v.metadata.url { known.insert(url) }
            }
        }
        if let archive = archiveLink?.archive, let feed, let items = try? archive.feedItems(feedURL: feed) {
            for item in items where item.articleID != nil { if let url = item.url { known.insert(url) } }
        }
        return known
    }

    /// Links feed items to the articles their pages became (`feed_items.article`).
    func linkFeedItems(_ feed: Feed, feedURL: String, pages: [FetchedPage]) {
        guard archiveLink != nil else { return }
        // The articles the items' pages became, or were already (fetched by URL before the feed was read).
        let links = Set(feed.items.compactMap(\.link))
        var articleOf: [String: String] = [:]
        for a in workspace.articles {
            for v in a.versions {
                if links.contains(v.document.path) { articleOf[v.document.path] = a.id }
                if let url = v.metadata.url, links.contains(url) { articleOf[url] = a.id }
            }
        }
        for p in pages { if case .stored(let o) = p.outcome { articleOf[p.target.url] = o.article.id } }
        let records = feed.items.compactMap { item -> FeedItemRecord? in
            guard let key = item.key, let link = item.link, let id = articleOf[link] else { return nil }
            return FeedItemRecord(guid: key, url: link, title: item.title, published: item.date, articleID: id)
        }
        if records.isEmpty { return }
        keepInArchive("feed \(feedURL)") { try $0.recordFeedItems(records, feedURL: feedURL) }
    }

    /// What changed between two versions, as one line: `title changed, 1 number changed, 1 quote added, 1 paragraph added`.
    static func changeLine(_ old: ArticleVersion, _ new: ArticleVersion) -> String {
        let diff = VersionDiff.compare(old, new)
        let s = diff.summary
        var parts: [String] = []
        if s.headline != nil { parts.append("title changed") }
        if !s.notices.isEmpty { parts.append(Format.plural(s.notices.count, "notice") + " added") }
        if !s.numbers.isEmpty { parts.append(Format.plural(s.numbers.count, "number") + " changed") }
        if !s.quotationsAdded.isEmpty { parts.append(Format.plural(s.quotationsAdded.count, "quote") + " added") }
        if !s.quotationsRemoved.isEmpty { parts.append(Format.plural(s.quotationsRemoved.count, "quote") + " removed") }
        let paragraphs = new.text.paragraphs.count - old.text.paragraphs.count
        if paragraphs > 0 { parts.append(Format.plural(paragraphs, "paragraph") + " added") }
        if paragraphs < 0 { parts.append(Format.plural(-paragraphs, "paragraph") + " removed") }
        if parts.isEmpty {
            let c = diff.counts
            if c.added + c.deleted + c.edited + c.moved + c.merged + c.split > 0 {
                parts.append(Format.plural(c.added + c.deleted + c.edited + c.moved + c.merged + c.split, "sentence") + " changed")
            } else if !diff.metadata.isEmpty {
                parts.append(diff.metadata.map(\.field).joined(separator: ", ") + " changed")
            } else {
                parts.append("text changed")
            }
        }
        return parts.joined(separator: ", ")
    }
}
