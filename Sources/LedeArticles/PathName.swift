/// File-name pieces taken from a path's UTF-8 bytes: `NSString`'s path methods bridge and normalise the whole
/// path on every call, which showed in the profile of loading tens of thousands of files.
enum PathName {
    /// The last component ("a/b/README.TXT" → "README.TXT"); trailing slashes are ignored.
    static func lastComponent(_ path: String) -> Substring {
        let u = path.utf8
        var end = u.endIndex
        while end > u.index(after: u.startIndex), u[u.index(before: end)] == UInt8(ascii: "/") { end = u.index(before: end) }
        var start = end
        while start > u.startIndex, u[u.index(before: start)] != UInt8(ascii: "/") { start = u.index(before: start) }
        return path[start..<end]
    }

    /// Where the name's extension dot is, if it has one (a leading dot, as in ".bashrc", is part of the name).
    private static func extensionDot(_ name: Substring) -> Substring.Index? {
        let u = name.utf8
        guard let dot = u.lastIndex(of: UInt8(ascii: ".")), dot != u.startIndex else { return nil }
        return dot
    }

    /// The name's extension without the dot, lower-cased ("page.HTML" → "html"); "" when there is none.
    static func lowercasedExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = extensionDot(name) else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    /// The path without its last extension ("a/page.html.gz" → "a/page.html").
    static func deletingExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = extensionDot(name) else { return path }
        return String(path[..<dot])
    }

    /// The name without its last extension, lower-cased ("README.TXT" → "readme").
    static func lowercasedBaseName(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = extensionDot(name) else { return name.lowercased() }
        return name[..<dot].lowercased()
    }
}
