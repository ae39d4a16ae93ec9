import CSQLite
import Foundation
import Testing
import LedeArticles
@testable import LedeArchive

/// Files that are not archives, damaged archives and archives from a newer lede are refused with one line, and
/// not one byte of them changes.
@Suite struct FileFaultTests {
    /// A small archive with a few articles, closed.
    func makeArchive(_ path: String) throws {
        let archive = try Archive(path: path)
        let docs = (1...30).map { k in
            ArchiveDocument(document("/n/\(k).txt", title: "Story \(k)",
                                     paragraphs: [String(repeating: "The council discussed harbour item \(k). ", count: 40)]))
        }
        _ = try archive.store(docs)
        try archive.checkpoint()
    }

    /// A new folder holding the small archive as `a.lede`: (folder, archive path).
    func archiveInNewFolder() throws -> (String, String) {
        let dir = try temporaryFolder()
        try makeArchive(dir + "/a.lede")
        return (dir, dir + "/a.lede")
    }

    /// Opening `path` fails with an error of one line, and the file (and no -wal/-shm left behind) is unchanged.
    func expectRefused(_ path: String, _ matches: (ArchiveError) -> Bool) throws {
        let before = fileBytes(path)
        do {
            _ = try Archive(path: path)
            Issue.record("\(path) was opened")
        } catch let error as ArchiveError {
            #expect(matches(error), "\(error)")
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains(path))
        }
        #expect(fileBytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") || fileBytes(path + "-wal").isEmpty)
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = dir + "/notes.txt"
        try Data("These are my notes, not a database.\n".utf8).write(to: URL(fileURLWithPath: text))
        try expectRefused(text) { if case .notAnArchive(_, let why) = $0 { return why == "not an SQLite file" } else { return false } }
        let empty = dir + "/empty.lede"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        try expectRefused(empty) { if case .notAnArchive(_, let why) = $0 { return why == "the file is empty" } else { return false } }
        try expectRefused(dir) { if case .notAnArchive = $0 { return true } else { return false } }
    }

    @Test func anSQLiteFileOfAnotherProgramIsRefused() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/other.db"
        var db: OpaquePointer?
        #expect(sqlite3_open(path, &db) == SQLITE_OK)
        #expect(sqlite3_exec(db, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Ann');", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        try expectRefused(path) { if case .notAnArchive(_, let why) = $0 { return why.contains("another program") } else { return false } }
    }

    @Test func aTruncatedArchiveIsRefused() throws {
        let (dir, path) = try archiveInNewFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = fileBytes(path)
        for size in [bytes.count / 2, 16384 + 100, 60] {
            try Data(bytes[0..<size]).write(to: URL(fileURLWithPath: path))
            try expectRefused(path) { if case .truncated = $0 { return true } else { return false } }
        }
    }

    @Test func anImpossiblePageSizeIsRefused() throws {
        let (dir, path) = try archiveInNewFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = fileBytes(path)
        // Found by the archive fuzz target: a page size of 0 divided by zero while the file was checked.
        for size: (UInt8, UInt8) in [(0, 0), (0, 3), (0x01, 0x01), (0x7F, 0xFF)] {
            var bytes = good
            bytes[16] = size.0
            bytes[17] = size.1
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            try expectRefused(path) { if case .notAnArchive(_, let why) = $0 { return why.contains("page size") } else { return false } }
        }
    }

    @Test func aNegativeSchemaVersionIsRefused() throws {
        let (dir, path) = try archiveInNewFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var bytes = fileBytes(path)
        // Found by the archive fuzz target: user_version (header bytes 60–63) below 0 indexed the migrations at -1.
        for i in 60..<64 { bytes[i] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try expectRefused(path) { if case .notAnArchive(_, let why) = $0 { return why.contains("schema version (-1)") } else { return false } }
    }

    /// Found by the archive fuzz target: rows numbered below the reader's "no article yet" mark (-1 here) were
    /// taken for a continuation of an article never started, and indexing the empty batch trapped.
    @Test func anArticleNumberedBelowZeroIsReadBack() throws {
        let (dir, path) = try archiveInNewFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var db: OpaquePointer?
        #expect(sqlite3_open(path, &db) == SQLITE_OK)
        let renumber = "PRAGMA foreign_keys = OFF; UPDATE versions SET article = -1 WHERE article = 1; UPDATE tags SET article = -1 WHERE article = 1; UPDATE articles SET article = -1 WHERE article = 1;"
        #expect(sqlite3_exec(db, renumber, nil, nil, nil) == SQLITE_OK, "\(String(cString: sqlite3_errmsg(db)))")
        sqlite3_close(db)
        let archive = try Archive(path: path)
        let back = try archive.readArticles()
        #expect(back.count == 30 && back.allSatisfy { $0.versions.count == 1 })
        #expect(back.first?.versions.first?.document.metadata.title == "Story 1")
    }

    @Test func aCorruptArchiveIsRefused() throws {
        let (dir, path) = try archiveInNewFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var bytes = fileBytes(path)
        // Scramble the schema (the first page past the 100-byte header).
        for i in 100..<4096 { bytes[i] = UInt8(truncatingIfNeeded: i &* 7 &+ 13) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try expectRefused(path) {
            if case .damaged = $0 { return true }
            if case .notAnArchive = $0 { return true }
            return false
        }
    }

    @Test func anArchiveFromANewerLedeIsRefused() throws {
        let (dir, path) = try archiveInNewFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var db: OpaquePointer?
        #expect(sqlite3_open(path, &db) == SQLITE_OK)
        #expect(sqlite3_exec(db, "PRAGMA user_version = \(ArchiveSchema.currentVersion + 1)", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        try expectRefused(path) { $0 == .newerSchema(path: path, found: ArchiveSchema.currentVersion + 1, supported: ArchiveSchema.currentVersion) }
        #expect(ArchiveError.newerSchema(path: "x", found: 3, supported: 2).description
                == "archive x was written by a newer lede (schema 3; this lede reads up to 2); not opened, nothing changed")
    }

    @Test func aMissingArchiveIsCreatedOnlyWhenAsked() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = Archive.Options()
        options.create = false
        #expect(throws: ArchiveError.notFound(path: dir + "/none.lede")) { try Archive(path: dir + "/none.lede", options: options) }
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.lede"))
        let archive = try Archive(path: dir + "/new.lede")
        #expect(archive.schemaVersion == ArchiveSchema.currentVersion)
        #expect(try archive.check().isEmpty)
        // Closing copies the write-ahead log into the file and removes it; the archive then refuses calls.
        archive.close()
        #expect(!FileManager.default.fileExists(atPath: dir + "/new.lede-wal"))
        #expect(throws: ArchiveError.failed(path: dir + "/new.lede", reason: "the archive is closed")) { try archive.summary() }
        #expect(try Archive(path: dir + "/new.lede").summary().articles == 0)
    }

    /// An archive made by schema version N-1 opens, is upgraded, keeps its articles, and its texts become searchable.
    @Test func anOlderSchemaIsMigrated() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/old.lede"
        let previous = ArchiveSchema.currentVersion - 1
        var db: OpaquePointer?
        #expect(sqlite3_open(path, &db) == SQLITE_OK)
        var script = "PRAGMA journal_mode = WAL; BEGIN;"
        for v in 0..<previous { script += ArchiveSchema.migrations[v] }
        script += """
            PRAGMA application_id = \(ArchiveSchema.applicationID); PRAGMA user_version = \(previous);
            INSERT INTO archive_info VALUES ('created', '2026-01-01T00:00:00.000Z');
            INSERT INTO articles VALUES (1, 'a1', 'talks', '2026-01-01T00:00:00.000Z');
            INSERT INTO texts (text, hash, content_hash, title, body, paragraphs) VALUES
                (1, '00000000000000000000000000000001', 'abc', 'Peace talks', 'Peace talks resumed in Geneva.\n\nBoth sides attended.', 2);
            INSERT INTO versions (article, number, text, content_hash, format, source_path, loaded_at, parser_version)
                VALUES (1, 1, 1, 'abc', 'text', '/old/talks.txt', '2026-01-01T00:00:00.000Z', '1');
            COMMIT;
            """
        #expect(sqlite3_exec(db, script, nil, nil, nil) == SQLITE_OK, "\(String(cString: sqlite3_errmsg(db)))")
        sqlite3_close(db)

        let archive = try Archive(path: path)
        #expect(archive.openedSchemaVersion == previous)
        #expect(archive.schemaVersion == ArchiveSchema.currentVersion)
        let back = try archive.readArticles()
        #expect(back.first?.name == "talks")
        #expect(back.first?.versions.first?.document.paragraphs == ["Peace talks resumed in Geneva.", "Both sides attended."])
        #expect(try archive.search("Geneva").hits.map(\.articleID) == ["a1"])
        #expect(try archive.check().isEmpty)
    }
}
