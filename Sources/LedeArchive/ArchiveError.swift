import CSQLite
import Foundation

/// Why the archive refused or failed: each is one line naming the file (or the query) and what is wrong.
/// After any of them the archive on disk is as it was before the call (a failed batch is rolled back).
public enum ArchiveError: Error, Equatable, CustomStringConvertible, Sendable {
    case notFound(path: String)
    case notAnArchive(path: String, reason: String)
    case truncated(path: String, expected: Int, actual: Int)
    case damaged(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case busy(path: String)
    case full(path: String, reason: String)
    case readOnly(path: String)
    case badQuery(query: String, reason: String)
    case unknownArticle(path: String, id: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let p): return "archive \(p) does not exist"
        case .notAnArchive(let p, let why): return "\(p) is not a lede archive (\(why)); not opened, nothing changed"
        case .truncated(let p, let expected, let actual):
            return "archive \(p) is truncated (its header says \(expected) bytes, the file has \(actual)); not opened, nothing changed"
        case .damaged(let p, let why): return "archive \(p) is damaged (\(why)); not opened, nothing changed"
        case .newerSchema(let p, let found, let supported):
            return "archive \(p) was written by a newer lede (schema \(found); this lede reads up to \(supported)); not opened, nothing changed"
        case .busy(let p): return "archive \(p) is busy (another process is writing to it); nothing stored, try again"
        case .full(let p, let why): return "archive \(p): \(why); the last batch was not stored, the archive is intact"
        case .readOnly(let p): return "archive \(p) is read-only here; nothing stored"
        case .badQuery(let q, let why): return "search: cannot read the query '\(q)' (\(why))"
        case .unknownArticle(let p, let id): return "archive \(p) has no article \(id)"
        case .failed(let p, let why): return "archive \(p): \(why)"
        }
    }

    /// The archive error for an SQLite failure on `path`. `errno` is the system error behind an I/O failure
    /// (a write refused for a full disk or a file size limit reads as such, not as a generic I/O error).
    static func from(_ error: Error, path: String, connection: SQLiteConnection? = nil) -> ArchiveError {
        if let e = error as? ArchiveError { return e }
        guard let e = error as? SQLiteError else { return .failed(path: path, reason: "\(error)") }
        let systemErrno = connection.map { sqlite3_system_errno($0.handle) } ?? 0
        switch e.primary {
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy(path: path)
        case SQLITE_FULL: return .full(path: path, reason: "the disk is full")
        case SQLITE_CORRUPT: return .damaged(path: path, reason: e.message)
        case SQLITE_NOTADB: return .notAnArchive(path: path, reason: "not an SQLite database")
        case SQLITE_READONLY: return .readOnly(path: path)
        case SQLITE_IOERR:
            if systemErrno == EFBIG { return .full(path: path, reason: "the file size limit was reached") }
            if systemErrno == ENOSPC { return .full(path: path, reason: "the disk is full") }
            return .failed(path: path, reason: "\(e.message)\(systemErrno != 0 ? " (\(String(cString: strerror(systemErrno))))" : "")")
        default: return .failed(path: path, reason: e.message)
        }
    }
}
