import Foundation

/// A `Content-Type` value: `type/subtype` lower-cased and its `charset` parameter (RFC 9110 §8.3).
struct MediaType: Equatable {
    var essence: String
    var charset: String?

    init?(_ header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let essence = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
        guard !essence.isEmpty else { return nil }
        self.essence = essence
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if !value.isEmpty { charset = value }
        }
    }

    /// Whether a body of this type is what `kind` asks for. Pages take HTML, XHTML and plain text; feeds take XML,
    /// JSON and text (feeds are often served as `text/html` or `application/octet-stream`); robots.txt takes text.
    func isAccepted(for kind: FetchKind) -> Bool {
        let (type, subtype) = split
        switch kind {
        case .page:
            return essence == "text/html" || essence == "application/xhtml+xml" || essence == "text/plain"
        case .feed:
            if type == "text" { return true }
            return subtype.hasSuffix("xml") || subtype.hasSuffix("+xml") || subtype.hasSuffix("json")
                || essence == "application/octet-stream"
        case .robots:
            return !MediaType.mediaTypes.contains(type) && essence != "application/pdf"
        }
    }

    private var split: (Substring, Substring) {
        let pair = essence.split(separator: "/", maxSplits: 1)
        return (pair.first ?? "", pair.count > 1 ? pair[1] : "")
    }

    private static let mediaTypes: Set<Substring> = ["image", "audio", "video", "font", "model"]

    /// The type of a body sent without `Content-Type` (or as `application/octet-stream`), from its first bytes,
    /// when it is a binary format lede does not read; nil otherwise.
    static func sniffBinary(_ start: UnsafeRawBufferPointer) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { start.count >= magic.count && zip(start, magic).allSatisfy { $0 == $1 } }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)), start.count >= 12, Array(start[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "application/zip" }
        return nil
    }
}
