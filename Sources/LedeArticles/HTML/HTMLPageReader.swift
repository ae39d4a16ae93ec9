import CLibXML2
import LedeText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads an HTML page in one parse: the metadata reader and the content collector both see each event.
final class HTMLPageReader: HTMLEventSink {
    var metadata = HTMLMetadataReader()
    var collector = HTMLContentExtractor.Collector()
    /// Set when the bytes were not valid UTF-8 in a page that declared (or defaulted to) UTF-8.
    var warnings: [String] = []

    /// Valid UTF-8 is read as UTF-8 whatever the page declares (a BOM is skipped; script and style contents are
    /// dropped first, see `RawTextElider`); otherwise the charset the server declared (`Content-Type`, passed as
    /// `declaredCharset`) is honoured, then the page's `<meta charset>`, and a page with no declaration is read as
    /// windows-1252 (the web's default). Bytes that are invalid in the charset become U+FFFD, with a warning (a
    /// legacy charset is converted here, `CharsetTranscoder`). Nil when libxml2 cannot read the bytes at all.
    static func read(_ data: Data, declaredCharset: String? = nil) -> HTMLPageReader? {
        data.withUnsafeBytes { raw -> HTMLPageReader? in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            // Validated in place: `String(validating:)` would copy every page into a String only to drop it.
            if (try? UTF8Span(validating: Span(_unsafeElements: bytes))) != nil {
                if let elided = RawTextElider.elide(bytes) {
                    return elided.withUnsafeBufferPointer { parse($0, encoding: "UTF-8", ignoreDeclared: true)?.reader }
                }
                return parse(bytes, encoding: "UTF-8", ignoreDeclared: true)?.reader
            }
            // The transport's charset outranks the page's own declaration (the HTML standard's encoding sniffing).
            let header = declaredCharset?.lowercased()
            // A legacy charset: converted to UTF-8 here, each invalid byte replaced, then read as UTF-8.
            func transcoded(_ charset: String) -> HTMLPageReader? {
                guard let (utf8, replaced) = CharsetTranscoder.utf8(from: bytes, charset: charset) else { return nil }
                let reader = utf8.withUnsafeBufferPointer { parse($0, encoding: "UTF-8", ignoreDeclared: true)?.reader }
                if replaced > 0 {
                    reader?.warnings.append("invalid \(charset): \(replaced) byte sequence\(replaced == 1 ? "" : "s") replaced with U+FFFD")
                }
                return reader
            }
            if let header, header != "utf-8", header != "utf8" {
                if let reader = transcoded(header) ?? parse(bytes, encoding: header, ignoreDeclared: true)?.reader { return reader }
            }
            guard let first = parse(bytes, encoding: nil, ignoreDeclared: false) else { return nil }
            switch header ?? first.declaredEncoding?.lowercased() ?? CharsetTranscoder.xmlDeclaredEncoding(bytes) {
            case nil:
                return transcoded("windows-1252") ?? parse(bytes, encoding: "windows-1252", ignoreDeclared: true)?.reader
            // A page that says UTF-16 in ASCII-compatible bytes is UTF-8 (the HTML standard says so of a <meta>).
            case "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be":
                let (text, warnings) = TextDecoder.decode(Data(buffer: bytes))
                var repairedText = text
                let repaired = repairedText.withUTF8 { parse($0, encoding: "UTF-8", ignoreDeclared: true)?.reader }
                repaired?.warnings = warnings
                return repaired
            case let declared?:
                return transcoded(declared) ?? first.reader
            }
        }
    }

    /// One parse into a fresh reader.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?,
                              ignoreDeclared: Bool) -> (reader: HTMLPageReader, declaredEncoding: String?)? {
        let reader = HTMLPageReader()
        let result = HTMLEventParser.parse(bytes, encoding: encoding, ignoreDeclared: ignoreDeclared, into: reader)
        guard result.parsed else { return nil }
        reader.collector.flush()
        return (reader, result.declaredEncoding)
    }

    /// What each open element captures for the metadata reader (a <title>'s or a JSON-LD <script>'s text).
    private var open: [HTMLTextCapture] = []
    private var capturing = 0
    private var captured: [UInt8] = []

    func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: HTMLAttributes) {
        let tag = HTMLTagName.lowercased(name)
        let capture = metadata.start(tag: tag, attributes: attributes)
        if capture != .none {
            if capturing == 0 { captured.removeAll(keepingCapacity: true) }
            capturing += 1
        }
        open.append(capture)
        collector.startElement(tag: tag, attributes: attributes)
    }

    func endElement() {
        if let capture = open.popLast(), capture != .none {
            capturing -= 1
            if capture == .title { metadata.endTitle(captured) } else { metadata.endJSONLD(captured) }
        }
        collector.endElement()
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capturing > 0 { captured.append(contentsOf: bytes) }
        collector.text(bytes)
    }
}
