import Foundation
import LedeArticles

extension Archive {
    /// Every article with its latest version's metadata, without text (what `list` shows), in id order.
    public func listArticles() throws -> [ArticleSummary] {
        try locked {
            try readTransaction {
                let tags = try tagNames()
                let s = try connection.statement("""
                    SELECT a.article, a.id, a.name, v.number, t.title, v.published, v.modified, v.source, v.author, v.url,
                           v.language, v.format, coalesce(v.source_path, v.source_url), v.loaded_at, v.words, t.paragraphs
                    FROM articles a JOIN versions v ON v.article = a.article JOIN texts t ON t.text = v.text
                    WHERE v.number = (SELECT max(number) FROM versions WHERE article = a.article)
                    ORDER BY a.article
                    """)
                var out: [ArticleSummary] = []
                var dates = DateCache()
                while try s.step() {
                    out.append(ArticleSummary(
                        id: s.text(1) ?? "", name: s.text(2), versions: s.int(3), title: s.text(4), published: s.text(5),
                        modified: s.text(6), source: s.text(7), author: s.text(8), url: s.text(9), language: s.text(10),
                        format: s.text(11) ?? "", sourcePath: s.text(12), loadedAt: dates.date(s.text(13)), words: s.optionalInt(14),
                        paragraphs: s.int(15), tags: tags[s.int64(0)] ?? []))
                }
                s.reset()
                return out
            }
        }
    }

    /// Articles with every version's text, metadata and dropped blocks (all of them, or those with the given
    /// ids), from one consistent snapshot: how a fresh process analyses an archive without the original files.
    /// Versions that share a text share its bytes.
    public func readArticles(ids: [String]? = nil) throws -> [StoredArticle] {
        var out: [StoredArticle] = []
        try readArticles(ids: ids, batchSize: Int.max) { out.append(contentsOf: $0) }
        return out
    }

    /// The same, handed over `batchSize` articles at a time as they are read, so a caller can tokenise one
    /// batch on other cores while the next is read. Runs on the caller's thread; the snapshot holds throughout.
    /// `rows` limits the read to the articles whose numbers (`articles.article`) are in it: two connections can
    /// read the two halves of `articleRows()` at once.
    public func readArticles(ids: [String]? = nil, rows: ClosedRange<Int64>? = nil, batchSize: Int,
                             _ deliver: ([StoredArticle]) throws -> Void) throws {
        try locked {
            try readTransaction {
                if ids?.isEmpty == true { return }
                let wanted = ids.map { JSONText.strings(Array(Set($0)).sorted()) ?? "[]" }
                var texts: [Int64: (title: String?, body: [UInt8], ranges: [Range<Int>])] = [:]
                let ts = try connection.statement("SELECT title, body, paragraph_bounds FROM texts WHERE text = ?")
                let tags = try allTags()
                let vs = try connection.statement("""
                    SELECT a.article, a.id, a.name, a.created, v.number, v.text, v.raw_hash, v.content_hash, v.format,
                           v.source_path, v.source_url, v.record_key, v.published, v.modified, v.source, v.author, v.url,
                           v.language, v.dropped, v.warnings, v.words, v.loaded_at, v.fetched_at, v.http_status,
                           v.http_headers, v.parser_version
                    FROM versions v JOIN articles a ON a.article = v.article
                    \(wanted == nil ? "WHERE 1" : "WHERE a.article IN (SELECT CAST(substr(value, 2) AS INTEGER) FROM json_each(?1)) AND a.id IN (SELECT value FROM json_each(?1))")
                    \(rows == nil ? "" : "AND v.article BETWEEN ?2 AND ?3")
                    ORDER BY v.article, v.number
                    """)
                if let wanted { vs.bind(1, wanted) }
                if let rows { vs.bind(2, rows.lowerBound); vs.bind(3, rows.upperBound) }
                defer { vs.reset() }
                var batch: [StoredArticle] = []
                // Nil before the first row: a damaged archive may number an article -1.
                var current: Int64?
                var dates = DateCache()
                // Copies of one text usually drop the same blocks (its title line): each JSON text decoded once,
                // found again by the fingerprint of its bytes, compared whole (no String made for a text seen before).
                var droppedCache: [Fingerprint: [(json: [UInt8], blocks: [DroppedBlock])]] = [:]
                func dropped(_ json: UnsafeBufferPointer<UInt8>?) -> [DroppedBlock] {
                    guard let json else { return [] }
                    let key = Fingerprint.of(UnsafeRawBufferPointer(json))
                    let same = { (seen: [UInt8]) -> Bool in
                        seen.count == json.count && (json.isEmpty || seen.withUnsafeBytes { memcmp($0.baseAddress!, json.baseAddress!, json.count) == 0 })
                    }
                    if let known = droppedCache[key]?.first(where: { same($0.json) }) { return known.blocks }
                    let blocks = JSONText.readDropped(String(decoding: json, as: UTF8.self))
                    if droppedCache.count < 65_536 { droppedCache[key, default: []].append((Array(json), blocks)) }
                    return blocks
                }
                while try vs.step() {
                    let article = vs.int64(0)
                    if article != current {
                        if batch.count >= batchSize {
                            try deliver(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                        current = article
                        batch.append(StoredArticle(id: vs.text(1) ?? "", name: vs.text(2), created: dates.date(vs.text(3)),
                                                   tags: tags[article] ?? [], versions: []))
                    }
                    let textID = vs.int64(5)
                    if texts[textID] == nil {
                        ts.reset()
                        ts.bind(1, textID)
                        guard try ts.step() else { continue }
                        let body = ts.bytes(1)
                        let ranges = ts.optionalBytes(2).flatMap { ParagraphLayout.decode($0, bodyCount: body.count) } ?? ParagraphLayout.split(body)
                        texts[textID] = (ts.text(0), body, ranges)
                        ts.reset()
                    }
                    let text = texts[textID]!
                    let metadata = ArticleMetadata(title: text.title, published: vs.text(12), modified: vs.text(13),
                                                   source: vs.text(14), author: vs.text(15), url: vs.text(16), language: vs.text(17))
                    let format = ArticleFormat(rawValue: vs.text(8) ?? "") ?? .text
                    let document = ParsedDocument(
                        path: vs.text(9) ?? vs.text(10) ?? "", format: format, metadata: metadata, bodyUTF8: text.body,
                        paragraphRanges: text.ranges, dropped: vs.withTextBytes(18, dropped),
                        warnings: vs.text(19).map(JSONText.readStrings) ?? [], recordKey: vs.text(11))
                    var fetch: FetchRecord?
                    if let url = vs.text(10) {
                        let headers = vs.text(24).map(JSONText.readObject)?.map { HTTPHeader($0.0, $0.1) } ?? []
                        fetch = FetchRecord(url: url, fetchedAt: dates.date(vs.text(22)), status: vs.optionalInt(23), headers: headers)
                    }
                    batch[batch.count - 1].versions.append(StoredVersion(
                        number: vs.int(4), document: document, loadedAt: dates.date(vs.text(21)), contentHash: vs.text(7) ?? "",
                        rawHashHex: vs.text(6), parserVersion: vs.text(25) ?? "",
                        words: vs.optionalInt(20), fetch: fetch, textID: textID))
                }
                if !batch.isEmpty { try deliver(batch) }
            }
        }
    }

    /// The smallest and largest article numbers (`articles.article`), nil when there is no article.
    public func articleRows() throws -> ClosedRange<Int64>? {
        try locked {
            let s = try connection.statement("SELECT min(article), max(article) FROM articles")
            defer { s.reset() }
            guard try s.step(), !s.isNull(0) else { return nil }
            return s.int64(0)...s.int64(1)
        }
    }

    /// A version's raw bytes as loaded (decompressed), or nil when the archive did not keep them.
    public func rawBytes(articleID: String, version: Int) throws -> [UInt8]? {
        try locked {
            let s = try connection.statement("""
                SELECT r.hash, r.size, r.codec, r.data FROM versions v JOIN articles a ON a.article = v.article
                JOIN raw_files r ON r.raw = v.raw WHERE v.article = CAST(substr(?1, 2) AS INTEGER) AND a.id = ?1 AND v.number = ?2
                """)
            s.bind(1, articleID)
            s.bind(2, version)
            defer { s.reset() }
            guard try s.step(), let hash = s.text(0).flatMap(Fingerprint.init(hex:)) else { return nil }
            let copy = RawCopy(hash: hash, size: s.int(1), codec: RawCopy.Codec(rawValue: s.text(2) ?? "") ?? .none, data: s.bytes(3))
            guard let bytes = copy.original() else {
                throw ArchiveError.damaged(path: path, reason: "the raw bytes of \(articleID)@\(version) do not decompress")
            }
            return bytes
        }
    }

    /// For each source file, the raw fingerprint, article and version of the latest version read from it by
    /// this parser version (`ArticleLoader.parserVersion`): a file with the same bytes need not be parsed again.
    public func sourceIndex(parserVersion: String = ArticleLoader.parserVersion) throws -> [String: KnownSource] {
        try locked {
            try readTransaction {
                let s = try connection.statement("""
                    SELECT v.source_path, v.raw_hash, a.id, v.number, v.parser_version FROM versions v
                    JOIN articles a ON a.article = v.article WHERE v.source_path IS NOT NULL ORDER BY v.version
                    """)
                var out: [String: KnownSource] = [:]
                // Sized once: growing a dictionary of 40,000 paths rehashes every path several times.
                out.reserveCapacity(Int(try connection.integer("SELECT count(*) FROM versions WHERE source_path IS NOT NULL") ?? 0))
                let parser = Array(parserVersion.utf8)
                while try s.step() {
                    guard let path = s.text(0) else { continue }
                    // A later version from the same file replaces an earlier one (even with no raw bytes kept).
                    // The hash and parser version are read as bytes: no strings made for 40,000 rows of them.
                    let sameParser = s.withTextBytes(4) { $0.map { $0.elementsEqual(parser) } ?? false }
                    if sameParser, let hash = s.withTextBytes(1, { $0.flatMap(Fingerprint.init(hexBytes:)) }) {
                        out[path, default: KnownSource(rawHash: hash, articles: [])].merge(hash: hash, id: s.text(2) ?? "", number: s.int(3))
                    } else {
                        out[path] = nil
                    }
                }
                s.reset()
                return out
            }
        }
    }

    /// The fingerprints of every raw file held.
    public func rawHashes() throws -> Set<Fingerprint> {
        try locked {
            let s = try connection.statement("SELECT hash FROM raw_files")
            var out = Set<Fingerprint>()
            while try s.step() { if let h = s.text(0).flatMap(Fingerprint.init(hex:)) { out.insert(h) } }
            s.reset()
            return out
        }
    }
}

/// What the archive holds from one source file: the raw fingerprint of its latest bytes and the articles (one,
/// or one per JSON record) read from them.
public struct KnownSource: Sendable, Equatable {
    public var rawHash: Fingerprint
    public var articles: [(id: String, number: Int)]

    mutating func merge(hash: Fingerprint, id: String, number: Int) {
        if hash != rawHash { rawHash = hash; articles = [] }
        if let k = articles.firstIndex(where: { $0.id == id }) { articles[k].number = number } else { articles.append((id, number)) }
    }

    public static func == (a: KnownSource, b: KnownSource) -> Bool {
        a.rawHash == b.rawHash && a.articles.map(\.id) == b.articles.map(\.id) && a.articles.map(\.number) == b.articles.map(\.number)
    }
}

/// Parses each distinct time text once (a load stamps thousands of versions with the same time).
struct DateCache {
    private var cache: [String: Date] = [:]
    mutating func date(_ text: String?) -> Date {
        guard let text else { return Date(timeIntervalSince1970: 0) }
        if let d = cache[text] { return d }
        let d = ArchiveDate.parse(text) ?? Date(timeIntervalSince1970: 0)
        if cache.count < 4096 { cache[text] = d }
        return d
    }
}
