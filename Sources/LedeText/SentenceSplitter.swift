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
/// datelines stand alone. Inside a paragraph a sentence ends at `.`, `!`, `?`, `…`, `...` or a spaced
/// ellipsis `. . .` that is followed (after any closing quotes or brackets) by whitespace and then a token
/// starting with a capital letter or a digit, with an opening quote or bracket allowed before it — except:
/// - after a title (Mr., Mrs., Dr., Prof., Gen., Sen., St. before a name …) and after "e.g." / "i.e.": never;
/// - after a number abbreviation (p., pp., No., Vol., Fig., Art., Sec., Ch. …) before a number: never
///   ("see p. 55", "No. 4.2.1");
/// - after "a.m." / "p.m." (any case): a capitalised word starts a new sentence unless it is a weekday, a
///   month or a time zone ("at 9 p.m. Mr. Lee left" splits, "at 9 p.m. Monday" does not);
/// - after "I" following a word that is not capitalised: the pronoun ends the sentence ("you and I. Did");
///   any other single capital is an initial ("Albert I. Jones", "frontman J. Allard"), see the next rule;
/// - after another known abbreviation (Jan., Inc., Co., etc., vs.), an initial or an acronym that carries
///   its own stop ("U.S."): only when the next word is one that usually opens a sentence ("the U.S. The
///   talks", but "the U.S. President");
/// - a day number before a month and a number after a German article or contracted preposition are
///   ordinals ("am 3. Oktober", "im 19. Jahrhundert"): no break;
/// - decimals ("3.5") never split because a number is one token.
/// List markers: a number of one or two digits or a single letter followed by `.`, `.)` or `)` is a marker
/// when it opens the paragraph or sentence, follows a bullet (• ◦ ▪ ‣ ⁃) or a colon, or continues the
/// paragraph's previous marker (2 after 1, b after a). A marker never ends a sentence itself, and a
/// sentence break comes before each marker that continues a list and before each bullet, with or without a
/// stop ("1) Boil water 2) Add rice" is two sentences). See docs/text-rules.md.
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

    /// Abbreviations whose argument is a number: before one they never end a sentence.
    static let numberAbbreviations = ShortFormSet([
        "p", "pp", "no", "nos", "nr", "vol", "vols", "fig", "figs", "art", "arts", "sec", "secs", "ch", "chap",
        "para", "paras", "pt", "pts", "eq", "eqs", "ref", "refs", "tab", "ed", "op", "col", "ll", "l", "s", "bd", "ziff",
    ])

    /// What may follow "a.m." / "p.m." inside the same sentence: weekdays, months and time zones.
    static let timeContinuations = ShortFormSet([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "mt",
        "pt", "ist", "jst", "aest", "aedt", "hkt", "sgt", "local",
    ])

    /// Months after which a day number with a stop is an ordinal (German and Scandinavian dates: "3. Oktober").
    static let months = ShortFormSet([
        "januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember", "marts", "mars", "maj", "desember", "december", "january", "february",
        "march", "may", "june", "july", "october",
    ])

    /// German articles and contracted prepositions before an ordinal number ("im 19.", "der 2."); "am" is left
    /// out (English "I am 25."): "am 3. Oktober" is an ordinal by its month.
    static let ordinalContexts = ShortFormSet([
        "im", "zum", "zur", "vom", "beim", "der", "die", "das", "den", "dem", "des", "ab", "seit", "bis",
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
                var list = ListState()
                var k = p.tokens.lowerBound
                while k + 1 < p.tokens.upperBound {
                    defer { k += 1 }
                    if isPlainGap(b, tokens[k], tokens[k + 1]) { continue }
                    guard let end = boundary(b, tokens, k, paragraphStart: p.tokens.lowerBound, sentenceStart: sentStart, list: &list) else { continue }
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

    /// Most gaps are one space after a word without a stop: no boundary, unless a list marker (one or two
    /// characters, then `.` or `)`) comes next. (The token before is no marker: one has `.` or `)` after it.)
    @inline(__always) static func isPlainGap(_ b: UnsafeBufferPointer<UInt8>, _ token: Token, _ next: Token) -> Bool {
        let gs = Int(token.end)
        guard Int(next.start) == gs + 1, b[gs] == 0x20, b[gs - 1] != UInt8(ascii: ".") else { return false }
        let ne = Int(next.end)
        return next.end &- next.start > 2 || ne >= b.count || (b[ne] != UInt8(ascii: ".") && b[ne] != UInt8(ascii: ")"))
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    // MARK: list markers

    /// A list marker's value (1 for "1." and for "a."/"A.") and kind.
    struct Marker: Equatable {
        enum Kind { case number, lower, upper }
        var value: Int, kind: Kind
    }

    /// The paragraph's list so far: its last marker and where that stands.
    struct ListState {
        var last: Marker?
        var markerAt = -1

        /// Whether `m` at token `k` is the next marker of the list — not straight after the previous one
        /// ("A. B. Jones" are initials, not two items).
        func continues(with m: Marker, at k: Int) -> Bool {
            guard let last, markerAt < k - 1 else { return false }
            return last.kind == m.kind && last.value + 1 == m.value
        }

        mutating func take(_ m: Marker, at k: Int) { last = m; markerAt = k }
    }

    /// Token `k` read as a list marker: one or two digits or one ASCII letter, then `.`, `.)` or `)` and
    /// whitespace. Where it stands decides whether it is one (`boundary`).
    @inline(__always) static func marker(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Marker? {
        let t = tokens[k]
        let s = Int(t.start), e = Int(t.end)
        guard e - s <= 2, e < b.count else { return nil }
        var j = e
        if b[j] == UInt8(ascii: ".") { j += 1; if j < b.count, b[j] == UInt8(ascii: ")") { j += 1 } }
        else if b[j] == UInt8(ascii: ")") { j += 1 } else { return nil }
        guard j < b.count, isSpace(b[j]) else { return nil }
        let c = b[s]
        if t.kind == .number {
            if e - s == 1 { return Marker(value: Int(c &- 0x30), kind: .number) }
            let d = b[s + 1]
            guard (d &- 0x30) < 10, c != UInt8(ascii: "0") else { return nil }
            return Marker(value: Int(c &- 0x30) * 10 + Int(d &- 0x30), kind: .number)
        }
        guard t.kind == .word, e - s == 1 else { return nil }
        if (c &- 0x61) < 26 { return Marker(value: Int(c &- 0x60), kind: .lower) }
        if (c &- 0x41) < 26 { return Marker(value: Int(c &- 0x40), kind: .upper) }
        return nil
    }

    /// The bullets that open list items: • ◦ ▪ ‣ ⁃.
    static func bulletBefore(_ b: UnsafeBufferPointer<UInt8>, from gs: Int, to ge: Int) -> Bool {
        var i = gs
        while i + 2 < ge {
            let c0 = b[i], c1 = b[i + 1], c2 = b[i + 2]
            if c0 == 0xE2 && ((c1 == 0x80 && (c2 == 0xA2 || c2 == 0xA3)) || (c1 == 0x81 && c2 == 0x83)) { return true }
            if c0 == 0xE2 && c1 == 0x97 && c2 == 0xA6 { return true }       // ◦
            if c0 == 0xE2 && c1 == 0x96 && c2 == 0xAA { return true }       // ▪
            i += 1
        }
        return false
    }

    /// Whether the gap before token `k` ends in a colon (then whitespace): a list may open there.
    @inline(__always) static func colonBefore(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Bool {
        guard k > 0 else { return false }
        var i = Int(tokens[k].start) - 1
        let lo = Int(tokens[k - 1].end)
        while i >= lo, isSpace(b[i]) { i -= 1 }
        return i >= lo && b[i] == UInt8(ascii: ":")
    }

    // MARK: boundaries

    /// Where the sentence ending with token `k` stops (byte offset after its last punctuation), or nil
    /// when token `k + 1` continues the same sentence.
    static func boundary(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, paragraphStart: Int, sentenceStart: Int,
                         list: inout ListState) -> Int? {
        let token = tokens[k], nextToken = tokens[k + 1]
        let gs = Int(token.end), ge = Int(nextToken.start)
        // A token already read as a list marker is not the end of a sentence ("2. Add rice").
        if k == list.markerAt { return nil }
        // A marker that opens its sentence: "1." or "a." starts a list, or it continues the paragraph's list.
        if k == sentenceStart, let m = marker(b, tokens, k),
           (m.kind != .upper && (m.value == 1 || list.continues(with: m, at: k) || (k == paragraphStart && m.kind == .number)))
            || bulletBefore(b, from: k > 0 ? Int(tokens[k - 1].end) : 0, to: Int(tokens[k].start)) {
            list.take(m, at: k)
            return nil
        }
        // A list marker next: it breaks the sentence when it continues the paragraph's list or follows a bullet.
        if nextToken.end &- nextToken.start <= 2, Int(nextToken.end) < b.count,
           b[Int(nextToken.end)] == UInt8(ascii: ".") || b[Int(nextToken.end)] == UInt8(ascii: ")"),
           let m = marker(b, tokens, k + 1) {
            let continues = list.continues(with: m, at: k + 1)
            let bullet = bulletBefore(b, from: gs, to: ge)
            if continues || bullet || (m.value == 1 && colonBefore(b, tokens, k + 1)) {
                list.take(m, at: k + 1)
                return continues || bullet ? punctuationEnd(b, gs, ge) : nil
            }
        } else if ge - gs >= 3, bulletBefore(b, from: gs, to: ge) {
            return punctuationEnd(b, gs, ge)
        }
        // Most gaps are one space after a word without a stop: no boundary.
        if ge == gs + 1, b[gs] == 0x20, b[gs - 1] != UInt8(ascii: ".") { return nil }
        // The terminator: the first . ! ? … in the gap, or an acronym's own final stop; a spaced ellipsis
        // (" . . .") counts too.
        var terminator: UInt8 = 0
        var i = gs
        var spacedEllipsis = false
        while i < ge {
            let c = b[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { terminator = c; break }
            if c == 0xE2, i + 2 < ge, b[i + 1] == 0x80, b[i + 2] == 0xA6 { terminator = UInt8(ascii: "."); break }
            if isSpace(c) {
                // " . . ." or " ..." or " …" after a space: an ellipsis standing apart from the word.
                var j = i
                while j < ge, isSpace(b[j]) { j += 1 }
                if j + 2 < ge, (b[j] == UInt8(ascii: ".") && (b[j + 1] == UInt8(ascii: ".") || (b[j + 1] == 0x20 && b[j + 2] == UInt8(ascii: "."))))
                    || (b[j] == 0xE2 && b[j + 1] == 0x80 && b[j + 2] == 0xA6) {
                    terminator = UInt8(ascii: "."); i = j; spacedEllipsis = true
                }
                break
            }
            i += 1
        }
        let ownStop = terminator == 0 && token.kind == .word && b[Int(token.end) - 1] == UInt8(ascii: ".")
        guard terminator != 0 || ownStop else { return nil }
        // After the terminator: more punctuation, the rest of a spaced ellipsis (". . . ."), closing
        // quotes/brackets, then whitespace.
        var end = ownStop ? gs : i + 1
        while true {
            while end < ge, !isSpace(b[end]) { end += 1 }
            if end + 1 < ge, b[end] == 0x20, b[end + 1] == UInt8(ascii: "."), terminator == UInt8(ascii: ".") { end += 1; continue }
            break
        }
        guard end < ge else { return nil }          // "Hello.World", "U.S.-led"
        // The next token must look like a sentence start: capital, digit, or a letter outside ASCII.
        let first = b[Int(tokens[k + 1].start)]
        let capitalised = (first &- 0x41) < 26 || (first &- 0x30) < 10 || (first >= 0x80 && tokens[k + 1].kind != .cjk)
        guard capitalised else { return nil }
        if terminator == UInt8(ascii: "!") || terminator == UInt8(ascii: "?") || spacedEllipsis { return end }
        // A full stop right after the token (or inside it) may belong to an abbreviation.
        guard ownStop || i == gs else { return end }
        let form = ShortForm(lowercasing: b, token.byteRange)
        if let form, titles.contains(form) { return nil }
        let nextIsNumber = tokens[k + 1].kind == .number
        if nextIsNumber, let form, numberAbbreviations.contains(form) { return nil }
        let next = ShortForm(lowercasing: b, tokens[k + 1].byteRange)
        // Ordinals: "3. Oktober", "am 3. Oktober", "im 19. Jahrhundert".
        if token.kind == .number, token.byteRange.count <= 3 {
            if next.map(months.contains) == true { return nil }
            if k > sentenceStart, let before = ShortForm(lowercasing: b, tokens[k - 1].byteRange), ordinalContexts.contains(before) { return nil }
        }
        if ownStop {
            // "a.m." / "p.m.": a capitalised word after it opens a sentence unless it names a day, month or zone.
            if let form, form == amForm || form == pmForm {
                return next.map(timeContinuations.contains) == true ? nil : end
            }
            return next.map(sentenceOpeners.contains) == true ? end : nil
        }
        let c = b[Int(token.start)]
        if token.byteRange.count == 1 && (c &- 0x41) < 26 {
            // "I" after a word that is not capitalised is the pronoun ending its sentence ("you and I. Did");
            // any other single capital is an initial ("frontman J. Allard", "Albert I. Jones"), which ends a
            // sentence only before a word that usually opens one ("vitamin C. They", "Plan B. The").
            if c == UInt8(ascii: "I"), k > sentenceStart, !startsWithCapital(b, tokens[k - 1]) { return end }
            return next.map(sentenceOpeners.contains) == true ? end : nil
        }
        if form.map(abbreviations.contains) == true {
            return next.map(sentenceOpeners.contains) == true ? end : nil
        }
        return end
    }

    static let amForm = ShortForm(Array("a.m.".utf8))!
    static let pmForm = ShortForm(Array("p.m.".utf8))!

    /// The end of the punctuation that directly follows a sentence's last token (before whitespace or a bullet).
    @inline(__always) static func punctuationEnd(_ b: UnsafeBufferPointer<UInt8>, _ gs: Int, _ ge: Int) -> Int {
        var end = gs
        while end < ge, !isSpace(b[end]), b[end] < 0x80 { end += 1 }
        return end
    }

    /// Whether a token starts with a capital letter (ASCII, or an upper-case letter beyond it).
    static func startsWithCapital(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let c = b[Int(t.start)]
        if c < 0x80 { return (c &- 0x41) < 26 }
        guard let s = CharClass.decode(b, Int(t.start)).0 else { return false }
        return s.properties.isUppercase
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
