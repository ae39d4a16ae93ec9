import Foundation

/// Builds a text's literals.
struct LiteralWriter {
    /// What was written so far (copied into the text's storage at the end).
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func append(_ b: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: b) }

    private mutating func appendVarint(_ value: Int) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    /// The gap code for bytes `from..<to` of `b`, appending what it does not imply.
    @inline(__always)
    mutating func encodeGap(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt8 {
        let length = to - from
        switch length {
        case 0: return GapCode.none
        case 1: if b[from] == 0x20 { return GapCode.space }
        case 2:
            let x = b[from], y = b[from + 1]
            if y == 0x20 { if x == 0x2C { return GapCode.comma }; if x == 0x2E { return GapCode.stop } }
            if x == 0x0A && y == 0x0A { return GapCode.blankLine }
        default: break
        }
        if length <= GapCode.maxShortLiteral {
            append(UnsafeBufferPointer(rebasing: b[from..<to]))
            return UInt8(length) + GapCode.firstLiteral - 1
        }
        appendVarint(length)
        append(UnsafeBufferPointer(rebasing: b[from..<to]))
        return GapCode.long
    }

    /// A surface code the tokenizer found, appending the surface when it is literal.
    @inline(__always)
    mutating func encodeSurface(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, known: UInt8) -> UInt8 {
        if known == SurfaceCode.literal {
            appendVarint(end - start)
            append(UnsafeBufferPointer(rebasing: b[start..<end]))
        }
        return known
    }

    /// The surface code of bytes `start..<end` of `b` against the token's normalised form, appending the
    /// surface when it does not follow from the form.
    @inline(__always)
    mutating func encodeSurface(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, form: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let n = end - start
        if form.count == n {
            var capitalised = 0, letters = 0, firstCapitalised = false, follows = true
            for i in 0..<n {
                let s = b[start + i], f = form[i]
                let lower = (f &- 0x61) < 26
                if lower { letters += 1 }
                if s == f { continue }
                if lower && s == f &- 0x20 { capitalised += 1; if i == 0 { firstCapitalised = true }; continue }
                follows = false
                break
            }
            if follows {
                if capitalised == 0 { return SurfaceCode.form }
                if capitalised == 1 && firstCapitalised { return SurfaceCode.capitalised }
                if capitalised == letters { return SurfaceCode.capitals }
            }
        }
        appendVarint(n)
        append(UnsafeBufferPointer(rebasing: b[start..<end]))
        return SurfaceCode.literal
    }
}
