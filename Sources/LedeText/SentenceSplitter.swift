/// Paragraphs are separated by a blank line; a text with no blank line at all is split at line ends.
public enum ParagraphSplitter {
    public static func split(utf8 b: [UInt8], tokens: [Token]) -> [TextSpan] {
        let nl = UInt8(ascii: "\n")
        var hasBlankLine = false
        var i = 0
        while i + 1 < b.count {
            if b[i] == nl {
                var j = i + 1
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D { j += 1 }
                if j < b.count, b[j] == nl { hasBlankLine = true; break }
            }
            i += 1
        }
        // Byte ranges of paragraphs.
        var ranges: [Range<Int>] = []
        var start = 0
        i = 0
        while i < b.count {
            if b[i] == nl {
                var j = i + 1
                var isBreak = !hasBlankLine
                if hasBlankLine {
                    while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D { j += 1 }
                    isBreak = j < b.count && b[j] == nl
                }
                if isBreak {
                    ranges.append(start..<i)
                    while j < b.count, b[j] == nl || b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D { j += 1 }
                    start = j
                    i = j
                    continue
                }
            }
            i += 1
        }
        if start < b.count { ranges.append(start..<b.count) }
        // Attach token ranges; drop paragraphs with no tokens.
        var spans: [TextSpan] = []
        var t = 0
        for r in ranges {
            while t < tokens.count, Int(tokens[t].start) < r.lowerBound { t += 1 }
            var e = t
            while e < tokens.count, Int(tokens[e].end) <= r.upperBound { e += 1 }
            if e > t { spans.append(TextSpan(tokens: t..<e, bytes: r)) }
            t = e
        }
        return spans
    }
}

/// Splits each paragraph into sentences at `.`, `!`, `?` (and `…`) followed by a capital, digit or quote,
/// except after abbreviations (Mr., Jan., U.S.), single-letter initials and inside numbers.
/// A paragraph break always ends a sentence, so headlines stand alone.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cmdr",
        "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "plc", "dept", "est", "approx", "fig", "vol",
        "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "ave", "blvd", "rd",
    ]

    public static func split(utf8 b: [UInt8], tokens: [Token], paragraphs: [TextSpan]) -> [TextSpan] {
        var out: [TextSpan] = []
        for p in paragraphs {
            var sentStart = p.tokens.lowerBound
            var byteStart = p.bytes.lowerBound
            for k in p.tokens {
                let next = k + 1
                guard next < p.tokens.upperBound else { break }
                let gapStart = Int(tokens[k].end), gapEnd = Int(tokens[next].start)
                guard endsSentence(b, tokens, k, gapStart, gapEnd) else { continue }
                let byteEnd = trimmedEnd(b, gapStart, gapEnd)
                out.append(TextSpan(tokens: sentStart..<next, bytes: byteStart..<byteEnd))
                sentStart = next
                byteStart = gapStart + leadingSkip(b, gapStart, gapEnd, byteEnd)
            }
            out.append(TextSpan(tokens: sentStart..<p.tokens.upperBound, bytes: byteStart..<p.bytes.upperBound))
        }
        return out
    }

    static func endsSentence(_ b: [UInt8], _ tokens: [Token], _ k: Int, _ gs: Int, _ ge: Int) -> Bool {
        var terminal = -1
        var sawSpace = false
        var i = gs
        while i < ge {
            let c = b[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { if terminal < 0 { terminal = i } }
            else if c == 0xE2, i + 2 < ge, b[i + 1] == 0x80, b[i + 2] == 0xA6 { if terminal < 0 { terminal = i } }
            else if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { if terminal >= 0 { sawSpace = true } }
            i += 1
        }
        guard terminal >= 0, sawSpace else { return false }
        // The next token must look like a sentence start.
        let nextStart = Int(tokens[k + 1].start)
        let first = b[nextStart]
        let startsUpper = (first &- 0x41) < 26 || (first &- 0x30) < 10 || first >= 0x80
        if !startsUpper { return false }
        if b[terminal] == UInt8(ascii: ".") && terminal == gs {
            // "Mr. Smith", "J. Smith": an abbreviation or initial before the full stop.
            let t = tokens[k]
            let len = Int(t.end - t.start)
            if len == 1, (b[Int(t.start)] | 0x20) &- 0x61 < 26 { return false }
            var word = ""
            for x in Int(t.start)..<Int(t.end) { word.unicodeScalars.append(Unicode.Scalar(b[x] < 0x80 ? (b[x] | ((b[x] &- 0x41) < 26 ? 0x20 : 0)) : b[x])) }
            if abbreviations.contains(word) { return false }
        }
        return true
    }

    static func trimmedEnd(_ b: [UInt8], _ gs: Int, _ ge: Int) -> Int {
        var i = gs
        while i < ge, b[i] != 0x20, b[i] != 0x0A, b[i] != 0x09, b[i] != 0x0D { i += 1 }
        return i
    }

    static func leadingSkip(_ b: [UInt8], _ gs: Int, _ ge: Int, _ byteEnd: Int) -> Int {
        var i = byteEnd
        while i < ge, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
        return i - gs
    }
}
