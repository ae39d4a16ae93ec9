import CSQLite
import Foundation

/// An error from SQLite: its result code (extended) and message, before the archive turns it into one line.
struct SQLiteError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var primary: Int32 { code & 0xFF }
    var description: String { message }
}

/// One SQLite connection, used from one thread at a time (the archive serialises its calls). Statements are
/// prepared once and kept by their SQL, so a batch of inserts never re-parses SQL.
final class SQLiteConnection {
    let handle: OpaquePointer
    private var cache: [String: SQLiteStatement] = [:]
    private(set) var isOpen = true

    /// SQLite's memory statistics (on by default) take a process-wide lock on every allocation; lede reads none
    /// of them. Set once, before SQLite starts (it refuses the change afterwards, which is harmless).
    private static let configured: Void = { _ = lede_sqlite3_config_memstatus(0) }()

    init(path: String, flags: Int32) throws {
        SQLiteConnection.configured
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { close() }

    /// Finalises the statements and closes the connection; the last connection to close copies the write-ahead
    /// log into the file and removes it.
    func close() {
        guard isOpen else { return }
        isOpen = false
        for statement in cache.values { statement.finalize() }
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    var lastError: SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs SQL without results (one or more statements).
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text)
        }
    }

    /// A prepared statement for `sql`, reset and with its bindings cleared; kept for the next call.
    func statement(_ sql: String) throws -> SQLiteStatement {
        if let s = cache[sql] {
            s.reset()
            return s
        }
        let s = try prepare(sql)
        cache[sql] = s
        return s
    }

    /// A statement the caller owns (not cached): for SQL built from values, such as a search query.
    func prepare(_ sql: String) throws -> SQLiteStatement {
        var st: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &st, nil)
        guard rc == SQLITE_OK, let st else { throw lastError }
        return SQLiteStatement(st, connection: self)
    }

    /// The first column of the first row of `sql`, as an integer (a pragma or a count).
    func integer(_ sql: String) throws -> Int64? {
        let s = try statement(sql)
        defer { s.reset() }
        return try s.step() ? s.int64(0) : nil
    }

    func text(_ sql: String) throws -> String? {
        let s = try statement(sql)
        defer { s.reset() }
        return try s.step() ? s.text(0) : nil
    }

    var changes: Int { Int(sqlite3_changes(handle)) }
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Drops the cached statements (before closing, or after the schema changed).
    func clearCache() {
        for statement in cache.values { statement.finalize() }
        cache.removeAll()
    }
}
