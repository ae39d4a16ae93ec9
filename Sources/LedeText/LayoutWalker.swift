import Foundation

/// Where a walk over a text's tokens stands: after `step`, the token just passed (index `next - 1`).
struct LayoutWalker {
    /// The index of the next token.
    var next = 0
    /// The byte offset after the last token passed (where the next one's gap starts).
    var position = 0
    /// The literals' offset for the next token.
    var literal = 0
    // The token just passed:
    var start = 0, end = 0
    var gapLength = 0, gapCode: UInt8 = 0, gapLiteral = 0
    var surfaceCode: UInt8 = 0, surfaceLiteral = 0

    /// Passes token `next`.
    @inline(__always) mutating func step(_ layout: TextLayout) {
        let code = layout.codes[next]
        let g = code & 31
        gapCode = g
        switch g {
        case GapCode.none: gapLength = 0
        case GapCode.space: gapLength = 1
        case GapCode.blankLine, GapCode.comma, GapCode.stop: gapLength = 2
        case GapCode.long:
            gapLength = LayoutWalker.varint(layout.literals, &literal)
            gapLiteral = literal; literal += gapLength
        default:
            gapLength = Int(g) - Int(GapCode.firstLiteral) + 1
            gapLiteral = literal; literal += gapLength
        }
        start = position + gapLength
        surfaceCode = code >> 5
        let length: Int
        if surfaceCode == SurfaceCode.literal {
            length = LayoutWalker.varint(layout.literals, &literal)
            surfaceLiteral = literal; literal += length
        } else {
            length = layout.forms.length(layout.ids[next])
        }
        end = start + length
        position = end
        next += 1
    }

    @inline(__always) static func varint(_ b: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> Int {
        var value = 0, shift = 0
        while true {
            let byte = b[at]; at += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Word-sized pieces are copied by a plain loop, which beats a `memcpy` call.
    @inline(__always) static func copy(_ from: UnsafePointer<UInt8>, _ n: Int, to: UnsafeMutablePointer<UInt8>) {
        if n > 16 { memcpy(to, from, n); return }
        var i = 0
        while i < n { to[i] = from[i]; i += 1 }
    }

    /// The bytes of an implied gap (`GapCode` 1–4: " ", "\n\n", ", ", ". "), little-endian in 16 bits.
    @inline(__always) static func impliedGap(_ g: UInt8) -> UInt16 {
        UInt16(truncatingIfNeeded: 0x202E_202C_0A0A_0020 as UInt64 >> (UInt64((g &- 1) & 3) * 16))
    }

    /// Copies 16 bytes (a form of up to 16 and what follows it: both ends have that much to spare).
    @inline(__always) static func copy16(_ from: UnsafePointer<UInt8>, to: UnsafeMutablePointer<UInt8>) {
        let source = UnsafeRawPointer(from), target = UnsafeMutableRawPointer(to)
        target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
        target.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
    }

    /// Puts the ASCII letters of `n` bytes in capitals, 8 bytes at a time (up to 7 bytes past `n` may change:
    /// they are written over next, or spare).
    @inline(__always) static func capitalise(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) {
        let raw = UnsafeMutableRawPointer(p)
        var i = 0
        while i < n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let x = w & 0x7F7F_7F7F_7F7F_7F7F
            // Per byte: ASCII (high bit clear in w) and ≥ "a" and ≤ "z".
            let lower = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505) & ~w & 0x8080_8080_8080_8080
            raw.storeBytes(of: w &- (lower >> 2), toByteOffset: i, as: UInt64.self)
            i += 8
        }
    }
}
