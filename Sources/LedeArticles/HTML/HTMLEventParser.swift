import CLibXML2
import LedeText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What libxml2's HTML parser reports, in document order: implied and auto-closed elements included, so the
/// events are exactly those libxml2 builds its own tree from — without the cost of building and freeing one
/// (a node, name and attribute allocations per element, a text node per run: about a third of the time of
/// loading a folder of pages when the extractor walked a DOM).
protocol HTMLEventSink: AnyObject {
    func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: HTMLAttributes)
    func endElement()
    /// Text and raw-text (<script>, <style>) content; the bytes are valid during the call only.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

enum HTMLEventParser {
    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    private final class SinkBox {
        let sink: HTMLEventSink
        init(_ sink: HTMLEventSink) { self.sink = sink }
    }

    /// Parses `bytes` (in `encoding`, or as declared/detected when nil) into `sink`. Returns false when libxml2
    /// could not start, and the encoding the page declared (libxml2 records it on the small document its
    /// default start/end-document handlers keep).
    @discardableResult
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?, ignoreDeclared: Bool,
                      into sink: HTMLEventSink) -> (parsed: Bool, declaredEncoding: String?) {
        LibXML2.initialised
        guard let ctxt = htmlNewParserCtxt() else { return (false, nil) }
        defer { htmlFreeParserCtxt(ctxt) }
        guard let sax = ctxt.pointee.sax else { return (false, nil) }
        let box = SinkBox(sink)
        // The callbacks get `ctxt->userData`, which libxml2 sets to the context itself; the sink rides in the
        // context's application field.
        ctxt.pointee._private = Unmanaged.passUnretained(box).toOpaque()
        sax.pointee.startElement = { ctx, name, attributes in
            guard let name else { return }
            // Ctrl-C stops a single large page too, not only the load between files.
            if Cancellation.isRequested { xmlStopParser(ctx?.assumingMemoryBound(to: xmlParserCtxt.self)); return }
            HTMLEventParser.sink(ctx).startElement(name, HTMLAttributes(attributes))
        }
        sax.pointee.endElement = { ctx, _ in HTMLEventParser.sink(ctx).endElement() }
        sax.pointee.characters = { ctx, text, length in
            guard let text, length > 0 else { return }
            HTMLEventParser.sink(ctx).text(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.pointee.cdataBlock = sax.pointee.characters
        sax.pointee.comment = nil
        sax.pointee.processingInstruction = nil
        sax.pointee.reference = nil
        let options = parseOptions | (ignoreDeclared ? Int32(HTML_PARSE_IGNORE_ENC.rawValue) : 0)
        let doc: htmlDocPtr? = withExtendedLifetime(box) {
            bytes.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    htmlCtxtReadMemory(ctxt, $0, Int32(bytes.count), nil, encoding, options)
                }
            } ?? nil
        }
        let declared = doc?.pointee.encoding.map { String(cString: $0) }
        if let doc { xmlFreeDoc(doc) }
        return (true, declared)
    }

    @inline(__always) private static func sink(_ ctx: UnsafeMutableRawPointer?) -> HTMLEventSink {
        let ctxt = ctx!.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<SinkBox>.fromOpaque(ctxt.pointee._private!).takeUnretainedValue().sink
    }
}

/// Reads an HTML page in one parse: the metadata reader and the content collector both see each event.
final class HTMLPageReader: HTMLEventSink {
    var metadata = HTMLMetadataReader()
    var collector = HTMLContentExtractor.Collector()
    /// Set when the bytes were not valid UTF-8 in a page that declared (or defaulted to) UTF-8.
    var warnings: [String] = []

    /// Valid UTF-8 is read as UTF-8 whatever the page declares (a BOM is skipped; script and style contents are
    /// dropped first, see `RawTextElider`); otherwise the charset the server declared (`Content-Type`, passed as
    /// `declaredCharset`) is honoured, then the page's `<meta charset>`, and a page with no declaration is read as
    /// windows-1252 (the web's default). Bytes that are invalid in a page declaring UTF-8 become U+FFFD, with a
    /// warning. Nil when libxml2 cannot read the bytes at all.
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
            if let header, header != "utf-8", header != "utf8" {
                if let reader = parse(bytes, encoding: header, ignoreDeclared: true)?.reader { return reader }
            }
            guard let first = parse(bytes, encoding: nil, ignoreDeclared: false) else { return nil }
            switch header ?? first.declaredEncoding?.lowercased() {
            case nil:
                return parse(bytes, encoding: "windows-1252", ignoreDeclared: true)?.reader
            case "utf-8", "utf8":
                let (text, warnings) = TextDecoder.decode(Data(buffer: bytes))
                var repairedText = text
                let repaired = repairedText.withUTF8 { parse($0, encoding: "UTF-8", ignoreDeclared: true)?.reader }
                repaired?.warnings = warnings
                return repaired
            default:
                return first.reader
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

/// What the metadata reader wants of an element's text.
enum HTMLTextCapture { case none, title, jsonLD }

/// The attributes of a start tag as libxml2 passes them: name, value, name, value, …, NULL (a value is NULL for
/// a bare attribute such as `hidden`). Names are matched ASCII case-insensitively. The few attributes the
/// collector asks of EVERY element (class, id, style, hidden, aria-hidden, itemprop) are found in one scan;
/// their bytes point into libxml2's strings and are valid during the callback only.
struct HTMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    private(set) var classValue: UnsafePointer<xmlChar>?
    private(set) var idValue: UnsafePointer<xmlChar>?
    private(set) var styleValue: UnsafePointer<xmlChar>?
    private(set) var ariaHiddenValue: UnsafePointer<xmlChar>?
    private(set) var itempropValue: UnsafePointer<xmlChar>?
    private(set) var hasHidden = false

    init(_ pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        self.pairs = pairs
        guard let pairs else { return }
        var seen: UInt8 = 0          // a bit per common name: the first occurrence wins, as in a lookup
        var i = 0
        while let name = pairs[i] {
            let value = pairs[i + 1]
            i += 2
            let bit: UInt8
            switch HTMLAttributes.commonName(name) {
            case 1: bit = 1; if seen & bit == 0 { classValue = value }
            case 2: bit = 2; if seen & bit == 0 { idValue = value }
            case 3: bit = 4; if seen & bit == 0 { styleValue = value }
            case 4: bit = 8; hasHidden = true
            case 5: bit = 16; if seen & bit == 0 { ariaHiddenValue = value }
            case 6: bit = 32; if seen & bit == 0 { itempropValue = value }
            default: bit = 0
            }
            seen |= bit
        }
    }

    static let commonNames: [[UInt8]] = ["class", "id", "style", "hidden", "aria-hidden", "itemprop"].map { Array($0.utf8) }

    /// 1…6 for class, id, style, hidden, aria-hidden, itemprop (any ASCII case); 0 for any other name.
    @inline(__always) static func commonName(_ name: UnsafePointer<xmlChar>) -> Int {
        var length = 0
        while name[length] != 0 && length < 12 { length += 1 }
        for (k, candidate) in commonNames.enumerated() where candidate.count == length {
            var j = 0
            while j < length && (name[j] | (name[j] &- 0x41 < 26 ? 0x20 : 0)) == candidate[j] { j += 1 }
            if j == length { return k + 1 }
        }
        return 0
    }

    /// The bytes of a value pointer (nil for a bare or absent attribute).
    @inline(__always) static func bytes(_ value: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8>? {
        value.map { UnsafeBufferPointer(start: $0, count: strlen($0)) }
    }

    /// The value pointer of the attribute named `name`; `.some(nil)` for a bare attribute, nil when absent.
    private func lookup(_ name: String) -> UnsafePointer<xmlChar>?? {
        guard let pairs else { return nil }
        var i = 0
        while let n = pairs[i] {
            if n.withMemoryRebound(to: CChar.self, capacity: 1, { strcasecmp($0, name) == 0 }) { return .some(pairs[i + 1]) }
            i += 2
        }
        return nil
    }

    func hasAttribute(_ name: String) -> Bool { lookup(name) != nil }

    func attribute(_ name: String) -> String? {
        guard let value = lookup(name) else { return nil }
        return value.map { String(cString: $0) } ?? ""
    }
}

enum HTMLTagName {
    /// Lower-case tag name (libxml2's HTML parser already lower-cases tag names, so lowercasing — a Unicode-aware
    /// String operation — runs only for names holding an upper-case ASCII letter or non-ASCII).
    static func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
        var p = name
        var needsLowercasing = false
        while p.pointee != 0 {
            if (p.pointee >= 0x41 && p.pointee <= 0x5A) || p.pointee >= 0x80 { needsLowercasing = true; break }
            p += 1
        }
        let s = String(cString: name)
        return needsLowercasing ? s.lowercased() : s
    }
}
