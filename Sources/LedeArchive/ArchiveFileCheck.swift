import Foundation

/// Looks at a file before SQLite opens it: an archive must start with SQLite's 100-byte header, and be as
/// long as that header says (a truncated copy is refused here, before anything reads past its end).
enum ArchiveFileCheck {
    enum Finding { case missing, sqlite }

    static let magic = Array("SQLite format 3\u{0}".utf8)

    static func inspect(_ path: String) throws -> Finding {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT { return .missing }
            throw ArchiveError.failed(path: path, reason: String(cString: strerror(errno)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ArchiveError.notAnArchive(path: path, reason: "it is a folder") }
        let size = Int(st.st_size)
        if size == 0 { throw ArchiveError.notAnArchive(path: path, reason: "the file is empty") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError.failed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let n = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        guard n >= 16, Array(header[0..<16]) == magic else {
            throw ArchiveError.notAnArchive(path: path, reason: "not an SQLite file")
        }
        guard n == 100 else { throw ArchiveError.truncated(path: path, expected: 100, actual: size) }
        func be32(_ at: Int) -> Int { header[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        // SQLite's pages are a power of two from 512 to 65536 bytes; anything else is damage (and 0 would divide).
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
            throw ArchiveError.notAnArchive(path: path, reason: "its header gives an impossible page size (\(rawPageSize))")
        }
        let pages = be32(28)
        // The page count is valid when its "version-valid-for" matches the change counter. A write-ahead log
        // that is not empty may legitimately hold pages past the file's end (a checkpoint cut short).
        var walInfo = stat()
        let walHasFrames = stat(path + "-wal", &walInfo) == 0 && walInfo.st_size > 32
        if pages > 0, be32(92) == be32(24), !walHasFrames, pages * pageSize > size {
            throw ArchiveError.truncated(path: path, expected: pages * pageSize, actual: size)
        }
        if size % pageSize != 0, !walHasFrames {
            throw ArchiveError.truncated(path: path, expected: (size / pageSize + 1) * pageSize, actual: size)
        }
        return .sqlite
    }
}
