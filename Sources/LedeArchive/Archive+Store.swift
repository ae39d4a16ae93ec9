import Foundation
import LedeArticles
import LedeText

extension Archive {
    /// Stores documents in one transaction: each becomes a new article, a new version of the article it
    /// belongs to (by `articleID`, else name, URL or file, as a workspace decides), or nothing when that
    /// article's latest version has the same normalised text and metadata. A text or raw file the archive
    /// already holds (another article's copy) is referenced, not stored again. All or nothing: on an error
    /// the archive is as before the call. Call it per batch of a large load, so a kill loses one batch at most.
    public func store(_ documents: [ArchiveDocument]) throws -> [StoreOutcome] {
        if documents.isEmpty { return [] }
        let directory = SourcePath.currentDirectory()
        return try locked {
            var pendingTexts: [Fingerprint: (id: Int64, contentHash: String)] = [:]
            var pendingRaws: [Fingerprint: Int64] = [:]
            do {
                let outcomes = try storeInOneTransaction(documents, directory: directory, pendingTexts: &pendingTexts,
                                                         pendingRaws: &pendingRaws)
                // Merged once the preparer that shared the known texts is gone: in place, not into a copy.
                knownTexts.merge(pendingTexts) { a, _ in a }
                knownRaws.merge(pendingRaws) { a, _ in a }
                return outcomes
            } catch {
                identity = nil
                throw error
            }
        }
    }

    private func storeInOneTransaction(_ documents: [ArchiveDocument], directory: String,
                                       pendingTexts: inout [Fingerprint: (id: Int64, contentHash: String)],
                                       pendingRaws: inout [Fingerprint: Int64]) throws -> [StoreOutcome] {
        // Documents are prepared (bodies, fingerprints, JSON columns; content hashes of texts new to the archive)
        // a chunk ahead on the other cores while this thread inserts the chunk before.
        let preparer = ChunkPreparer(documents, directory: directory, known: knownTexts)
        defer { preparer.finish() }
        return try writeTransaction {
            try refreshIdentity()
            identity!.reserve(documents.count)
            var outcomes: [StoreOutcome] = []
            outcomes.reserveCapacity(documents.count)
            var lookedUp: [Fingerprint: (id: Int64, contentHash: String)?] = [:]
            for chunk in preparer.chunks.indices {
                let prepared = preparer.take(chunk)
                try storeChunk(documents[preparer.chunks[chunk]], prepared, into: &outcomes, lookedUp: &lookedUp,
                               pendingTexts: &pendingTexts, pendingRaws: &pendingRaws)
            }
            switch options.indexing {
            case .onStore: try indexPendingTexts()
            case .automatic: if try unindexedTextCount() <= Archive.automaticIndexingLimit { try indexPendingTexts() }
            case .onSearch: break
            }
            return outcomes
        }
    }

    private func storeChunk(_ documents: ArraySlice<ArchiveDocument>, _ prepared: [PreparedDocument], into outcomes: inout [StoreOutcome],
                            lookedUp: inout [Fingerprint: (id: Int64, contentHash: String)?],
                            pendingTexts: inout [Fingerprint: (id: Int64, contentHash: String)],
                            pendingRaws: inout [Fingerprint: Int64]) throws {
        let index = identity!
        // Texts the archive holds already; a new text's content hash was computed by the preparer that met it
        // first (in this chunk or an earlier one).
        let findText = try connection.statement("SELECT text, content_hash FROM texts WHERE hash = ?")
        var contentHashByKey: [Fingerprint: String] = [:]
        for p in prepared { if let h = p.contentHash { contentHashByKey[p.textKey] = h } }
        var textRows = [(id: Int64, contentHash: String)?](repeating: nil, count: prepared.count)
        for (i, p) in prepared.enumerated() {
            if let known = knownTexts[p.textKey] ?? pendingTexts[p.textKey] { textRows[i] = known; continue }
            if let seen = lookedUp[p.textKey] { textRows[i] = seen; continue }
            findText.reset()
            findText.bind(1, p.textKey)
            let row = try findText.step() ? (id: findText.int64(0), contentHash: findText.text(1) ?? "") : nil
            lookedUp[p.textKey] = row
            textRows[i] = row
        }
        findText.reset()

        let insertArticle = try connection.statement("INSERT INTO articles (article, id, name, created) VALUES (?, ?, ?, ?)")
        let insertText = try connection.statement(
            "INSERT INTO texts (hash, content_hash, title, body, paragraphs, paragraph_bounds) VALUES (?, ?, ?, ?, ?, ?)")
        let findRaw = try connection.statement("SELECT raw FROM raw_files WHERE hash = ?")
        let insertRaw = try connection.statement("INSERT INTO raw_files (hash, size, codec, data) VALUES (?, ?, ?, ?)")
        let insertVersion = try connection.statement("""
            INSERT INTO versions (article, number, text, raw, raw_hash, content_hash, format, source_path, source_url,
                record_key, published, modified, source, author, url, language, dropped, warnings, words, loaded_at,
                fetched_at, http_status, http_headers, parser_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var dates = DateTexts()
        for (i, doc) in documents.enumerated() {
            let p = prepared[i]
            let metadata = doc.document.metadata
            let contentHash = textRows[i]?.contentHash ?? pendingTexts[p.textKey]?.contentHash ?? contentHashByKey[p.textKey]
                ?? p.bodyBytes(doc).withUnsafeBufferPointer { ContentHash.ofNormalised(utf8: $0) }
            let file = IdentityIndex.FileKey(path: p.sourceKey, record: doc.document.recordKey)
            let articleRow: Int64?
            if let id = doc.articleID {
                guard let row = index.byID[id] else { throw ArchiveError.unknownArticle(path: path, id: id) }
                articleRow = row
            } else {
                articleRow = index.find(name: doc.name, url: metadata.url, file: file)
            }
            var latest: IdentityIndex.Latest
            let number: Int
            if let articleRow, let current = index.articles[articleRow] {
                if current.contentHash == contentHash, current.metadata == metadata {
                    outcomes.append(.unchanged(id: current.id, number: current.number))
                    continue
                }
                latest = current
                number = current.number + 1
                outcomes.append(.newVersion(id: current.id, number: number))
            } else {
                let article = index.nextArticle
                latest = IdentityIndex.Latest(article: article, id: "a\(article)", name: doc.name, number: 0,
                                              contentHash: contentHash, metadata: metadata)
                insertArticle.reset()
                insertArticle.bind(1, article)
                insertArticle.bind(2, latest.id)
                insertArticle.bind(3, doc.name)
                insertArticle.bind(4, dates.text(doc.loadedAt))
                try insertArticle.run()
                number = 1
                outcomes.append(.added(id: latest.id))
            }
            // The text: stored once, whoever else has it.
            let textID: Int64
            if let row = textRows[i] ?? pendingTexts[p.textKey] {
                textID = row.id
            } else {
                insertText.reset()
                insertText.bind(1, p.textKey)
                insertText.bind(2, contentHash)
                insertText.bind(3, metadata.title)
                insertText.bindText(4, p.bodyBytes(doc))
                insertText.bind(5, p.paragraphs)
                insertText.bindBlob(6, p.paragraphBounds)
                try insertText.run()
                textID = connection.lastInsertRowID
                pendingTexts[p.textKey] = (textID, contentHash)
            }
            // The raw file: likewise.
            var rawID: Int64?
            if let raw = doc.raw {
                if let id = knownRaws[raw.hash] ?? pendingRaws[raw.hash] {
                    rawID = id
                } else {
                    findRaw.reset()
                    findRaw.bind(1, raw.hash.description)
                    if try findRaw.step() { rawID = findRaw.int64(0); knownRaws[raw.hash] = rawID }
                    findRaw.reset()
                    if rawID == nil, let data = raw.data {
                        insertRaw.reset()
                        insertRaw.bindAll([.text(raw.hash.description), .integer(Int64(raw.size)), .text(raw.codec.rawValue)])
                        insertRaw.bindBlob(4, data)
                        try insertRaw.run()
                        rawID = connection.lastInsertRowID
                        pendingRaws[raw.hash] = rawID
                    }
                }
            }
            let d = doc.document
            let words = doc.words ?? { if case .text(let t) = doc.body { return t.tokenCount } else { return nil } }()
            insertVersion.reset()
            insertVersion.bind(1, latest.article)
            insertVersion.bind(2, number)
            insertVersion.bind(3, textID)
            insertVersion.bind(4, rawID)
            insertVersion.bind(5, p.rawHash)
            insertVersion.bind(6, contentHash)
            insertVersion.bind(7, d.format.rawValue)
            insertVersion.bind(8, doc.fetch == nil ? p.sourceKey : nil)
            insertVersion.bind(9, doc.fetch?.url)
            insertVersion.bind(10, d.recordKey)
            insertVersion.bind(11, metadata.published)
            insertVersion.bind(12, metadata.modified)
            insertVersion.bind(13, metadata.source)
            insertVersion.bind(14, metadata.author)
            insertVersion.bind(15, metadata.url)
            insertVersion.bind(16, metadata.language)
            insertVersion.bind(17, p.dropped)
            insertVersion.bind(18, p.warnings)
            insertVersion.bind(19, words)
            insertVersion.bind(20, dates.text(doc.loadedAt))
            insertVersion.bind(21, doc.fetch.map { dates.text($0.fetchedAt) })
            insertVersion.bind(22, doc.fetch?.status)
            insertVersion.bind(23, p.headers)
            insertVersion.bind(24, doc.parserVersion)
            try insertVersion.run()
            latest.number = number
            latest.contentHash = contentHash
            latest.metadata = metadata
            index.insert(latest, file: file)
        }
    }

    /// Builds the identity index from the articles' latest versions, unless it is current: another process
    /// that wrote since (seen in `PRAGMA data_version`) makes it stale. Called inside the write transaction.
    func refreshIdentity() throws {
        let dataVersion = try connection.integer("PRAGMA data_version") ?? 0
        if identity != nil, dataVersion == identityDataVersion { return }
        let index = IdentityIndex()
        let s = try connection.statement("""
            SELECT a.article, a.id, a.name, v.number, v.content_hash, t.title, v.published, v.modified, v.source, v.author,
                   v.url, v.language, coalesce(v.source_path, v.source_url), v.record_key
            FROM articles a JOIN versions v ON v.article = a.article JOIN texts t ON t.text = v.text
            WHERE v.number = (SELECT max(number) FROM versions WHERE article = a.article)
            ORDER BY a.article
            """)
        while try s.step() {
            let metadata = ArticleMetadata(title: s.text(5), published: s.text(6), modified: s.text(7), source: s.text(8),
                                           author: s.text(9), url: s.text(10), language: s.text(11))
            let latest = IdentityIndex.Latest(article: s.int64(0), id: s.text(1) ?? "", name: s.text(2), number: s.int(3),
                                              contentHash: s.text(4) ?? "", metadata: metadata)
            index.insert(latest, file: s.text(12).map { IdentityIndex.FileKey(path: $0, record: s.text(13)) })
        }
        s.reset()
        index.nextArticle = max(index.nextArticle, (try connection.integer("SELECT max(article) FROM articles") ?? 0) + 1)
        identity = index
        identityDataVersion = dataVersion
    }
}

/// A document made ready for storing, off the writer's thread: the fingerprint that identifies its text (title,
/// body and paragraphs), the key of its source file, its JSON columns, and its body bytes when it is the first
/// to meet a text the archive did not hold.
struct PreparedDocument: Sendable {
    /// Nil when the text was known, or met first by another document, and its key came with the document: the
    /// body is rebuilt (`bodyBytes`) only if the writer needs it after all.
    var body: [UInt8]?
    var textKey: Fingerprint
    /// `ContentHash.ofNormalised` of the body, computed by the first preparer to meet a text the archive did
    /// not hold when the store began (nil for the others: the writer has it by then).
    var contentHash: String?
    var rawHash: Fingerprint?
    /// The JSON columns, made here rather than on the writer's thread.
    var dropped: String?
    var warnings: String?
    var headers: String?
    var sourceKey: String
    var paragraphs: Int
    /// Paragraph bounds as little-endian UInt32 start/end pairs, when splitting the body at blank lines would
    /// not give the paragraphs back (nil in the usual case).
    var paragraphBounds: [UInt8]?

    static func bytes(of body: ArchiveDocument.Body) -> [UInt8] {
        switch body {
        case .bytes(let b): return b
        case .text(let t): return t.utf8
        }
    }

    func bodyBytes(_ doc: ArchiveDocument) -> [UInt8] { body ?? PreparedDocument.bytes(of: doc.body) }

    static func prepare(_ doc: ArchiveDocument, directory: String, hashIfNew: (Fingerprint) -> Bool) -> PreparedDocument {
        let d = doc.document
        // Built from the document's bounds on each call: once here.
        let ranges = d.paragraphRanges
        var body: [UInt8]?
        let key: TextKey
        if let known = doc.textKey {
            key = known
        } else {
            let bytes = bytes(of: doc.body)
            key = TextKey(title: d.metadata.title, body: bytes, paragraphs: ranges)
            body = bytes
        }
        var contentHash: String?
        if hashIfNew(key.fingerprint) {
            if body == nil { body = bytes(of: doc.body) }
            contentHash = body!.withUnsafeBufferPointer { ContentHash.ofNormalised(utf8: $0) }
        }
        let source = doc.fetch?.url ?? SourcePath.key(d.path, from: directory)
        return PreparedDocument(body: body, textKey: key.fingerprint, contentHash: contentHash,
                                rawHash: doc.raw?.hash, dropped: JSONText.dropped(d.dropped), warnings: JSONText.strings(d.warnings),
                                headers: doc.fetch.flatMap { $0.headers.isEmpty ? nil : JSONText.object($0.headers.map { ($0.name, $0.value) }) },
                                sourceKey: source, paragraphs: ranges.count, paragraphBounds: key.paragraphBounds)
    }
}

/// The same date formatted once per batch (a load stamps every document with one time).
struct DateTexts {
    private var last: (Date, String)?
    mutating func text(_ date: Date) -> String {
        if let last, last.0 == date { return last.1 }
        let s = ArchiveDate.format(date)
        last = (date, s)
        return s
    }
}

/// Prepares a store's documents in chunks, one chunk ahead of the writer: chunk k+1 is prepared on the other
/// cores while the writer inserts chunk k.
final class ChunkPreparer: @unchecked Sendable {
    static let chunkSize = 2048
    let chunks: [Range<Int>]
    private let documents: [ArchiveDocument]
    private let directory: String
    private let known: [Fingerprint: (id: Int64, contentHash: String)]
    private let claimed = Locked(Set<Fingerprint>())
    /// One slot per chunk, written by its preparer and read by the writer after waiting on its group: a buffer,
    /// not an Array, since two threads write different slots at once.
    private let results: UnsafeMutableBufferPointer<[PreparedDocument]?>
    private let groups: [DispatchGroup]
    private var started = 0

    init(_ documents: [ArchiveDocument], directory: String, known: [Fingerprint: (id: Int64, contentHash: String)]) {
        self.documents = documents
        self.directory = directory
        self.known = known
        chunks = stride(from: 0, to: documents.count, by: ChunkPreparer.chunkSize).map { $0..<min(documents.count, $0 + ChunkPreparer.chunkSize) }
        results = .allocate(capacity: chunks.count)
        results.initialize(repeating: nil)
        groups = chunks.map { _ in DispatchGroup() }
    }

    deinit {
        finish()
        results.deinitialize()
        results.deallocate()
    }

    /// Chunk `k`, prepared (waiting for it if needed); starts preparing chunk k+1.
    func take(_ k: Int) -> [PreparedDocument] {
        if started <= k { start(k) }
        if k + 1 < chunks.count, started <= k + 1 { start(k + 1) }
        groups[k].wait()
        let r = results[k]!
        results[k] = nil
        return r
    }

    /// Waits for any chunk still being prepared (after an error, before the documents go away).
    func finish() { for k in 0..<started { groups[k].wait() } }

    private func start(_ k: Int) {
        started = k + 1
        let group = groups[k]
        group.enter()
        DispatchQueue.global().async { [self] in
            let range = chunks[k]
            let prepared = Parallel.map(Array(range)) { i in
                PreparedDocument.prepare(documents[i], directory: directory) { key in
                    known[key] == nil && claimed.withLock { $0.insert(key).inserted }
                }
            }
            results[k] = prepared
            group.leave()
        }
    }
}
