import CSQLite
import Foundation

/// One article version that matches a search.
public struct SearchHit: Sendable, Equatable {
    public var articleID: String
    public var version: Int
    public var title: String?
    /// FTS5's BM25 score (title weighted twice the body): lower is better, hits come best first.
    public var rank: Double
    /// A passage around the best match, the matched words marked.
    public var snippet: [SnippetPart]

    /// The snippet as one string with each match between `open` and `close`.
    public func snippetText(open: String = "[", close: String = "]") -> String {
        snippet.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }
}

public struct SnippetPart: Sendable, Equatable {
    public var text: String
    public var isMatch: Bool
    public init(_ text: String, isMatch: Bool) { self.text = text; self.isMatch = isMatch }
}

public struct SearchResult: Sendable {
    /// Best first; every version holding a matching text (a text shared by several articles gives several hits).
    public var hits: [SearchHit]
    /// Matching texts in all (before the limit).
    public var matchingTexts: Int
    /// Texts the index did not cover (another process was writing, so they could not be indexed now).
    public var unindexedTexts: Int
}

extension Archive {
    private static let markOpen = "\u{E000}", markClose = "\u{E001}"

    /// Searches titles and bodies with FTS5: words, "phrases", prefix*, AND/OR/NOT (see `SearchQuery`),
    /// BM25 order. Texts stored since the last search are indexed first (`updateSearchIndex`). A query FTS5
    /// cannot read is one `ArchiveError.badQuery` line. `limit` nil gives every hit (a selection).
    public func search(_ query: String, limit: Int? = 20, snippets: Bool = true) throws -> SearchResult {
        let fts = SearchQuery.normalise(query)
        if fts.isEmpty { throw ArchiveError.badQuery(query: query, reason: "nothing to search for") }
        var unindexed = 0
        // A search does not queue behind another process's write: it searches what is indexed instead.
        do { try updateSearchIndex(waitForWriters: false) } catch ArchiveError.busy(_) {
            unindexed = (try? locked { try unindexedTextCount() }) ?? 0
        } catch ArchiveError.readOnly(_) {
            unindexed = (try? locked { try unindexedTextCount() }) ?? 0
        }
        return try locked {
            try readTransaction {
                let sql = """
                    SELECT rowid, bm25(search_index, 2.0, 1.0) AS score\(snippets ? ", snippet(search_index, -1, '\(Archive.markOpen)', '\(Archive.markClose)', '…', 16)" : "")
                    FROM search_index WHERE search_index MATCH ? ORDER BY score\(limit.map { " LIMIT \($0)" } ?? "")
                    """
                let s: SQLiteStatement
                do { s = try connection.statement(sql) } catch { throw ArchiveError.badQuery(query: query, reason: "\(error)") }
                s.bind(1, fts)
                var texts: [(id: Int64, rank: Double, snippet: String?)] = []
                do {
                    while try s.step() { texts.append((s.int64(0), s.double(1), snippets ? s.text(2) : nil)) }
                } catch let e as SQLiteError where e.message.contains("fts5") || e.message.contains("no such column") {
                    throw ArchiveError.badQuery(query: query, reason: e.message)
                }
                let total: Int
                if let limit, texts.count == limit {
                    let c = try connection.statement("SELECT count(*) FROM search_index WHERE search_index MATCH ?")
                    c.bind(1, fts)
                    total = try c.step() ? c.int(0) : texts.count
                    c.reset()
                } else {
                    total = texts.count
                }
                let versions = try connection.statement("""
                    SELECT a.id, v.number, t.title FROM versions v JOIN articles a ON a.article = v.article
                    JOIN texts t ON t.text = v.text WHERE v.text = ? ORDER BY v.article, v.number
                    """)
                var hits: [SearchHit] = []
                for t in texts {
                    versions.reset()
                    versions.bind(1, t.id)
                    let parts = t.snippet.map(Archive.snippetParts) ?? []
                    while try versions.step() {
                        hits.append(SearchHit(articleID: versions.text(0) ?? "", version: versions.int(1), title: versions.text(2),
                                              rank: t.rank, snippet: parts))
                        if let limit, hits.count >= limit { break }
                    }
                    if let limit, hits.count >= limit { break }
                }
                versions.reset()
                return SearchResult(hits: hits, matchingTexts: total, unindexedTexts: unindexed)
            }
        }
    }

    static func snippetParts(_ s: String) -> [SnippetPart] {
        var parts: [SnippetPart] = []
        var rest = Substring(s)
        while let open = rest.range(of: markOpen) {
            if open.lowerBound > rest.startIndex { parts.append(SnippetPart(String(rest[..<open.lowerBound]), isMatch: false)) }
            let after = rest[open.upperBound...]
            guard let close = after.range(of: markClose) else { rest = after; break }
            parts.append(SnippetPart(String(after[..<close.lowerBound]), isMatch: true))
            rest = after[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(SnippetPart(String(rest), isMatch: false)) }
        return parts
    }

    /// Adds texts stored since the last indexing to the search index, in transactions of a few thousand texts
    /// (a kill keeps what was indexed). Returns how many were indexed.
    @discardableResult
    public func updateSearchIndex(waitForWriters: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Int {
        try locked {
            let pending = try unindexedTextCount()
            if pending == 0 { return 0 }
            if !waitForWriters { sqlite3_busy_timeout(connection.handle, 0) }
            defer { if !waitForWriters { sqlite3_busy_timeout(connection.handle, busyTimeoutMilliseconds) } }
            var done = 0
            while true {
                let n = try writeTransaction { try indexPendingTexts(limit: 20_000) }
                if n == 0 { break }
                done += n
                progress?(done, pending)
            }
            return done
        }
    }

    /// Texts stored since the search index was last brought up to date (the next search indexes them).
    public func unindexedTexts() throws -> Int {
        try locked { try unindexedTextCount() }
    }

    func unindexedTextCount() throws -> Int {
        let upto = Int64(try connection.text("SELECT value FROM archive_info WHERE key = 'search_indexed_upto'") ?? "0") ?? 0
        let s = try connection.statement("SELECT count(*) FROM texts WHERE text > ?")
        s.bind(1, upto)
        defer { s.reset() }
        return try s.step() ? s.int(0) : 0
    }

    /// Indexes texts past the high-water mark, inside the caller's write transaction; texts are never
    /// rewritten, so the mark says exactly what the index holds.
    @discardableResult
    func indexPendingTexts(limit: Int? = nil) throws -> Int {
        let upto = Int64(try connection.text("SELECT value FROM archive_info WHERE key = 'search_indexed_upto'") ?? "0") ?? 0
        let last = try connection.statement("SELECT max(text), count(*) FROM (SELECT text FROM texts WHERE text > ? ORDER BY text\(limit.map { " LIMIT \($0)" } ?? ""))")
        last.bind(1, upto)
        guard try last.step(), !last.isNull(0) else { last.reset(); return 0 }
        let newUpto = last.int64(0), count = last.int(1)
        last.reset()
        let insert = try connection.statement(
            "INSERT INTO search_index (rowid, title, body) SELECT text, title, body FROM texts WHERE text > ? AND text <= ?")
        insert.bind(1, upto)
        insert.bind(2, newUpto)
        try insert.run()
        let mark = try connection.statement("UPDATE archive_info SET value = ? WHERE key = 'search_indexed_upto'")
        mark.bind(1, String(newUpto))
        try mark.run()
        return count
    }
}
