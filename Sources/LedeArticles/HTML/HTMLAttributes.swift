import CLibXML2
import LedeText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The attributes of a start tag as libxml2 passes them: name, value, name, value, …, NULL (a value is NULL for
/// a bare attribute such as `hidden`). Names are matched ASCII case-insensitively. The few attributes the
/// collector asks of EVERY element (class, id, style, hidden, aria-hidden, itemprop, role, aria-label) are found in one scan;
/// their bytes point into libxml2's strings and are valid during the callback only.
struct HTMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    private(set) var classValue: UnsafePointer<xmlChar>?
    private(set) var idValue: UnsafePointer<xmlChar>?
    private(set) var styleValue: UnsafePointer<xmlChar>?
    private(set) var ariaHiddenValue: UnsafePointer<xmlChar>?
    private(set) var itempropValue: UnsafePointer<xmlChar>?
    private(set) var roleValue: UnsafePointer<xmlChar>?
    private(set) var ariaLabelValue: UnsafePointer<xmlChar>?
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
            case 7: bit = 64; if seen & bit == 0 { roleValue = value }
            case 8: bit = 128; if seen & bit == 0 { ariaLabelValue = value }
            default: bit = 0
            }
            seen |= bit
        }
    }

    static let commonNames: [[UInt8]] = ["class", "id", "style", "hidden", "aria-hidden", "itemprop", "role", "aria-label"]
        .map { Array($0.utf8) }

    /// 1…8 for class, id, style, hidden, aria-hidden, itemprop, role, aria-label (any ASCII case); 0 for any other name.
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
