import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File names are bytes, not always UTF-8. A name read from the file system keeps each byte that is not valid UTF-8
/// as a private-use character (U+10FE80 + byte − 0x80), and turns back into the same bytes when the file is
/// opened, so a file called `caf\xE9.txt` loads instead of failing with "No such file". A name that already
/// holds one of those private characters escapes its own bytes the same way, so the mapping is exact both ways.
public enum RawPath {
    /// The folder part of a path, as `NSString.deletingLastPathComponent` gives it ("a/b" → "a", "/a" → "/",
    /// "a" → "", trailing slashes ignored). Not that function: in this Foundation it traps on a one-character
    /// name, so `list > x` ended the session.
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var parent = trimmed[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return parent.isEmpty ? "/" : String(parent)
    }

    /// The last part of a path ("a/b.txt" → "b.txt", "a/b/" → "b", "/" → "/"), as `lastPathComponent` gives it;
    /// that one traps on some paths a user can type ("a//é").
    public static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The extension of the last part, without its dot ("x.tar.gz" → "gz"; none for ".hidden" or "a."), as
    /// `pathExtension` gives it (which traps where `lastPathComponent` does).
    public static func pathExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The path without the last part's extension ("dir/x.tar.gz" → "dir/x.tar", "a." → "a"; ".hidden" stays), as
    /// `deletingPathExtension` gives it.
    public static func deletingExtension(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let name = lastComponent(of: String(trimmed))
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(trimmed) }
        return String(trimmed.dropLast(name.distance(from: dot, to: name.endIndex)))
    }

    static let escapeBase: UInt32 = 0x10FE00
    static let escapeRange: ClosedRange<UInt32> = 0x10FE80...0x10FEFF

    /// A NUL-terminated name or path from the system, as a String that `withCString` turns back into its bytes.
    /// A directory entry's name, read in place: copying `d_name` (a 256-byte array) reads past the end of a
    /// short entry, which readdir may pack tightly (AddressSanitizer found it).
    public static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return decode(UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }

    public static func decode(_ cString: UnsafePointer<CChar>) -> String {
        let length = strlen(cString)
        return cString.withMemoryRebound(to: UInt8.self, capacity: length) {
            decode(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // 0xF4 starts every escape character: without it, valid UTF-8 is taken as it is.
        if !bytes.contains(0xF4), let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let (scalar, length) = decodeOne(bytes, at: i)
            if let scalar, !escapeRange.contains(scalar.value) {
                scalars.append(scalar)
            } else {
                for k in i..<(i + length) { scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[k]))!) }
            }
            i += length
        }
        return String(scalars)
    }

    /// One UTF-8 sequence at `i`: the scalar and its length, or nil and 1 for a byte that starts no valid sequence.
    private static func decodeOne(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar?, Int) {
        let lead = b[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard i + length <= b.count else { return (nil, 1) }
        for k in 1..<length {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }

    /// The path's bytes as the system knows them, NUL-terminated, for the time of `body`.
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        guard path.utf8.contains(0xF4) else { return try path.withCString(body) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 1)
        for u in path.unicodeScalars {
            if escapeRange.contains(u.value) { bytes.append(UInt8(u.value - escapeBase)) } else { bytes.append(contentsOf: String(u).utf8) }
        }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try $0.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) } }
    }

    /// True when the name holds bytes that were not valid UTF-8.
    public static func hasEscapes(_ path: String) -> Bool {
        path.utf8.contains(0xF4) && path.unicodeScalars.contains { escapeRange.contains($0.value) }
    }

    // MARK: system calls on such paths

    /// A regular file's bytes, up to `limit` (nil when it cannot be read, is larger, or is a FIFO, device or folder).
    public static func contents(of path: String, limit: Int = 4095 << 20) -> Data? {
        if case .success(let data) = FileBytes.read(path, limit: limit) { return data }
        return nil
    }

    public static func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        withCString(path) { Glibc.open($0, flags, mode) }
    }

    public static func stat(_ path: String, _ info: inout Glibc.stat) -> Int32 {
        withCString(path) { systemStat($0, &info) }
    }

    public static func lstat(_ path: String, _ info: inout Glibc.stat) -> Int32 {
        withCString(path) { systemLstat($0, &info) }
    }

    @discardableResult
    public static func unlink(_ path: String) -> Int32 { withCString(path) { Glibc.unlink($0) } }

    public static func rename(_ from: String, _ to: String) -> Int32 {
        withCString(from) { a in withCString(to) { b in Glibc.rename(a, b) } }
    }

    public static func opendir(_ path: String) -> OpaquePointer? { withCString(path) { Glibc.opendir($0) } }

    /// The folder a path names its file in ("." for a bare name).
    public static func folder(of path: String) -> String {
        let parent = parent(of: path)
        return parent.isEmpty ? "." : parent
    }

    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

// At file scope, `stat` names the function as well as the struct.
private func systemStat(_ path: UnsafePointer<CChar>, _ info: inout stat) -> Int32 { stat(path, &info) }
private func systemLstat(_ path: UnsafePointer<CChar>, _ info: inout stat) -> Int32 { lstat(path, &info) }
