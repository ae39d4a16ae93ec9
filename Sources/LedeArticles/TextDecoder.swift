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

    /// Whether the bytes are well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or values past U+10FFFF),
    /// checked without making a String. ASCII runs go eight bytes at a time.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let lead = base[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i + length <= n else { return false }
            let second = base[i + 1]
            guard second >= low && second <= high else { return false }
            for k in 2..<max(2, length) where base[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
