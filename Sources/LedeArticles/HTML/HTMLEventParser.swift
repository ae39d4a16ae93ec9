import CLibXML2
import LedeText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
