import Foundation
import LedeText
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file with POSIX open/fstat/read into one buffer: no Foundation attribute dictionary and no
/// intermediate copy (the loader reads tens of thousands of small files).
enum FileBytes {
    enum Failure: Error { case tooLarge(Int), unreadable(String), needsMemory(String) }

    /// What a non-regular file is ("a folder", "a FIFO", …), or nil for a regular file.
    static func irregularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "a special file"
        }
    }

    static func read(_ path: String, limit: Int, memory: MemoryBudget = MemoryBudget()) -> Result<Data, Failure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on what was opened, so a
        // path swapped between a check and the open cannot slip a device or pipe in.
        let fd = RawPath.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if let kind = FileBytes.irregularKind(info.st_mode) { return .failure(.unreadable("is \(kind), not a regular file")) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        if let refusal = memory.refusal(forFileOf: size) { return .failure(.needsMemory(refusal)) }
        // Read into a malloc'd buffer that Data then owns: `Data(count:)` would zero every byte first.
        guard let base = malloc(max(1, size)) else { return .failure(.unreadable("out of memory")) }
        var filled = 0
        while filled < size {
            // A large file is read 32 MB at a time, so Ctrl-C stops it between pieces.
            if filled > 0 && Cancellation.isRequested { free(base); return .failure(.unreadable("cancelled")) }
            let n = Glibc.read(fd, base + filled, min(size - filled, 32 << 20))
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                free(base)
                return .failure(.unreadable(reason))
            }
            if n == 0 { break }          // the file shrank while we read it
            filled += n
        }
        var data = Data(bytesNoCopy: base, count: filled, deallocator: .free)
        // Files that report no size (e.g. /proc, pipes) are read to their end in pieces.
        if size == 0 {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; return .failure(.unreadable(String(cString: strerror(errno)))) }
                if n == 0 { break }
                data.append(contentsOf: chunk[0..<n])
                if data.count > limit { return .failure(.tooLarge(data.count)) }
            }
        }
        return .success(data)
    }
}
