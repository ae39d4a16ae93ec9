import Foundation

/// The key the archive files a loaded file under: its absolute path, made lexically (`.` and `..` folded,
/// repeated slashes joined; symbolic links are not resolved, which would cost system calls per file), so the
/// same file loaded from another folder is still the same source.
enum SourcePath {
    static func currentDirectory() -> String { FileManager.default.currentDirectoryPath }

    static func absolute(_ path: String, from directory: String) -> String {
        if path.isEmpty { return path }
        // URLs are kept as they are.
        if path.contains("://") { return path }
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `path` is already absolute and normal, so `absolute` would return it unchanged (the common case:
    /// tens of thousands of paths under one folder skip the split and join).
    static func isNormal(_ path: String) -> Bool {
        var previous: UInt8 = 0
        var segmentStart = true
        var dots = 0
        guard path.utf8.first == UInt8(ascii: "/") else { return false }
        for b in path.utf8 {
            if b == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") { return false }
                if segmentStart == false, dots > 0, dots <= 2 { return false }
                segmentStart = true
                dots = 0
            } else {
                if b == UInt8(ascii: ".") { if segmentStart || dots > 0 { dots += 1 } } else { dots = -1 }
                segmentStart = false
            }
            previous = b
        }
        if dots > 0, dots <= 2 { return false }
        return !(path.count > 1 && previous == UInt8(ascii: "/"))
    }

    static func key(_ path: String, from directory: String) -> String {
        isNormal(path) ? path : absolute(path, from: directory)
    }
}
