import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a page in a legacy charset into UTF-8 with iconv, each byte sequence that is invalid in the charset
/// becoming U+FFFD. libxml2's own conversion stops at the first such sequence — the rest of the page is lost,
/// so a page with one bad byte had "no article text" — and reports it on stderr.
enum CharsetTranscoder {
    /// The UTF-8 bytes and how many sequences were replaced; nil when iconv does not know `charset`.
    static func utf8(from bytes: UnsafeBufferPointer<UInt8>, charset: String) -> (utf8: [UInt8], replaced: Int)? {
        guard let converter = iconv_open("UTF-8", charset), Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return ([], 0) }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        var inputLeft = bytes.count
        var replaced = 0
        // Converts what it can into `chunk`, appends it; returns iconv's result and errno.
        func step(flushing: Bool) -> (result: Int, error: Int32) {
            chunk.withUnsafeMutableBytes { raw in
                var output: UnsafeMutablePointer<CChar>? = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outputLeft = raw.count
                let result = flushing ? iconv(converter, nil, nil, &output, &outputLeft)
                    : iconv(converter, &input, &inputLeft, &output, &outputLeft)
                let error = errno
                out.append(contentsOf: raw.bindMemory(to: UInt8.self).prefix(raw.count - outputLeft))
                return (result, error)
            }
        }
        while inputLeft > 0 {
            let (result, error) = step(flushing: false)
            if result != -1 || error == E2BIG { continue }
            // EILSEQ (invalid here), EINVAL (cut short at the end) or anything else: one byte replaced, then on.
            out.append(contentsOf: replacement)
            replaced += 1
            input = input.map { $0 + 1 }
            inputLeft -= 1
        }
        // A stateful charset (ISO-2022-JP) may have a shift sequence to write at the end.
        _ = step(flushing: true)
        blankXMLDeclaration(&out)
        return (out, replaced)
    }

    /// The encoding an XML declaration at the start of the page names, lower-cased, if any.
    static func xmlDeclaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = Array(bytes.prefix(512))
        var start = 0
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        guard head.count - start >= 5, head[start..<start + 5].elementsEqual("<?xml".utf8),
              let end = head[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[start..<end], as: UTF8.self).lowercased()
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        return name.isEmpty || name.count > 40 ? nil : String(name)
    }

    /// Blanks an XML declaration (`<?xml version="1.0" encoding="EUC-JP"?>`) at the start of converted bytes: its
    /// encoding no longer holds, and libxml2 would switch to it mid-page.
    static func blankXMLDeclaration(_ utf8: inout [UInt8]) {
        var start = 0
        while start < utf8.count, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[start]) { start += 1 }
        guard utf8.count - start >= 5, utf8[start..<start + 5].elementsEqual("<?xml".utf8),
              let end = utf8[start...].prefix(512).firstIndex(of: UInt8(ascii: ">")) else { return }
        for k in start...end { utf8[k] = 0x20 }
    }
}
