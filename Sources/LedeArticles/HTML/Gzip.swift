import CLibXML2
import Foundation

/// Decompresses gzip files through libxml2's own input layer (it is built with zlib), so lede needs no
/// extra system library. Returns nil when the file cannot be read.
enum Gzip {
    static func isGzip(_ data: Data) -> Bool { data.count > 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B }

    static func decompress(path: String, limit: Int) -> Data? {
        LibXML2.initialised
        guard let input = RawPath.withCString(path, { xmlParserInputBufferCreateFilename($0, XML_CHAR_ENCODING_NONE) }) else { return nil }
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
