import Foundation
import Testing
import LedeArticles
@testable import LedeArchive

/// The archive is an export: the sqlite3 command-line shell reads its tables and views, searches it, and
/// unpacks nothing lede-specific to do so (docs/archive.md shows the same queries).
@Suite struct SQLiteShellTests {
    static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func theSQLiteShellReadsTheSchemaAndTheArticles() throws {
        guard let sqlite3 = SQLiteShellTests.sqlite3 else {
            print("SQLiteShellTests: skipped, no sqlite3 command-line shell (apt-get install sqlite3)")
            return
        }
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.lede"
        let archive = try Archive(path: path)
        let doc = ParsedDocument(path: "/n/talks.txt", format: .text,
                                 metadata: ArticleMetadata(title: "Peace talks", published: "2026-03-31", source: "Xinhua"),
                                 paragraphs: ["Peace talks resumed in Geneva.", "Both sides attended."],
                                 dropped: [DroppedBlock(text: "Share", reason: "link density", position: 0)])
        _ = try archive.store([ArchiveDocument(doc, name: "talks")])
        try archive.setTags(["a1": [ArchiveTag("16000000", origin: .taxonomy)]])
        _ = try archive.updateSearchIndex()

        let tables = try runProcess(sqlite3, [path, ".tables"])
        #expect(tables.status == 0)
        for table in ["articles", "versions", "texts", "raw_files", "tags", "models", "feeds", "feed_items", "fetch_state",
                      "session_log", "search_index", "article_versions", "latest_versions"] {
            #expect(tables.out.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains(Substring(table)), "\(table)")
        }
        let schema = try runProcess(sqlite3, [path, "PRAGMA user_version; PRAGMA application_id; PRAGMA journal_mode;"])
        #expect(schema.out == "\(ArchiveSchema.currentVersion)\n\(ArchiveSchema.applicationID)\nwal\n")

        let row = try runProcess(sqlite3, ["-separator", "|", path,
                                           "SELECT id, name, version, title, published, source, body FROM latest_versions;"])
        #expect(row.out == "a1|talks|1|Peace talks|2026-03-31|Xinhua|Peace talks resumed in Geneva.\n\nBoth sides attended.\n")
        let dropped = try runProcess(sqlite3, ["-separator", "|", path,
                                               "SELECT d.value ->> 'reason', d.value ->> 'position' FROM versions, json_each(versions.dropped) d;"])
        #expect(dropped.out == "link density|0\n")
        let tag = try runProcess(sqlite3, [path, "SELECT a.id, t.tag, t.origin FROM tags t JOIN articles a USING (article);"])
        #expect(tag.out == "a1|16000000|taxonomy\n")
        let search = try runProcess(sqlite3, [path, """
            SELECT a.id, snippet(search_index, 1, '[', ']', '…', 8) FROM search_index
            JOIN versions v ON v.text = search_index.rowid JOIN articles a ON a.article = v.article
            WHERE search_index MATCH '"peace talks"' ORDER BY bm25(search_index);
            """])
        #expect(search.out == "a1|[Peace talks] resumed in Geneva.\n\nBoth sides attended.\n")
        let check = try runProcess(sqlite3, [path, "PRAGMA integrity_check;"])
        #expect(check.out == "ok\n")
    }
}
