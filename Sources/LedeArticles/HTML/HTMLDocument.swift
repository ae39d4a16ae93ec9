import CLibXML2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A parsed HTML page: libxml2's HTML parser (error-tolerant, as browsers are) owns the tree; this wrapper
/// frees it and offers the few read-only accessors the extractor needs.
final class HTMLDocument {
    let doc: htmlDocPtr
    /// Set when the bytes were not valid UTF-8 in a page that declared (or defaulted to) UTF-8.
    var warnings: [String] = []

    private init(doc: htmlDocPtr) { self.doc = doc }
    deinit { xmlFreeDoc(doc) }

    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Valid UTF-8 is read as UTF-8 whatever the page declares (a BOM is skipped); otherwise the page's
    /// `<meta charset>` is honoured, and a page with no declaration is read as windows-1252 (the web's default).
    /// Bytes that are invalid in a page declaring UTF-8 become U+FFFD, with a warning.
    static func parse(_ data: Data) -> HTMLDocument? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Validated in place: `String(validating:)` would copy every page into a String only to drop it.
        if (try? UTF8Span(validating: bytes.span)) != nil {
            return read(bytes, encoding: "UTF-8", ignoreDeclared: true)
        }
        guard let first = read(bytes, encoding: nil, ignoreDeclared: false) else { return nil }
        let declared = first.doc.pointee.encoding.map { String(cString: $0).lowercased() }
        if declared == nil {
            return read(bytes, encoding: "windows-1252", ignoreDeclared: true)
        }
        if declared == "utf-8" || declared == "utf8" {
            let (text, warnings) = TextDecoder.decode(Data(bytes))
            let repaired = read(Array(text.utf8), encoding: "UTF-8", ignoreDeclared: true)
            repaired?.warnings = warnings
            return repaired
        }
        return first
    }

    private static func read(_ bytes: [UInt8], encoding: String?, ignoreDeclared: Bool) -> HTMLDocument? {
        let options = parseOptions | (ignoreDeclared ? Int32(HTML_PARSE_IGNORE_ENC.rawValue) : 0)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(buffer.count), nil, encoding, options)
            }
        }
        return doc.map(HTMLDocument.init)
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }
}

/// Decompresses gzip files through libxml2's own input layer (it is built with zlib), so lede needs no
/// extra system library. Returns nil when the file cannot be read.
enum Gzip {
    static func isGzip(_ data: Data) -> Bool { data.count > 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B }

    static func decompress(path: String, limit: Int) -> Data? {
        guard let input = xmlParserInputBufferCreateFilename(path, XML_CHAR_ENCODING_NONE) else { return nil }
        defer { xmlFreeParserInputBuffer(input) }
        while true {
            let n = xmlParserInputBufferGrow(input, 1 << 16)
            if n < 0 { return nil }
            if n == 0 { break }
            if Int(xmlBufUse(input.pointee.buffer)) > limit { break }
        }
        guard let buf = input.pointee.buffer, let content = xmlBufContent(buf) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufUse(buf)))
    }
}

/// Read-only helpers over libxml2 nodes.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// Lower-case tag name (libxml2's HTML parser already lower-cases known tags, so lowercasing — a
    /// Unicode-aware String operation — runs only for names that hold an upper-case ASCII letter or non-ASCII).
    var tagName: String {
        guard let n = pointee.name else { return "" }
        var p = n
        var needsLowercasing = false
        while p.pointee != 0 {
            if (p.pointee >= 0x41 && p.pointee <= 0x5A) || p.pointee >= 0x80 { needsLowercasing = true; break }
            p += 1
        }
        let name = String(cString: n)
        return needsLowercasing ? name.lowercased() : name
    }

    /// The attribute node named `name` (ASCII case-insensitive), without building its value.
    func attributeNode(_ name: String) -> xmlAttrPtr? {
        var attr = pointee.properties
        while let a = attr {
            if let n = a.pointee.name, n.withMemoryRebound(to: CChar.self, capacity: 1, { strcasecmp($0, name) == 0 }) {
                return a
            }
            attr = a.pointee.next
        }
        return nil
    }

    func hasAttribute(_ name: String) -> Bool { attributeNode(name) != nil }

    func attribute(_ name: String) -> String? {
        guard let a = attributeNode(name) else { return nil }
        var value = ""
        var child = a.pointee.children
        while let c = child {
            if let content = c.pointee.content { value += String(cString: content) }
            child = c.pointee.next
        }
        return value
    }

    /// The attribute's value as raw UTF-8 bytes (what libxml2 holds), for byte-level matching in hot loops.
    func attributeBytes(_ name: String) -> [UInt8]? {
        guard let a = attributeNode(name) else { return nil }
        var value: [UInt8] = []
        var child = a.pointee.children
        while let c = child {
            if let content = c.pointee.content {
                value.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
            }
            child = c.pointee.next
        }
        return value
    }

    var children: NodeSequence { NodeSequence(first: pointee.children) }

    /// All text below this node, in document order.
    var textContent: String {
        if isText { return pointee.content.map { String(cString: $0) } ?? "" }
        var out = ""
        for c in children { out += c.textContent }
        return out
    }
}

struct NodeSequence: Sequence, IteratorProtocol {
    var current: xmlNodePtr?
    init(first: xmlNodePtr?) { current = first }
    mutating func next() -> xmlNodePtr? {
        guard let c = current else { return nil }
        current = c.pointee.next
        return c
    }
}

/// Substring search on UTF-8 bytes (Foundation's `contains` goes through NSString, far slower in hot loops).
func bytesContain<Haystack: RandomAccessCollection>(_ haystack: Haystack, _ needle: [UInt8]) -> Bool
    where Haystack.Element == UInt8, Haystack.Index == Int {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    let first = needle[0]
    var i = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while i <= last {
        if haystack[i] == first {
            var k = 1
            while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        i += 1
    }
    return false
}
