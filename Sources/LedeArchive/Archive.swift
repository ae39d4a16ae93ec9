import CSQLite
import Foundation
import LedeArticles

/// A durable archive of articles: one SQLite file in WAL mode (docs/archive.md documents its schema).
///
/// One writer at a time across processes: a second writer waits up to `Options.busyTimeout`, then gets
/// `ArchiveError.busy`; readers in other processes go on meanwhile. Each write is one transaction, so a process
/// killed mid-load leaves every earlier batch and none of the interrupted one. Calls on one `Archive` are
/// serialised (it may be shared between threads); open one per process, or several for parallel reads.
public final class Archive: @unchecked Sendable {
    public struct Options: Sendable {
        /// How long a writer waits for another process's write to finish before `ArchiveError.busy`.
        public var busyTimeout: Duration = .seconds(3)
        /// Create the file when it does not exist.
        public var create = true
        /// Open for reading only (no migration, no writes).
        public var readOnly = false
        /// When new texts enter the search index (see `Indexing`).
        public var indexing: Indexing = .automatic
        public init() {}
    }

    /// When stored texts enter the search index. Indexing costs about as much CPU as parsing, so a large load
    /// leaves it to the next search; a small one (a few files at the prompt) is searchable at once.
    public enum Indexing: Sendable, Equatable {
        /// In the storing transaction, always.
        case onStore
        /// On the next `search` (or `updateSearchIndex`).
        case onSearch
        /// In the storing transaction when at most `Archive.automaticIndexingLimit` texts are waiting, else on search.
        case automatic
    }

    /// How many waiting texts `Indexing.automatic` indexes as they are stored (about 0.1 s of work).
    public static let automaticIndexingLimit = 1000

    public let path: String
    public let options: Options
    let connection: SQLiteConnection
    private let lock = NSLock()
    /// The schema version the file had when opened (before any migration).
    public let openedSchemaVersion: Int
    /// Lookups for `store`: articles by name, URL and source file, with their latest version (built on the first
    /// store, rebuilt when another process has written since).
    var identity: IdentityIndex?
    var identityDataVersion: Int64 = -1
    /// Texts and raw files known to be stored (committed), by fingerprint: rows are never rewritten, so an
    /// entry stays true.
    var knownTexts: [Fingerprint: (id: Int64, contentHash: String)] = [:]
    var knownRaws: [Fingerprint: Int64] = [:]

    /// Opens the archive at `path`, creating it (when `options.create`) or upgrading its schema as needed.
    /// Refuses, with one line and without changing the file: a file that is not SQLite, an SQLite file of
    /// another program, a truncated or damaged file, an archive written by a newer lede.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        let inMemory = path == ":memory:"
        var creating = false
        if !inMemory {
            switch try ArchiveFileCheck.inspect(path) {
            case .missing:
                guard options.create, !options.readOnly else { throw ArchiveError.notFound(path: path) }
                creating = true
            case .sqlite: break
            }
        }
        var flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if creating || inMemory { flags |= SQLITE_OPEN_CREATE }
        let connection: SQLiteConnection
        do { connection = try SQLiteConnection(path: path, flags: flags) } catch { throw ArchiveError.from(error, path: path) }
        self.connection = connection
        sqlite3_busy_timeout(connection.handle, Archive.milliseconds(options.busyTimeout))
        do {
            openedSchemaVersion = try Archive.validate(connection, path: path, creating: creating)
            if !options.readOnly {
                if creating || inMemory { try connection.execute("PRAGMA page_size = 16384") }
                if !inMemory { _ = try connection.text("PRAGMA journal_mode = WAL") }
            }
            try connection.execute("PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824")
            if openedSchemaVersion < ArchiveSchema.currentVersion {
                guard !options.readOnly else {
                    throw ArchiveError.failed(path: path, reason: "schema \(openedSchemaVersion) needs an upgrade to \(ArchiveSchema.currentVersion); open it for writing once")
                }
                try migrate(from: openedSchemaVersion)
            }
        } catch {
            let e = ArchiveError.from(error, path: path, connection: connection)
            connection.close()
            if creating { Archive.removeFiles(path) }
            throw e
        }
    }

    var busyTimeoutMilliseconds: Int32 { Archive.milliseconds(options.busyTimeout) }

    static func milliseconds(_ d: Duration) -> Int32 {
        Int32(clamping: d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
    }

    /// An archive in memory (for searching a workspace without a file); gone when released.
    public static func inMemory() throws -> Archive { try Archive(path: ":memory:") }

    /// The file's schema version and whether it is a lede archive, read without writing anything.
    private static func validate(_ c: SQLiteConnection, path: String, creating: Bool) throws -> Int {
        let tables = try c.integer("SELECT count(*) FROM sqlite_schema") ?? 0
        let application = try c.integer("PRAGMA application_id") ?? 0
        let version = Int(try c.integer("PRAGMA user_version") ?? 0)
        if tables == 0 { return 0 }
        guard application == Int64(ArchiveSchema.applicationID) else {
            throw ArchiveError.notAnArchive(path: path, reason: "an SQLite database of another program")
        }
        if version > ArchiveSchema.currentVersion {
            throw ArchiveError.newerSchema(path: path, found: version, supported: ArchiveSchema.currentVersion)
        }
        // A negative version (found by the archive fuzz target) would index the migrations out of range.
        guard version >= 0 else { throw ArchiveError.notAnArchive(path: path, reason: "its schema version (\(version)) is not one lede writes") }
        // Reading the tables this lede expects finds a damaged schema or first pages now, not mid-command.
        _ = try c.integer("SELECT count(*) FROM archive_info")
        return version
    }

    private func migrate(from version: Int) throws {
        for v in version..<ArchiveSchema.currentVersion {
            try writeTransaction {
                try connection.execute(ArchiveSchema.migrations[v])
                if v == 0 {
                    try connection.execute("PRAGMA application_id = \(ArchiveSchema.applicationID)")
                    let info = try connection.statement("INSERT INTO archive_info (key, value) VALUES (?, ?)")
                    info.bindAll([.text("created"), .text(ArchiveDate.format(Date()))]); try info.run()
                }
                try connection.execute("PRAGMA user_version = \(v + 1)")
            }
            connection.clearCache()
        }
    }

    static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Runs `body` with the archive to itself (one call at a time on this object); any failure comes out as
    /// one `ArchiveError` line.
    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard connection.isOpen else { throw ArchiveError.failed(path: path, reason: "the archive is closed") }
        do { return try body() } catch { throw ArchiveError.from(error, path: path, connection: connection) }
    }

    /// Closes the archive (also done when it is released): its write-ahead log is copied into the file and
    /// removed when no other process has it open. Calls after this fail with one line.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        connection.close()
    }

    /// One write transaction: waits for other writers up to the busy timeout; rolls back on any error, which
    /// it returns as one `ArchiveError` line.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        if options.readOnly { throw ArchiveError.readOnly(path: path) }
        return try transaction(beginning: "BEGIN IMMEDIATE", body)
    }

    /// One read transaction: a consistent snapshot, however long the reading takes, while writers go on.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try transaction(beginning: "BEGIN", body)
    }

    /// Runs `body` between `begin` and COMMIT; any error rolls back and becomes one `ArchiveError` line.
    private func transaction<T>(beginning begin: String, _ body: () throws -> T) throws -> T {
        do { try connection.execute(begin) } catch { throw ArchiveError.from(error, path: path, connection: connection) }
        do {
            let result = try body()
            try connection.execute("COMMIT")
            return result
        } catch {
            let e = ArchiveError.from(error, path: path, connection: connection)
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            throw e
        }
    }

    /// The schema version now (after migrations).
    public var schemaVersion: Int {
        (try? locked { Int(try connection.integer("PRAGMA user_version") ?? 0) }) ?? 0
    }

    /// What the archive holds.
    public func summary() throws -> ArchiveSummary {
        try locked {
            try readTransaction {
                func count(_ sql: String) throws -> Int { Int(try connection.integer(sql) ?? 0) }
                let created = try connection.text("SELECT value FROM archive_info WHERE key = 'created'").flatMap(ArchiveDate.parse)
                var fileBytes = 0
                var st = stat()
                for suffix in ["", "-wal"] where stat(path + suffix, &st) == 0 { fileBytes += Int(st.st_size) }
                return ArchiveSummary(
                    path: path, schemaVersion: try count("PRAGMA user_version"), created: created,
                    articles: try count("SELECT count(*) FROM articles"), versions: try count("SELECT count(*) FROM versions"),
                    texts: try count("SELECT count(*) FROM texts"), rawFiles: try count("SELECT count(*) FROM raw_files"),
                    rawBytes: try count("SELECT coalesce(sum(size), 0) FROM raw_files"),
                    storedRawBytes: try count("SELECT coalesce(sum(length(data)), 0) FROM raw_files"),
                    tags: try count("SELECT count(*) FROM tags"), models: try count("SELECT count(*) FROM models"),
                    feeds: try count("SELECT count(*) FROM feeds"), logEntries: try count("SELECT count(*) FROM session_log"),
                    unindexedTexts: try unindexedTextCount(), fileBytes: fileBytes)
            }
        }
    }

    /// `PRAGMA integrity_check`: an empty list when the file is sound, else SQLite's findings (one per line).
    public func check() throws -> [String] {
        try locked {
            do {
                let s = try connection.prepare("PRAGMA integrity_check")
                var lines: [String] = []
                while try s.step() { if let line = s.text(0), line != "ok" { lines.append(line) } }
                return lines
            } catch { throw ArchiveError.from(error, path: path, connection: connection) }
        }
    }

    /// Copies the write-ahead log into the file (SQLite also does this on its own as the log grows).
    public func checkpoint() throws {
        try locked {
            do { try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") } catch { throw ArchiveError.from(error, path: path, connection: connection) }
        }
    }
}
