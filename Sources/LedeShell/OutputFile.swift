import Foundation
import LedeArticles
import LedeSession
#if canImport(Glibc)
import Glibc
#endif

/// Where `> FILE` and `>> FILE` write. A regular file is replaced atomically (a temporary file beside it, fsync,
/// rename), so a full disk or a failed write leaves the old file as it was, never an empty or half-written one;
/// `>>` appends and reports a short write. Devices and pipes (`/dev/null`, `/dev/stderr`) are written directly.
/// Every failure is one line naming the file and what is wrong.
enum OutputFile {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String, append: Bool) throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue { throw WriteError(description: "\(path): is a folder") }
        let parent = RawPath.parent(of: path)
        if !exists, !parent.isEmpty, !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) {
            throw WriteError(description: "\(path): no such folder \(parent)")
        }
        // The file a symbolic link names is the one replaced, not the link.
        let target = exists ? ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
            $0.hasPrefix("/") ? $0 : (parent as NSString).appendingPathComponent($0)
        } ?? path) : path
        var info = stat()
        let regular = !exists || (stat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        if append || !regular {
            try writeDirectly(text, to: target, append: append, shownAs: path)
        } else {
            do { try AtomicFile.write(Data(text.utf8), to: target) } catch {
                throw WriteError(description: "\(error)".replacingOccurrences(of: target, with: path))
            }
        }
    }

    private static func writeDirectly(_ text: String, to path: String, append: Bool, shownAs name: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o644)
        guard fd >= 0 else { throw WriteError(description: "\(name): cannot write (\(String(cString: strerror(errno))))") }
        var failure: Int32 = 0
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = n < 0 ? errno : ENOSPC; break }
                offset += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw WriteError(description: "\(name): cannot write (\(String(cString: strerror(failure))))") }
    }
}
