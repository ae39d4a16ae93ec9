import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decodes bytes as UTF-8 (BOM honoured); invalid sequences become U+FFFD and a warning, never a drop.
public enum TextDecoder {
    public static func decode(_ data: Data) -> (String, [String]) {
        // Over a contiguous buffer: String's fast validating path, one copy into the string.
        let decoded: String? = data.withUnsafeBytes { raw in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            return String(validating: bytes, as: UTF8.self)
        }
        if let decoded { return (decoded, []) }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let s = String(decoding: bytes, as: UTF8.self)
        let bad = s.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        return (s, ["invalid UTF-8: \(bad) byte sequence\(bad == 1 ? "" : "s") replaced with U+FFFD"])
    }
}
