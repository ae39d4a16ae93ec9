/// Han ideographs (CJK unified, extension A, compatibility, and the supplementary ones): the tokenizer makes
/// each one a token, and text measures that count words count each one as a word.
@inline(__always) public func isHanIdeograph(_ v: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
}

/// Character classes for the tokenizer, decided from UTF-8 bytes without building `Character`s.
enum CharClass: UInt8 {
    case other, letter, digit, mark, han, kana, hangul

    @inline(__always) static func isASCIIAlnum(_ c: UInt8) -> Bool {
        (c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26
    }

    @inline(__always) static func lowerASCII(_ c: UInt8) -> UInt8 {
        (c &- 0x41) < 26 ? c | 0x20 : c
    }

    /// The class of the character starting at `i` and its length in bytes.
    @inline(__always) static func classify(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CharClass, Int) {
        let c = b[i]
        if c < 0x80 {
            if (c &- 0x30) < 10 { return (.digit, 1) }
            if ((c | 0x20) &- 0x61) < 26 { return (.letter, 1) }
            return (.other, 1)
        }
        let (scalar, len) = decode(b, i)
        guard let s = scalar else { return (.other, len) }
        return (classify(s), len)
    }

    static func classify(_ s: Unicode.Scalar) -> CharClass {
        let v = s.value
        if isHanIdeograph(v) { return .han }
        switch v {
        case 0x00AD: return .mark                       // soft hyphen: invisible, stays inside a word
        case 0x3005: return .han                        // 々 repeats the ideograph before it (人々)
        case 0x3040...0x30FF, 0x31F0...0x31FF: return v == 0x30FB ? .other : .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF: return .hangul
        default: break
        }
        let p = s.properties
        switch p.generalCategory {
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return p.isAlphabetic ? .letter : .other
        }
    }

    /// Decodes one scalar; invalid sequences give nil and a length of 1 so scanning moves on.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar?, Int) {
        let c = b[i]
        let n = b.count
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(b[i + k] & 0x3F)
        }
        if c & 0xE0 == 0xC0, let c1 = cont(1) {
            return (Unicode.Scalar((UInt32(c & 0x1F) << 6) | c1), 2)
        }
        if c & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) {
            return (Unicode.Scalar((UInt32(c & 0x0F) << 12) | (c1 << 6) | c2), 3)
        }
        if c & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return (Unicode.Scalar((UInt32(c & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3), 4)
        }
        return (nil, 1)
    }
}
