import LedeText

/// A 128-bit fingerprint of bytes, as 32 hex digits: how the archive recognises bytes it already holds (an
/// unchanged file, a text stored for another article) without comparing them. Reads 16 bytes a step (two
/// 64-bit lanes, each multiplied, rotated and fed the other's word) and ends with the SplitMix64 finaliser on
/// both lanes. Not cryptographic: it guards against chance, not against someone crafting a collision.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) { self.high = high; self.low = low }

    private static let p1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0xD6E8_FEB8_6659_FD93

    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> Fingerprint {
        let n = bytes.count
        var a = seed ^ (UInt64(n) &* p1)
        var b = ~seed ^ (UInt64(n) &* p2)
        var i = 0
        if let base = bytes.baseAddress {
            while i + 16 <= n {
                let w1 = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let w2 = base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                a = ((a ^ (w1 &* p3)).rotatedLeft(by: 27) &* p1) &+ w2
                b = ((b ^ (w2 &* p4)).rotatedLeft(by: 31) &* p2) &+ w1
                i += 16
            }
            var tail1: UInt64 = 0, tail2: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                if shift < 64 { tail1 |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift } else {
                    tail2 |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << (shift - 64)
                }
                shift += 8
                i += 1
            }
            a = ((a ^ (tail1 &* p3)).rotatedLeft(by: 27) &* p1) &+ tail2
            b = ((b ^ (tail2 &* p4)).rotatedLeft(by: 31) &* p2) &+ tail1
        }
        let high = SplitMix64.mix(a ^ b.rotatedLeft(by: 17))
        let low = SplitMix64.mix(b &+ high)
        return Fingerprint(high: high, low: low)
    }

    public static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> Fingerprint {
        bytes.withUnsafeBytes { of($0, seed: seed) }
    }

    /// One fingerprint for several parts in order (a part boundary counts: ["ab", "c"] differs from ["a", "bc"]).
    public static func of(parts: [[UInt8]]) -> Fingerprint {
        var combined: [UInt8] = []
        combined.reserveCapacity(16 * parts.count)
        for part in parts {
            let f = of(part)
            withUnsafeBytes(of: f.high.littleEndian) { combined.append(contentsOf: $0) }
            withUnsafeBytes(of: f.low.littleEndian) { combined.append(contentsOf: $0) }
        }
        return of(combined, seed: UInt64(parts.count))
    }

    /// `of(parts: [title part, body, bounds])` for a stored text, without building the parts as arrays: the
    /// title part is a 1 byte then the title's UTF-8 (no title: an empty part).
    static func ofText(title: String?, body: UnsafeRawBufferPointer, bounds: UnsafeRawBufferPointer) -> Fingerprint {
        // An empty array, as `of(parts:)` had it: its bytes have an address, which the tail step depends on.
        var titleFingerprint = of([UInt8]())
        if var title {
            titleFingerprint = title.withUTF8 { t in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: t.count + 1) { part in
                    part[0] = 1
                    _ = UnsafeMutableBufferPointer(rebasing: part[1...]).initialize(fromContentsOf: t)
                    return of(UnsafeRawBufferPointer(part))
                }
            }
        }
        let fingerprints = (titleFingerprint, of(body), of(bounds))
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 6) { words in
            words[0] = fingerprints.0.high.littleEndian; words[1] = fingerprints.0.low.littleEndian
            words[2] = fingerprints.1.high.littleEndian; words[3] = fingerprints.1.low.littleEndian
            words[4] = fingerprints.2.high.littleEndian; words[5] = fingerprints.2.low.littleEndian
            return of(UnsafeRawBufferPointer(words), seed: 3)
        }
    }

    /// 32 lower-case hex digits, written straight into the string's storage (tens of thousands per load).
    public var description: String {
        String(unsafeUninitializedCapacity: 32) { out in
            writeHex(into: out.baseAddress!)
            return 32
        }
    }

    /// The 32 hex digits of `description`, into `out`.
    func writeHex(into out: UnsafeMutablePointer<UInt8>) {
        let digits: StaticString = "0123456789abcdef"
        let d = digits.utf8Start
        for k in 0..<16 {
            out[k] = d[Int((high >> UInt64(60 - 4 * k)) & 0xF)]
            out[16 + k] = d[Int((low >> UInt64(60 - 4 * k)) & 0xF)]
        }
    }

    /// Read from its 32 hex digits (either case), by bytes: an archive's every version carries one.
    public init?(hex: String) {
        var hex = hex
        guard let f = hex.withUTF8({ Fingerprint(hexBytes: $0) }) else { return nil }
        self = f
    }

    /// Read from the UTF-8 bytes of its 32 hex digits (a column read without making a string of it).
    init?(hexBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 32 else { return nil }
        var h: UInt64 = 0, l: UInt64 = 0
        var invalid: UInt8 = 0
        Fingerprint.hexDigits.withUnsafeBufferPointer { digits in
            for k in 0..<16 {
                let d = digits[Int(b[k])]
                invalid |= d
                h = h << 4 | UInt64(d & 0xF)
            }
            for k in 16..<32 {
                let d = digits[Int(b[k])]
                invalid |= d
                l = l << 4 | UInt64(d & 0xF)
            }
        }
        guard invalid & 0x80 == 0 else { return nil }
        self.init(high: h, low: l)
    }

    /// Each byte's hex digit value (either case), or 0x80 for a byte that is not a hex digit.
    private static let hexDigits: [UInt8] = (0...255).map { c in
        switch UInt8(c) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt8(c) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt8(c) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt8(c) - UInt8(ascii: "A") + 10
        default: return 0x80
        }
    }
}

extension UInt64 {
    @inline(__always) func rotatedLeft(by k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
