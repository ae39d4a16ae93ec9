#if canImport(Glibc)
import Glibc
#endif

/// A file or folder as the kernel knows it: the same for every path (and link) that leads to it.
struct FileID: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    /// Follows links, as opening the path would; nil when the path cannot be stat'ed.
    init?(path: String) {
        var info = stat()
        guard RawPath.stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
