import Foundation

/// Rewrites JSON so that numbers beyond a Double's range become strings holding the same digits. Foundation's
/// parser refuses a whole document over one such number; a news record's fields are read as text anyway.
enum JSONNumberQuoter {
    /// The rewritten JSON, or nil when no number needed quoting.
    static func quotingHugeNumbers(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        var changed = false
        var i = 0
        var inString = false
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                out.append(b)
                if b == UInt8(ascii: "\\"), i + 1 < bytes.count { out.append(bytes[i + 1]); i += 2; continue }
                if b == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if b == UInt8(ascii: "\"") { inString = true; out.append(b); i += 1; continue }
            if b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) {
                var j = i + 1
                while j < bytes.count, isNumberByte(bytes[j]) { j += 1 }
                let literal = bytes[i..<j]
                if let value = Double(String(decoding: literal, as: UTF8.self)), value.isInfinite {
                    out.append(UInt8(ascii: "\""))
                    out.append(contentsOf: literal)
                    out.append(UInt8(ascii: "\""))
                    changed = true
                } else {
                    out.append(contentsOf: literal)
                }
                i = j
                continue
            }
            out.append(b)
            i += 1
        }
        return changed ? Data(out) : nil
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
            || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
}
