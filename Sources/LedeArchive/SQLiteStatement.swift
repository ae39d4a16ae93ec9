import CSQLite
import Foundation

/// A prepared statement: typed binds (1-based, as SQLite counts) and column reads (0-based).
/// Text and blobs are bound with SQLITE_TRANSIENT (SQLite copies them), so a bound Swift value may go away
/// before the statement runs.
final class SQLiteStatement {
    private var handle: OpaquePointer?
    private unowned let connection: SQLiteConnection

    init(_ handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { finalize() }

    func finalize() {
        if let handle { sqlite3_finalize(handle) }
        handle = nil
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ i: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, i, value) } else { sqlite3_bind_null(handle, i) }
    }

    func bind(_ i: Int32, _ value: Int?) { bind(i, value.map(Int64.init)) }

    func bind(_ i: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, i, value) } else { sqlite3_bind_null(handle, i) }
    }

    func bind(_ i: Int32, _ value: String?) {
        guard var value else { sqlite3_bind_null(handle, i); return }
        value.withUTF8 { bindUTF8(i, $0) }
    }

    /// A fingerprint bound as its 32 hex digits (TEXT), without making a string of them.
    func bind(_ i: Int32, _ fingerprint: Fingerprint?) {
        guard let fingerprint else { sqlite3_bind_null(handle, i); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { hex in
            fingerprint.writeHex(into: hex.baseAddress!)
            bindUTF8(i, UnsafeBufferPointer(hex))
        }
    }

    /// UTF-8 bytes bound as TEXT.
    func bindText(_ i: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { bindUTF8(i, $0) }
    }

    private func bindUTF8(_ i: Int32, _ b: UnsafeBufferPointer<UInt8>) {
        if let base = b.baseAddress, b.count > 0 {
            sqlite3_bind_text(handle, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(b.count), SQLiteStatement.transient)
        } else {
            sqlite3_bind_text(handle, i, "", 0, SQLiteStatement.transient)
        }
    }

    func bindBlob(_ i: Int32, _ bytes: [UInt8]?) {
        guard let bytes else { sqlite3_bind_null(handle, i); return }
        bytes.withUnsafeBytes { b in
            if b.isEmpty { sqlite3_bind_zeroblob(handle, i, 0) } else {
                _ = sqlite3_bind_blob(handle, i, b.baseAddress, Int32(b.count), SQLiteStatement.transient)
            }
        }
    }

    /// Binds each value in order, from parameter 1; `nil` binds NULL.
    func bindAll(_ values: [SQLiteValue]) {
        for (k, v) in values.enumerated() {
            let i = Int32(k + 1)
            switch v {
            case .null: sqlite3_bind_null(handle, i)
            case .integer(let n): sqlite3_bind_int64(handle, i, n)
            case .real(let x): sqlite3_bind_double(handle, i, x)
            case .text(let s): bind(i, s)
            case .blob(let b): bindBlob(i, b)
            }
        }
    }

    /// Steps once: true when a row is ready, false when done. Errors carry SQLite's message.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let error = connection.lastError
        sqlite3_reset(handle)
        throw error
    }

    /// Runs a statement that returns no rows, then resets it.
    func run() throws {
        defer { sqlite3_reset(handle) }
        _ = try step()
    }

    func isNull(_ c: Int32) -> Bool { sqlite3_column_type(handle, c) == SQLITE_NULL }
    func int64(_ c: Int32) -> Int64 { sqlite3_column_int64(handle, c) }
    func int(_ c: Int32) -> Int { Int(sqlite3_column_int64(handle, c)) }
    func optionalInt(_ c: Int32) -> Int? { isNull(c) ? nil : int(c) }
    func double(_ c: Int32) -> Double { sqlite3_column_double(handle, c) }
    func optionalDouble(_ c: Int32) -> Double? { isNull(c) ? nil : double(c) }

    func text(_ c: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, c) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, c))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// A TEXT or BLOB column's bytes (empty for NULL).
    func bytes(_ c: Int32) -> [UInt8] {
        let n = Int(sqlite3_column_bytes(handle, c))
        guard n > 0, let p = sqlite3_column_blob(handle, c) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: p, count: n))
    }

    func optionalBytes(_ c: Int32) -> [UInt8]? { isNull(c) ? nil : bytes(c) }

    /// A TEXT column's bytes in place (valid until the next step or reset), nil for NULL: for a value looked up
    /// in a cache without making a String of it first.
    func withTextBytes<R>(_ c: Int32, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let p = sqlite3_column_text(handle, c) else { return body(nil) }
        return body(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, c))))
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    static func of(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
    static func of(_ n: Int?) -> SQLiteValue { n.map { .integer(Int64($0)) } ?? .null }
}
