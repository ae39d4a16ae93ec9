import Foundation
import LedeArticles
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see the old content or the new, never a half-written one: a temporary file in the
/// same folder, fsync, rename. The temporary name is unpredictable and created with O_EXCL|O_NOFOLLOW, so a link
/// planted there cannot redirect the write; it carries the writer's process id, so a later save removes what a
/// killed writer left. Only regular files are replaced: a device, FIFO, folder or symbolic link is refused.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, removingStale: Bool = true) throws {
        // A file replaced keeps its mode; a new one gets 0644 less the umask.
        var replacedMode: mode_t?
        var existing = Glibc.stat()
        if RawPath.lstat(path, &existing) == 0 {
            if let kind = kind(of: existing.st_mode) { throw SessionFileError.write(path, "is \(kind), not a regular file; left as it is") }
            replacedMode = existing.st_mode & 0o7777
        }
        let folder = RawPath.folder(of: path)
        let name = RawPath.lastComponent(of: path)
        if removingStale { removeStaleTemporaries(in: folder, for: name) }
        var fd: Int32 = -1
        var tmp = ""
        for _ in 0..<8 {
            tmp = RawPath.join(folder, temporaryName(for: name))
            fd = RawPath.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, replacedMode == nil ? 0o644 : 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw SessionFileError.write(path, String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = n < 0 ? errno : ENOSPC; break }
                offset += n
            }
        }
        if failure == 0, let replacedMode, fchmod(fd, replacedMode) != 0 { failure = errno }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        close(fd)
        guard failure == 0 else { RawPath.unlink(tmp); throw SessionFileError.write(path, String(cString: strerror(failure))) }
        guard RawPath.rename(tmp, path) == 0 else {
            let e = errno; RawPath.unlink(tmp)
            throw SessionFileError.write(path, String(cString: strerror(e)))
        }
        // The rename itself reaches the disk with the folder.
        let dirFD = RawPath.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        if dirFD >= 0 { _ = fsync(dirFD); close(dirFD) }
    }

    /// What a non-regular file is, for the refusal; nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "a special file"
        }
    }

    static let temporaryMarker = ".tmp-"

    /// `.NAME.tmp-PID-RANDOM`: hidden, beside its target, the writer named.
    static func temporaryName(for name: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF, radix: 36)
        return "." + name + temporaryMarker + "\(getpid())-" + random
    }

    /// Removes temporary files that writers killed mid-write left in `folder` (for `name` only, or for any name):
    /// regular files of this user whose writer process no longer exists. A live writer's file is never touched.
    public static func removeStaleTemporaries(in folder: String, for name: String? = nil) {
        guard let stream = RawPath.opendir(folder) else { return }
        defer { closedir(stream) }
        let prefix = name.map { "." + $0 + temporaryMarker }
        while let entry = readdir(stream) {
            let entryName = RawPath.name(of: entry)
            guard entryName.hasPrefix("."), let marker = entryName.range(of: temporaryMarker, options: .backwards) else { continue }
            if let prefix, !entryName.hasPrefix(prefix) { continue }
            let tail = entryName[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
            guard tail.count == 2, let pid = pid_t(tail[0]), pid > 0, !tail[1].isEmpty,
                  tail[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { continue }
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
            let path = RawPath.join(folder, entryName)
            var info = Glibc.stat()
            guard RawPath.lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid() else { continue }
            RawPath.unlink(path)
        }
    }
}
