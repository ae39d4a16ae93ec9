

/// A short stable content hash (FNV-1a 64-bit, hex) — for spotting unchanged reloads, not for security.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return hex(h)
    }

    /// The same value as `of(TextNormalizer.normalise(text))`, computed in one pass over the UTF-8 bytes
    /// without building the normalised string (it runs for every article at load time).
    public static func ofNormalised(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { ofNormalised(utf8: $0) }
    }

    /// `ofNormalised` over UTF-8 bytes.
    public static func ofNormalised(utf8 u: UnsafeBufferPointer<UInt8>) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        var pendingSpace = false
        var started = false
        @inline(__always) func feed(_ b: UInt8) {
            if pendingSpace { h = (h ^ 0x20) &* 0x100000001b3; pendingSpace = false }
            h = (h ^ UInt64(b)) &* 0x100000001b3
            started = true
        }
        do {
            let n = u.count
            var i = 0
            while i < n {
                let b = u[i]
                if b < 0x80 {
                    switch b {
                    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: pendingSpace = started
                    default: feed(b)
                    }
                    i += 1
                    continue
                }
                // Multi-byte: decode the scalar and apply the same folding as `TextNormalizer.normalise`.
                let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                var v: UInt32 = len == 1 ? UInt32(b) : UInt32(b) & (0xFF >> (len + 1))
                if len > 1, i + len <= n { for k in 1..<len { v = (v << 6) | UInt32(u[i + k] & 0x3F) } }
                switch v {
                case 0x00AD, 0x200B, 0x200C, 0x200D, 0xFEFF: break
                case 0xA0, 0x2000...0x200A, 0x202F, 0x3000: pendingSpace = started
                case 0x2018, 0x2019, 0x201B, 0x2032: feed(UInt8(ascii: "'"))
                case 0x201C, 0x201D, 0x201F, 0x2033: feed(UInt8(ascii: "\""))
                default: for k in i..<min(n, i + len) { feed(u[k]) }
                }
                i += len
            }
        }
        return hex(h)
    }

    static func hex(_ h: UInt64) -> String {
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
