import Foundation
import LedeArticles

/// Writes a file so that readers see the old content or the new, never a half-written one.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let tmp = (dir as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SessionFileError.write(path, String(cString: strerror(errno))) }
        // A replaced file keeps its permissions (a private file stays private).
        var existing = stat()
        if stat(path, &existing) == 0 { _ = fchmod(fd, existing.st_mode & 0o7777) }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { ok = false; break }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        let err = errno
        close(fd)
        guard ok else { unlink(tmp); throw SessionFileError.write(path, String(cString: strerror(err))) }
        guard rename(tmp, path) == 0 else {
            let e = errno; unlink(tmp)
            throw SessionFileError.write(path, String(cString: strerror(e)))
        }
    }
}
