import Foundation

/// Splits UTF-8 text into word, number, URL, e-mail and CJK tokens.
///
/// Rules (scanning bytes, ASCII fast path, Unicode letter/digit classes beyond it):
/// - a word is a run of letters, digits and combining marks; an apostrophe (' or ’) or hyphen between
///   two such characters stays inside it ("don't", "China-Russia", "BBC's");
/// - single letters each followed by a full stop form one acronym token, the last stop included
///   ("U.S." → "u.s.", "e.g.", "a.m."); "J. K." (with spaces) stays two initials;
/// - a token starting with a digit is a number; inside it `.` and `,` stay only between two digits
///   ("1,200.50", "3.5", "2015-16", "5bn"); a following `%` is not part of it ("10%" → "10");
/// - `http://`, `https://` and `www.` start a URL that runs to whitespace, less trailing punctuation;
/// - `local@domain.tld` is one e-mail token (local part: letters, digits and . _ + -);
/// - CJK: each Han ideograph is its own token (no dictionary segmentation: a character is the unit a
///   reader of Chinese counts), and each run of kana or of Hangul is one token (Korean separates words
///   with spaces; katakana runs are loanwords);
/// - everything else (punctuation, symbols, whitespace) separates tokens.
/// Forms are normalised to lower case with ’ folded to '.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokenises `text` and interns every form into `vocabulary` (one lock per call).
    public func tokenize(_ text: String, vocabulary: Vocabulary) -> TokenizedText {
        tokenize(utf8: Array(text.utf8), vocabulary: vocabulary)
    }

    public func tokenize(utf8 bytes: [UInt8], vocabulary: Vocabulary) -> TokenizedText {
        tokenize(batch: [bytes], vocabulary: vocabulary)[0]
    }

    /// Tokenises several texts with one local table and ONE merge into `vocabulary`: far fewer probes
    /// of the shared table than a merge per text (a news article repeats most of its neighbours' words).
    public func tokenize(batch texts: [[UInt8]], vocabulary: Vocabulary) -> [TokenizedText] {
        var batch = TokenBatch(expectedBytes: texts.reduce(0) { $0 + $1.count })
        for bytes in texts { batch.append(bytes) }
        return batch.finish(into: vocabulary)
    }

    /// Tokenises many texts on all cores, in batches of `batchSize` (one vocabulary merge per batch).
    /// The result is in the order of `texts`; ids do not depend on scheduling beyond first-seen order.
    public func tokenizeConcurrently(_ texts: [[UInt8]], vocabulary: Vocabulary, batchSize: Int = 64) -> [TokenizedText] {
        Parallel.map(count: texts.count, chunk: batchSize) { range in
            tokenize(batch: Array(texts[range]), vocabulary: vocabulary)
        }.flatMap { $0 }
    }

    /// The tokens of a text as (surface range, kind) without interning — for callers that only scan.
    public static func ranges(_ text: String) -> [(Range<Int>, TokenKind)] {
        var out: [(Range<Int>, TokenKind)] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in forEachToken(b) { out.append(($0, $1)) } }
        return out
    }

    /// Calls `body` with each token's surface byte range and kind, in order, without interning.
    public static func forEachToken(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, TokenKind) -> Void) {
        scan(bytes) { body($0..<$1, $2) }
    }

    /// The normalised form a token would get (lower case, ’ → '): the one definition, which the
    /// tokenizer's ASCII fast path matches byte for byte.
    public static func normalise(_ surface: String) -> String {
        var form = surface.lowercased()
        if form.utf8.contains(0xE2) { form = form.replacingOccurrences(of: "\u{2019}", with: "'") }
        return form
    }

    // MARK: scanning

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { ((c | 0x20) &- 0x61) < 26 }
    @inline(__always) static func isASCIIDigit(_ c: UInt8) -> Bool { (c &- 0x30) < 10 }

    static func scan(_ b: UnsafeBufferPointer<UInt8>, _ emit: (Int, Int, TokenKind) -> Void) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            var cls: CharClass
            var len = 1
            if c < 0x80 {
                if isASCIILetter(c) {
                    cls = .letter
                    // Quick rejections before the calls: a URL starts "ht" or "ww", an acronym has "." second.
                    let second = i + 1 < n ? b[i + 1] | 0x20 : 0
                    if (c | 0x20 == UInt8(ascii: "h") && second == UInt8(ascii: "t")) || (c | 0x20 == UInt8(ascii: "w") && second == UInt8(ascii: "w")),
                       let end = urlEnd(b, i) {
                        emit(i, end, .url); i = end; continue
                    }
                    if second == UInt8(ascii: "."), let end = acronymEnd(b, i) { emit(i, end, .word); i = end; continue }
                } else if isASCIIDigit(c) {
                    cls = .digit
                } else {
                    i += 1; continue
                }
            } else {
                (cls, len) = CharClass.classify(b, i)
            }
            switch cls {
            case .other, .mark:
                i += len
            case .han:
                emit(i, i + len, .cjk); i += len
            case .kana, .hangul:
                var j = i + len
                while j < n, b[j] >= 0x80 { let (k, l) = CharClass.classify(b, j); if k != cls { break }; j += l }
                emit(i, j, .cjk); i = j
            case .letter, .digit:
                let numeric = cls == .digit
                var j = i + len
                while j < n {
                    let d = b[j]
                    // ASCII fast path: letters and digits continue the token.
                    if d < 0x80 {
                        if isASCIILetter(d) || isASCIIDigit(d) { j += 1; continue }
                        // Joiners stay inside only between two word characters; . and , only between digits.
                        if j + 1 < n {
                            switch d {
                            case UInt8(ascii: "'"), UInt8(ascii: "-"):
                                if isWordStart(b, j + 1) { j += 1; continue }
                            case UInt8(ascii: "."), UInt8(ascii: ","):
                                if numeric, isASCIIDigit(b[j - 1]), isASCIIDigit(b[j + 1]) { j += 1; continue }
                            default: break
                            }
                        }
                        break
                    }
                    let (k, l) = CharClass.classify(b, j)
                    if k == .letter || k == .digit || k == .mark { j += l; continue }
                    // ’ (E2 80 99) between word characters.
                    if d == 0xE2, j + 3 < n, b[j + 1] == 0x80, b[j + 2] == 0x99, isWordStart(b, j + 3) { j += 3; continue }
                    break
                }
                // E-mail: only worth a look when "@", or a local-part joiner followed by a letter or digit, comes next.
                if j + 1 < n, b[j] == UInt8(ascii: "@") || (b[j] != 0x20 && b[j] < 0x80 && CharClass.isASCIIAlnum(b[j + 1])),
                   let end = emailEnd(b, tokenStart: i, wordEnd: j) {
                    emit(i, end, .email); i = end; continue
                }
                emit(i, j, numeric ? .number : .word)
                i = j
            }
        }
    }

    /// A letter or digit (any script) starts at `j`.
    @inline(__always) static func isWordStart(_ b: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        let c = b[j]
        if c < 0x80 { return isASCIILetter(c) || isASCIIDigit(c) }
        let k = CharClass.classify(b, j).0
        return k == .letter || k == .digit
    }

    /// "U.S.", "e.g.", "U.S.A.": single ASCII letters each followed by `.`, at least two of them.
    static func acronymEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = b.count
        guard i + 3 < n, b[i + 1] == UInt8(ascii: "."), isASCIILetter(b[i + 2]), b[i + 3] == UInt8(ascii: ".") else { return nil }
        if i > 0, b[i - 1] < 0x80, isASCIILetter(b[i - 1]) || isASCIIDigit(b[i - 1]) || b[i - 1] == UInt8(ascii: ".") { return nil }
        var j = i + 4
        while j + 1 < n, isASCIILetter(b[j]), b[j + 1] == UInt8(ascii: ".") { j += 2 }
        // "U.S.A" without a final stop, or "e.g.x": not an acronym boundary we trust.
        if j < n, b[j] < 0x80, isASCIILetter(b[j]) || isASCIIDigit(b[j]) { return nil }
        return j
    }

    static func urlEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        func has(_ s: StaticString) -> Bool {
            let p = s.utf8Start; let len = s.utf8CodeUnitCount
            guard i + len <= b.count else { return false }
            for k in 0..<len where CharClass.lowerASCII(b[i + k]) != p[k] { return false }
            return true
        }
        guard has("http://") || has("https://") || has("www.") else { return nil }
        if i > 0, CharClass.isASCIIAlnum(b[i - 1]) { return nil }
        var j = i
        while j < b.count, b[j] > 0x20, b[j] != UInt8(ascii: "\""), b[j] != UInt8(ascii: "<"), b[j] != UInt8(ascii: ">") { j += 1 }
        trailing: while j > i {
            switch b[j - 1] {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                 UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "'"): j -= 1
            default: break trailing
            }
        }
        return j - i > 7 ? j : nil
    }

    /// An e-mail address starting at `tokenStart`, when the word ending at `wordEnd` continues with
    /// local-part characters up to an `@` and a dotted domain.
    static func emailEnd(_ b: UnsafeBufferPointer<UInt8>, tokenStart: Int, wordEnd: Int) -> Int? {
        // RFC 5321 caps the local part at 64 bytes; the cap also keeps long dotted runs linear.
        switch b[wordEnd] {
        case UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"): break
        default: return nil
        }
        var at = wordEnd
        let limit = min(b.count, tokenStart + 64)
        while at < limit {
            let c = b[at]
            if c == UInt8(ascii: "@") { break }
            if CharClass.isASCIIAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                at += 1; continue
            }
            return nil
        }
        guard at < limit, b[at] == UInt8(ascii: "@"), b[at - 1] != UInt8(ascii: ".") else { return nil }
        var j = at + 1
        var sawDot = false
        var lastWasDot = true
        while j < b.count {
            let c = b[j]
            if CharClass.isASCIIAlnum(c) || c == UInt8(ascii: "-") { lastWasDot = false; j += 1; continue }
            if c == UInt8(ascii: "."), !lastWasDot, j + 1 < b.count, CharClass.isASCIIAlnum(b[j + 1]) {
                sawDot = true; lastWasDot = true; j += 1; continue
            }
            break
        }
        return sawDot && j > at + 3 ? j : nil
    }

    /// Lower-cases the token's bytes (ASCII: hashed straight from the text when it has no capitals, else
    /// through a scratch buffer; other scripts through `lowercased()`, with ’ folded to ') and interns
    /// them into the document's local table. Also sets `surface` to how the surface follows from the form
    /// (`SurfaceCode`) where that falls out of lower-casing (ASCII tokens up to 32 bytes); other tokens leave
    /// it as it was.
    @inline(__always)
    static func internNormalised(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                 _ table: inout InternTable, _ scratch: inout LowercaseScratch, surface: inout UInt8) -> UInt32 {
        let count = end - start
        // ASCII tokens, 8 bytes at a time (SWAR): lower-case A–Z by setting bit 5, hash the words.
        if count <= 32 {
            var code = SurfaceCode.unknown
            let done: UInt32? = withUnsafeMutableBytes(of: &scratch) { out -> UInt32? in
                var h = InternTable.seed(count: count)
                var changed = false
                // Capitals in the first word and in the rest; whether every letter is a capital.
                var firstUpper: UInt64 = 0, laterUpper: UInt64 = 0, allLettersUpper = true
                var i = 0
                while i < count {
                    let n = min(8, count - i)
                    var w: UInt64
                    if start + i + 8 <= b.count {
                        w = UnsafeRawPointer(b.baseAddress! + start + i).loadUnaligned(as: UInt64.self)
                        if n < 8 { w &= (1 << (8 * UInt64(n))) &- 1 }
                    } else {
                        w = 0
                        for k in 0..<n { w |= UInt64(b[start + i + k]) << (8 * UInt64(k)) }
                    }
                    if w & 0x8080_8080_8080_8080 != 0 { return nil }
                    // Per byte: ≥ "A" and ≤ "Z" ⇒ upper case (no carries: every byte is < 0x80).
                    let upper = (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
                    let lowered = w | (upper >> 2)
                    changed = changed || upper != 0
                    // Per byte: ≥ "a" and ≤ "z" ⇒ a letter (of the lowered word).
                    let letters = (lowered &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lowered &+ 0x0505_0505_0505_0505) & 0x8080_8080_8080_8080
                    if i == 0 { firstUpper = upper } else { laterUpper |= upper }
                    allLettersUpper = allLettersUpper && upper == letters
                    out.storeBytes(of: lowered, toByteOffset: i, as: UInt64.self)
                    h = InternTable.step(h, lowered)
                    i += 8
                }
                // The same choice, in the same order, as `LiteralWriter.encodeSurface`.
                if firstUpper | laterUpper == 0 { code = SurfaceCode.form }
                else if firstUpper == 0x80 && laterUpper == 0 { code = SurfaceCode.capitalised }
                else if allLettersUpper { code = SurfaceCode.capitals }
                else { code = SurfaceCode.literal }
                let hash = InternTable.mix(h)
                if !changed { return table.intern(UnsafeBufferPointer(rebasing: b[start..<end]), hash: hash) }
                let bytes = UnsafeBufferPointer(start: out.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
                return table.intern(bytes, hash: hash)
            }
            if let id = done { surface = code; return id }
        } else {
            var ascii = true
            for k in start..<end where b[k] >= 0x80 { ascii = false; break }
            if ascii {
                let lowered = (start..<end).map { CharClass.lowerASCII(b[$0]) }
                return lowered.withUnsafeBufferPointer { table.intern($0, hash: InternTable.hash($0)) }
            }
        }
        var form = normalise(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
        return form.withUTF8 { table.intern($0, hash: InternTable.hash($0)) }
    }
}

/// Room for a token of up to 32 bytes lower-cased 8 at a time: a value the tokenizer keeps, not an array (an
/// array is checked for sharing on every token).
typealias LowercaseScratch = (UInt64, UInt64, UInt64, UInt64, UInt64)
