import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drops the content of `<script>` and `<style>` elements before the page reaches libxml2. Their text is never
/// read (JSON-LD scripts excepted, which are kept), yet on the pages of the extraction benchmark they are over
/// half of the bytes, and libxml2 decodes raw text one character at a time. The start and end tags stay, so the
/// parser still sees the elements, empty.
///
/// The scan follows the tokenizer rules libxml2 applies to what it removes: a comment runs to `-->`; a start
/// tag runs to the first `>` outside a quoted attribute value; a script's or style's content runs to the first
/// `</script` / `</style` (any case), as libxml2 ends it. Anything it is unsure of is left as it is.
enum RawTextElider {
    /// The elided page, or nil when there is nothing to drop.
    static func elide(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var out: [UInt8] = []
        var copiedFrom = 0                  // bytes[copiedFrom..<i] are still to be copied
        var i = 0
        while i < n {
            guard let found = memchr(base + i, 0x3C, n - i) else { break }          // "<"
            let lt = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let j = lt + 1
            if j + 2 < n && bytes[j] == 0x21 && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x2D {          // "<!--"
                guard let end = find(bytes, [0x2D, 0x2D, 0x3E], from: j + 3, caseless: false) else { break }
                i = end + 3
                continue
            }
            guard j < n, isLetter(bytes[j]) else { i = j; continue }
            var k = j
            while k < n && (isLetter(bytes[k]) || (bytes[k] &- 0x30) < 10) { k += 1 }
            let name = UnsafeBufferPointer(rebasing: bytes[j..<k])
            guard let tagEnd = endOfTag(bytes, from: k) else { break }
            // libxml2 checks each attribute against those before it: a tag with a million attributes would take
            // hours. Past `maxAttributes`, the rest of the tag is dropped (`tagEnd - k` is a cheap first test).
            if tagEnd - k > maxAttributes * 4, let cut = attributeLimit(bytes, from: k, to: tagEnd) {
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedFrom..<cut]))
                copiedFrom = tagEnd
            }
            let isScript = matches(name, script), isStyle = !isScript && matches(name, style)
            guard (isScript || isStyle) && bytes[tagEnd - 1] != 0x2F else { i = tagEnd + 1; continue }      // not "<… />"
            let closing = isScript ? closingScript : closingStyle
            let close = find(bytes, closing, from: tagEnd + 1, caseless: true) ?? n
            // A JSON-LD script is kept, and its content is raw text too: no tag inside it is looked at.
            let keep = isScript && find(bytes, ldJSON, from: k, to: tagEnd, caseless: true) != nil
            if !keep && close > tagEnd + 1 {
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedFrom...tagEnd]))
                copiedFrom = close
            }
            i = close
        }
        guard copiedFrom > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedFrom..<n]))
        return out
    }

    /// Attributes kept on one start tag; real pages carry a few dozen at most.
    static let maxAttributes = 256

    /// Where the attribute after the first `maxAttributes` of a tag starts (attributes from `from` to the `>`
    /// at `to`), or nil when the tag has no more than that. An attribute is a name, optionally `=` and a value,
    /// quoted or not; the scan follows `endOfTag`'s quoting rule.
    static func attributeLimit(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x2F }
        var k = from, count = 0
        while k < to {
            while k < to && isSpace(bytes[k]) { k += 1 }
            guard k < to else { return nil }
            if count == maxAttributes { return k }
            count += 1
            while k < to && !isSpace(bytes[k]) && bytes[k] != 0x3D { k += 1 }          // the name
            var v = k
            while v < to && isSpace(bytes[v]) && bytes[v] != 0x2F { v += 1 }
            guard v < to, bytes[v] == 0x3D else { continue }                          // no value
            v += 1
            while v < to && isSpace(bytes[v]) && bytes[v] != 0x2F { v += 1 }
            if v < to && (bytes[v] == 0x22 || bytes[v] == 0x27) {
                let quote = bytes[v]
                v += 1
                while v < to && bytes[v] != quote { v += 1 }
                k = min(to, v + 1)
            } else {
                while v < to && !isSpace(bytes[v]) { v += 1 }
                k = v
            }
        }
        return nil
    }

    static let script = Array("script".utf8), style = Array("style".utf8)
    static let closingScript = Array("</script".utf8), closingStyle = Array("</style".utf8)
    static let ldJSON = Array("ld+json".utf8)

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always) static func matches(_ name: UnsafeBufferPointer<UInt8>, _ lower: [UInt8]) -> Bool {
        name.count == lower.count && zip(name, lower).allSatisfy { ($0 | 0x20) == $1 }
    }

    /// The index of the `>` that ends a tag whose attributes start at `from`: quotes count only around a
    /// value (after `=`), as an unquoted value may hold a stray quote character.
    static func endOfTag(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var k = from
        var afterEquals = false
        while k < bytes.count {
            let c = bytes[k]
            if c == 0x3E { return k }
            if c == 0x3D { afterEquals = true; k += 1; continue }
            if afterEquals && (c == 0x22 || c == 0x27) {
                guard let close = memchr(bytes.baseAddress! + k + 1, Int32(c), bytes.count - k - 1) else { return nil }
                k = bytes.baseAddress!.distance(to: close.assumingMemoryBound(to: UInt8.self)) + 1
                afterEquals = false
                continue
            }
            if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C { afterEquals = false }
            k += 1
        }
        return nil
    }

    /// The first index of `needle` (lower-case ASCII) in `bytes[from..<to]`, ASCII case-insensitively when asked.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int, to: Int? = nil, caseless: Bool) -> Int? {
        let end = (to ?? bytes.count) - needle.count
        guard from <= end, let base = bytes.baseAddress else { return nil }
        var i = from
        let first = needle[0]
        if caseless && isLetter(first) {
            while i <= end {
                var m = 0
                while m < needle.count && bytes[i + m] | (isLetter(bytes[i + m]) ? 0x20 : 0) == needle[m] { m += 1 }
                if m == needle.count { return i }
                i += 1
            }
            return nil
        }
        while i <= end {
            guard let hit = memchr(base + i, Int32(first), end - i + 1) else { return nil }
            let h = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var m = 1
            while m < needle.count && (caseless ? bytes[h + m] | (isLetter(bytes[h + m]) ? 0x20 : 0) : bytes[h + m]) == needle[m] { m += 1 }
            if m == needle.count { return h }
            i = h + 1
        }
        return nil
    }
}
