import CSQLite
import Foundation
import LedeArticles

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
        case .full(let p, let why): return "archive \(p): \(why); the last change was not stored, the archive is intact"
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
        let systemErrno = connection.flatMap { $0.isOpen ? sqlite3_system_errno($0.handle) : nil } ?? 0
        switch e.primary {
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy(path: path)
        case SQLITE_FULL: return .full(path: path, reason: "the disk is full")
        case SQLITE_CORRUPT: return .damaged(path: path, reason: e.message)
        case SQLITE_NOTADB: return .notAnArchive(path: path, reason: "not an SQLite database")
        case SQLITE_READONLY: return .readOnly(path: path)
        case SQLITE_IOERR:
            // SQLite reports a write refused for lack of room (ENOSPC, or EFBIG past a file size limit) as a
            // generic write error, and its saved errno may be another call's by now: look at the limits instead.
            if systemErrno == EFBIG || ArchiveError.nearFileSizeLimit(path) { return .full(path: path, reason: "the file size limit was reached") }
            if systemErrno == ENOSPC || ArchiveError.diskIsFull(path) { return .full(path: path, reason: "the disk is full") }
            return .failed(path: path, reason: "\(e.message)\(systemErrno != 0 ? " (\(String(cString: strerror(systemErrno))))" : "")")
        default: return .failed(path: path, reason: e.message)
        }
    }

    /// Whether the process has a file size limit that the archive or its log is within a megabyte of.
    static func nearFileSizeLimit(_ path: String) -> Bool {
        var limit = rlimit()
        #if canImport(Glibc)
        guard getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 else { return false }
        #else
        guard getrlimit(RLIMIT_FSIZE, &limit) == 0 else { return false }
        #endif
        guard limit.rlim_cur != rlim_t.max else { return false }
        var st = stat()
        let largest = ["", "-wal"].map { stat(path + $0, &st) == 0 ? UInt64(st.st_size) : 0 }.max() ?? 0
        return largest + (1 << 20) >= UInt64(limit.rlim_cur)
    }

    /// Whether the file system holding the archive has (almost) no room left for this user.
    static func diskIsFull(_ path: String) -> Bool {
        var fs = statvfs()
        let folder = RawPath.parent(of: path)
        guard statvfs(folder.isEmpty ? "." : folder, &fs) == 0 else { return false }
        return UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < 1 << 20
    }
}
