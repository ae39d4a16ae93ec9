/// What a text holds besides its tokens, counted once: characters (Unicode scalars), whitespace (ASCII spaces,
/// tabs and line breaks), straight double quotes, and opening curly quotes (“, and ‘ when it does not follow a
/// letter or digit: the ‘ of '90s or rock ‘n’ roll is an apostrophe). Readability and quotation counts are
/// built on these.
public struct CharacterCounts: Equatable, Sendable {
    public var characters = 0
    public var whitespace = 0
    public var straightQuotes = 0
    public var openingQuotes = 0

    public init() {}

    public static func += (a: inout CharacterCounts, b: CharacterCounts) {
        a.characters += b.characters; a.whitespace += b.whitespace
        a.straightQuotes += b.straightQuotes; a.openingQuotes += b.openingQuotes
    }

    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { (c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26 }

    /// Counts `b`, whose preceding byte (for the ‘ rule) is `previous` (0: none). One pass, 8 bytes at a time.
    public static func scan(_ b: UnsafeBufferPointer<UInt8>, after previous: UInt8 = 0) -> CharacterCounts {
        var continuations = 0, spaces = 0, curly = 0, straight = 0
        let n = b.count
        // SWAR: a character is every byte that is not a UTF-8 continuation byte (10xxxxxx); spaces and straight
        // quotes are exact byte matches, counted with popcount. Only a word holding 0xE2 (the lead byte of “
        // and ‘) needs a look at single bytes.
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func matches(_ w: UInt64, _ byte: UInt8) -> UInt64 {
            let x = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
            // Exact zero-byte test (no false positives): the high bit is set only where x's byte is 0.
            return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
        }
        func curlyAt(_ i: Int) -> Bool {
            guard i + 2 < n, b[i + 1] == 0x80 else { return false }
            if b[i + 2] == 0x9C { return true }
            return b[i + 2] == 0x98 && !isAlnum(i > 0 ? b[i - 1] : previous)
        }
        var i = 0
        if let base = UnsafeRawPointer(b.baseAddress) {
            while i + 8 <= n {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if w & high != 0 {
                    continuations += (w & high & ~(w << 1)).nonzeroBitCount
                    var lead = matches(w, 0xE2)
                    while lead != 0 {
                        if curlyAt(i + lead.trailingZeroBitCount / 8) { curly += 1 }
                        lead &= lead - 1
                    }
                }
                spaces += (matches(w, 0x20) | matches(w, 0x0A) | matches(w, 0x09) | matches(w, 0x0D)).nonzeroBitCount
                straight += matches(w, 0x22).nonzeroBitCount
                i += 8
            }
        }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { spaces += 1 }
                else if c == 0x22 { straight += 1 }
            } else if c & 0xC0 == 0x80 {
                continuations += 1
            } else if c == 0xE2, curlyAt(i) {
                curly += 1
            }
            i += 1
        }
        var counts = CharacterCounts()
        counts.characters = n - continuations
        counts.whitespace = spaces
        counts.straightQuotes = straight
        counts.openingQuotes = curly
        return counts
    }

    public static func scan(_ bytes: [UInt8]) -> CharacterCounts { bytes.withUnsafeBufferPointer { scan($0) } }

    /// Whether `scan` must look at a token's form: it holds a byte beyond ASCII or a straight quote (else the
    /// form is that many characters, none of them whitespace or a quote).
    @inline(__always) static func needsScan(_ form: UnsafeBufferPointer<UInt8>) -> Bool {
        form.contains { $0 >= 0x80 || $0 == 0x22 }
    }
}
