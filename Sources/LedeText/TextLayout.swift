import Foundation

/// A text's arrays as pointers (valid inside `TokenStorage.withLayout`).
struct TextLayout {
    let codes: UnsafeBufferPointer<UInt8>
    let literals: UnsafeBufferPointer<UInt8>
    let anchors: UnsafeBufferPointer<UInt32>
    let ids: TokenIDBuffer
    let forms: VocabularyForms

    /// Reads form records for ids of type `ID`: 16-bit ids all lie in the store's first page, so its address
    /// is read once instead of per token (the page table sits behind a reference the loop cannot keep).
    struct RecordReader<ID: FixedWidthInteger> {
        let forms: VocabularyForms
        let firstPage: UnsafeMutablePointer<UInt64>?
        init(_ forms: VocabularyForms) {
            self.forms = forms
            firstPage = ID.bitWidth <= VocabularyForms.pageBits ? forms.records[0] : nil
        }
        @inline(__always) func record(_ id: ID) -> UInt64 {
            if let firstPage { return firstPage[Int(id)] }
            return forms.record(UInt32(truncatingIfNeeded: id))
        }
    }

    /// A walker at the first token of block `b` (or at the start of a text without tokens).
    @inline(__always) func walker(fromBlock b: Int) -> LayoutWalker {
        var w = LayoutWalker()
        if 2 * b < anchors.count {
            w.next = b * TokenizedText.anchorStride
            w.position = Int(anchors[2 * b]); w.literal = Int(anchors[2 * b + 1])
        }
        return w
    }

    /// The last block whose anchor is at or before byte `offset` (0 when the text has no tokens).
    func block(containing offset: Int) -> Int {
        var lo = 0, hi = anchors.count / 2
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(anchors[2 * mid]) <= offset { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// See `TokenizedText.characterCounts`: implied gaps and plain forms add their known counts; literal bytes
    /// and forms that hold quotes or non-ASCII bytes are scanned, each after the byte before it. A plain
    /// form's bytes are not read (a cache miss each): its length and flag are in its record, and its case code
    /// tells whether it begins with a capital (lower-case forms never do; capitalised ones always do).
    func characterCounts(through last: Int, capitals: UnsafeMutablePointer<Bool>?) -> CharacterCounts {
        if let narrow = ids.narrow { return characterCounts(narrow, through: last, capitals: capitals) }
        return characterCounts(ids.wide, through: last, capitals: capitals)
    }

    @inline(__always)
    private func characterCounts<ID: FixedWidthInteger>(_ ids: UnsafePointer<ID>?, through last: Int,
                                                        capitals: UnsafeMutablePointer<Bool>?) -> CharacterCounts {
        var counts = CharacterCounts()
        let records = RecordReader<ID>(forms)
        var literal = 0
        // The byte before the next piece, for the ‘ rule: known, or the last byte of the form of token
        // `previousFormToken` (read only if a scan needs it).
        var previous: UInt8 = 0, previousFormToken = -1
        let lit = literals.baseAddress
        @inline(__always) func byteBefore() -> UInt8 {
            guard previousFormToken >= 0 else { return previous }
            let form = forms.bytes(UInt32(truncatingIfNeeded: ids.unsafelyUnwrapped[previousFormToken]))
            return form[form.count - 1]
        }
        @inline(__always) func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            counts += CharacterCounts.scan(bytes, after: byteBefore())
            previous = bytes[bytes.count - 1]; previousFormToken = -1
        }
        for k in 0..<last {
            let code = codes[k]
            let g = code & 31
            if g < GapCode.firstLiteral {
                // Implied gaps without a branch per kind: "", " ", "\n\n", ", ", ". ".
                counts.characters += Int(min(g, 2))
                counts.whitespace += g == GapCode.blankLine ? 2 : Int(min(g, 1))
                if g != GapCode.none { previous = g == GapCode.blankLine ? 0x0A : 0x20; previousFormToken = -1 }
            } else {
                let n = g == GapCode.long ? LayoutWalker.varint(literals, &literal) : Int(g) - Int(GapCode.firstLiteral) + 1
                scan(UnsafeBufferPointer(start: lit! + literal, count: n))
                literal += n
            }
            let surface = code >> 5
            var capital: Bool
            if surface == SurfaceCode.literal {
                let n = LayoutWalker.varint(literals, &literal)
                capital = (literals[literal] &- 0x41) < 26
                scan(UnsafeBufferPointer(start: lit! + literal, count: n))
                literal += n
            } else {
                // Forms are never empty.
                let r = records.record(ids.unsafelyUnwrapped[k])
                let n = Int(r & VocabularyForms.lengthMask)
                capital = surface == SurfaceCode.capitalised
                if r & VocabularyForms.scanFlag != 0 || surface == SurfaceCode.capitals {
                    let form = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: UInt(r >> 16)), count: n)
                    if surface == SurfaceCode.capitals { capital = (form[0] &- 0x61) < 26 }
                    if r & VocabularyForms.scanFlag != 0 { counts += CharacterCounts.scan(form, after: byteBefore()) } else { counts.characters += n }
                } else {
                    counts.characters += n
                }
                previousFormToken = k
            }
            capitals?[k] = capital
        }
        if literal < literals.count { scan(UnsafeBufferPointer(start: lit! + literal, count: literals.count - literal)) }
        return counts
    }

    /// Writes the text's bytes from block `b`'s anchor through the end of token `last - 1` (and then the bytes
    /// after the last token, with `trailing`) to `out`, whose first byte stands for the anchor's offset. `out`
    /// must have room for `VocabularyForms.readSlack` bytes past the last one written: forms are copied 16 bytes at a
    /// time.
    func write(fromBlock b: Int, throughToken last: Int, trailing: Bool, into out: UnsafeMutablePointer<UInt8>) {
        if let narrow = ids.narrow { write(narrow, fromBlock: b, throughToken: last, trailing: trailing, into: out) }
        else { write(ids.wide, fromBlock: b, throughToken: last, trailing: trailing, into: out) }
    }

    @inline(__always)
    private func write<ID: FixedWidthInteger>(_ ids: UnsafePointer<ID>?, fromBlock b: Int, throughToken last: Int, trailing: Bool,
                                              into out: UnsafeMutablePointer<UInt8>) {
        let start = walker(fromBlock: b)
        var k = start.next, literal = start.literal
        var o = out
        let lit = literals.baseAddress
        let records = RecordReader<ID>(forms)
        while k < last {
            let code = codes[k]
            let g = code & 31
            if g < GapCode.firstLiteral {
                // An implied gap without a branch per kind: its two bytes are stored whatever its length (what
                // lies past the gap is written over next), then the cursor moves by the length (0, 1 or 2).
                UnsafeMutableRawPointer(o).storeBytes(of: LayoutWalker.impliedGap(g), as: UInt16.self)
                o += Int(min(g, 2))
            } else {
                let n = g == GapCode.long ? LayoutWalker.varint(literals, &literal) : Int(g) - Int(GapCode.firstLiteral) + 1
                LayoutWalker.copy(lit! + literal, n, to: o)
                literal += n; o += n
            }
            let surface = code >> 5
            if surface == SurfaceCode.literal {
                let n = LayoutWalker.varint(literals, &literal)
                LayoutWalker.copy(lit! + literal, n, to: o)
                literal += n; o += n
            } else {
                // Forms are never empty.
                let r = records.record(ids.unsafelyUnwrapped[k])
                let n = Int(r & VocabularyForms.lengthMask)
                let form = UnsafePointer<UInt8>(bitPattern: UInt(r >> 16)).unsafelyUnwrapped
                if n > 16 { memcpy(o, form, n) } else { LayoutWalker.copy16(form, to: o) }
                o[0] &-= surface == SurfaceCode.capitalised ? 0x20 : 0
                if surface == SurfaceCode.capitals { LayoutWalker.capitalise(o, n) }
                o += n
            }
            k += 1
        }
        if trailing, literal < literals.count { LayoutWalker.copy(lit! + literal, literals.count - literal, to: o) }
    }
}
