import Foundation

/// Paragraphs are separated by a blank line (whitespace-only lines count as blank); a text with no blank
/// line at all is split at every line end. Paragraphs without tokens are dropped.
public enum ParagraphSplitter {
    public static func split(utf8 bytes: [UInt8], tokens: [Token]) -> [TextSpan] {
        // One pass over the line ends, each paragraph trimmed and given its tokens as it is found: no
        // intermediate lists (this runs once per loaded text).
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return [] }
            let n = b.count, nl = UInt8(ascii: "\n")
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == nl || c == 0x0C }
            func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
            /// After the newline at `at`: the first byte past the blank lines that follow it, if any do.
            func blankLinesEnd(after at: Int) -> Int? {
                var j = at + 1
                while j < n, isBlank(b[j]) { j += 1 }
                guard j < n, b[j] == nl else { return nil }
                while j < n, b[j] == nl || isBlank(b[j]) { j += 1 }
                return j
            }
            func nextNewline(from i: Int) -> Int? {
                guard i < n, let p = memchr(base + i, Int32(nl), n - i) else { return nil }
                return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            // A text without any blank line is split at every line end.
            var hasBlankLine = false
            var probe = 0
            while let at = nextNewline(from: probe) {
                if blankLinesEnd(after: at) != nil { hasBlankLine = true; break }
                probe = at + 1
            }
            var spans: [TextSpan] = []
            spans.reserveCapacity(8)
            var t = 0
            // A paragraph's bytes run from its first to its last non-space byte; one without tokens is dropped.
            func emit(_ from: Int, _ to: Int) {
                var lo = from, hi = to
                while lo < hi, isSpace(b[lo]) { lo += 1 }
                while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
                while t < tokens.count, Int(tokens[t].start) < lo { t += 1 }
                var e = t
                while e < tokens.count, Int(tokens[e].end) <= hi { e += 1 }
                if e > t { spans.append(TextSpan(tokens: t..<e, bytes: lo..<hi)) }
                t = e
            }
            var start = 0, i = 0
            while let at = nextNewline(from: i) {
                if let next = blankLinesEnd(after: at) {
                    emit(start, at); start = next; i = next
                } else {
                    if !hasBlankLine { emit(start, at); start = at + 1 }
                    i = at + 1
                }
            }
            if start < n { emit(start, n) }
            return spans
        }
    }
}

/// Splits each paragraph into sentences. A paragraph break always ends a sentence, so headlines and
/// datelines stand alone. Inside a paragraph a sentence ends at `.`, `!`, `?`, `…` or `...` that is
/// followed (after any closing quotes or brackets) by whitespace and then a token starting with a capital
/// letter or a digit, with an opening quote or bracket allowed before it — except:
/// - after a title (Mr., Mrs., Dr., Prof., Gen., Sen., St. before a name …) and after "e.g." / "i.e.":
///   never;
/// - after another known abbreviation (Jan., Inc., Co., etc., No., vs.), a single-letter initial
///   ("J. K. Rowling") or an acronym that carries its own stop ("U.S."): only when the next word is one
///   that usually opens a sentence ("the U.S. The talks", but "the U.S. President");
/// - decimals ("3.5") never split because a number is one token.
public enum SentenceSplitter {
    /// Titles that always precede a name.
    static let titles = ShortFormSet([
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "gov", "sen", "rep", "rev",
        "hon", "pres", "supt", "insp", "det", "messrs", "fr", "maj", "adm", "brig", "e.g.", "i.e.", "cf", "viz",
    ])

    /// Abbreviations that can also end a sentence.
    static let abbreviations = ShortFormSet([
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "plc", "dept", "est", "approx", "fig", "vol",
        "sr", "jr", "st", "mt", "ave", "blvd", "rd", "al", "op", "pp", "ft", "oz", "lb", "mph", "km",
    ])

    /// Words that commonly open a sentence: after an ambiguous abbreviation they signal a boundary.
    static let sentenceOpeners = ShortFormSet([
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
        "but", "and", "or", "so", "yet", "in", "on", "at", "his", "her", "its", "their", "our", "my", "your",
        "however", "meanwhile", "after", "before", "when", "while", "if", "as", "for", "some", "many", "most",
        "one", "all", "both", "what", "who", "why", "how", "where", "mr", "mrs", "ms", "dr", "last", "next",
        "earlier", "later", "then", "now", "since", "although", "other", "such", "also", "officials",
    ])

    public static func split(utf8 b: [UInt8], tokens: [Token], paragraphs: [TextSpan]) -> [TextSpan] {
        var out: [TextSpan] = []
        out.reserveCapacity(paragraphs.count + tokens.count / 12)
        b.withUnsafeBufferPointer { b in
            for p in paragraphs {
                var sentStart = p.tokens.lowerBound
                var byteStart = p.bytes.lowerBound
                var k = p.tokens.lowerBound
                while k + 1 < p.tokens.upperBound {
                    defer { k += 1 }
                    guard let end = boundary(b, tokens, k) else { continue }
                    out.append(TextSpan(tokens: sentStart..<(k + 1), bytes: byteStart..<end))
                    sentStart = k + 1
                    byteStart = end
                    while byteStart < b.count, isSpace(b[byteStart]) { byteStart += 1 }
                }
                out.append(TextSpan(tokens: sentStart..<p.tokens.upperBound, bytes: byteStart..<p.bytes.upperBound))
            }
        }
        return out
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    /// Where the sentence ending with token `k` stops (byte offset after its last punctuation), or nil
    /// when token `k + 1` continues the same sentence.
    static func boundary(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Int? {
        let token = tokens[k]
        let gs = Int(token.end), ge = Int(tokens[k + 1].start)
        // Most gaps are one space after a word without a stop: no boundary.
        if ge == gs + 1, b[gs] == 0x20, b[gs - 1] != UInt8(ascii: ".") { return nil }
        // The terminator: the first . ! ? … in the gap, or an acronym's own final stop.
        var terminator: UInt8 = 0
        var i = gs
        while i < ge {
            let c = b[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { terminator = c; break }
            if c == 0xE2, i + 2 < ge, b[i + 1] == 0x80, b[i + 2] == 0xA6 { terminator = UInt8(ascii: "."); break }
            if isSpace(c) { break }
            i += 1
        }
        let ownStop = terminator == 0 && token.kind == .word && b[Int(token.end) - 1] == UInt8(ascii: ".")
        guard terminator != 0 || ownStop else { return nil }
        // After the terminator: more punctuation and closing quotes/brackets, then whitespace.
        var end = ownStop ? gs : i + 1
        while end < ge, !isSpace(b[end]) { end += 1 }
        guard end < ge else { return nil }          // "Hello.World", "U.S.-led"
        // The next token must look like a sentence start: capital, digit, or a letter outside ASCII.
        let first = b[Int(tokens[k + 1].start)]
        let capitalised = (first &- 0x41) < 26 || (first &- 0x30) < 10 || (first >= 0x80 && tokens[k + 1].kind != .cjk)
        guard capitalised else { return nil }
        if terminator == UInt8(ascii: "!") || terminator == UInt8(ascii: "?") { return end }
        // A full stop right after the token (or inside it) may belong to an abbreviation.
        guard ownStop || i == gs else { return end }
        let form = ShortForm(lowercasing: b, token.byteRange)
        if let form, titles.contains(form) { return nil }
        let initial = token.byteRange.count == 1 && (b[Int(token.start)] &- 0x41) < 26
        if ownStop || initial || form.map(abbreviations.contains) == true {
            let next = ShortForm(lowercasing: b, tokens[k + 1].byteRange)
            return next.map(sentenceOpeners.contains) == true ? end : nil
        }
        return end
    }

    /// A fixed list of short forms, as an open-addressing table probed with one multiply (a `Set` hashed each
    /// candidate with SipHash: about 2 % of loading a corpus went to the lists above).
    struct ShortFormSet {
        private var slots: [ShortForm]
        private let shift: UInt64

        init(_ words: [String]) {
            var bits: UInt64 = 4
            while (1 << bits) < 4 * words.count { bits += 1 }
            shift = 64 - bits
            slots = [ShortForm](repeating: ShortForm(), count: 1 << bits)
            for w in words {
                let form = ShortForm(Array(w.utf8))!
                var s = slot(form)
                while !slots[s].isEmpty && slots[s] != form { s = (s + 1) & (slots.count - 1) }
                slots[s] = form
            }
        }

        @inline(__always) private func slot(_ f: ShortForm) -> Int {
            Int(truncatingIfNeeded: (((f.low &* 0x9E37_79B9_7F4A_7C15) ^ f.high) &* 0xBF58_476D_1CE4_E5B9) >> shift)
        }

        func contains(_ form: ShortForm) -> Bool {
            var s = slot(form)
            while !slots[s].isEmpty {
                if slots[s] == form { return true }
                s = (s + 1) & (slots.count - 1)
            }
            return false
        }
    }

    /// A word of at most 16 bytes, lower-cased ASCII, packed in two integers: looked up in the lists above
    /// without building an array per candidate boundary. Longer words are on no list.
    struct ShortForm: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0

        init?(_ bytes: [UInt8]) {
            guard bytes.count <= 16 else { return nil }
            for (i, c) in bytes.enumerated() { set(i, c) }
        }

        init?(lowercasing b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            guard range.count <= 16 else { return nil }
            for (i, x) in range.enumerated() { set(i, CharClass.lowerASCII(b[x])) }
        }

        init() {}

        /// The empty word (no list holds it): an unused slot.
        var isEmpty: Bool { low == 0 && high == 0 }

        private mutating func set(_ i: Int, _ c: UInt8) {
            if i < 8 { low |= UInt64(c) << (8 * UInt64(i)) } else { high |= UInt64(c) << (8 * UInt64(i - 8)) }
        }
    }
}
