import Foundation

/// Splits UTF-8 text into word, number, URL, e-mail and CJK tokens.
///
/// Rules (scanning bytes, ASCII fast path, Unicode classes beyond it):
/// - a word is a run of letters, digits and combining marks; an apostrophe (' or ’) or hyphen between
///   two such characters stays inside it ("don't", "China-Russia");
/// - a number is a run of digits with `.` or `,` between digits ("1,200.50");
/// - `http://`, `https://` and `www.` start a URL that runs to whitespace, less trailing punctuation;
/// - `name@domain.tld` is one e-mail token;
/// - each Han ideograph, and each run of kana or Hangul, is its own token (no dictionary segmentation).
/// Forms are normalised to lower case with ’ folded to '.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokenises `text` and interns every form into `vocabulary` (one lock per call).
    public func tokenize(_ text: String, vocabulary: Vocabulary) -> TokenizedText {
        let bytes = Array(text.utf8)
        return tokenize(utf8: bytes, vocabulary: vocabulary)
    }

    public func tokenize(utf8 bytes: [UInt8], vocabulary: Vocabulary) -> TokenizedText {
        var local: [String: UInt32] = [:]
        var localForms: [String] = []
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 6)
        bytes.withUnsafeBufferPointer { buf in
            scan(buf) { start, end, kind in
                let form = Tokenizer.normalise(buf, start, end, kind)
                let id: UInt32
                if let existing = local[form] { id = existing } else {
                    id = UInt32(localForms.count)
                    local[form] = id
                    localForms.append(form)
                }
                tokens.append(Token(id: id, start: UInt32(start), end: UInt32(end), kind: kind))
            }
        }
        let global = vocabulary.intern(localForms)
        for i in tokens.indices { tokens[i].id = global[Int(tokens[i].id)] }
        let paragraphs = ParagraphSplitter.split(utf8: bytes, tokens: tokens)
        let sentences = SentenceSplitter.split(utf8: bytes, tokens: tokens, paragraphs: paragraphs)
        return TokenizedText(utf8: bytes, tokens: tokens, sentences: sentences, paragraphs: paragraphs)
    }

    // MARK: scanning

    func scan(_ b: UnsafeBufferPointer<UInt8>, _ emit: (Int, Int, TokenKind) -> Void) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if !CharClass.isASCIIAlnum(c) { i += 1; continue }
                if let end = Tokenizer.urlEnd(b, i) { emit(i, end, .url); i = end; continue }
            }
            let (cls, len) = CharClass.classify(b, i)
            switch cls {
            case .other:
                i += len
            case .han:
                emit(i, i + len, .cjk); i += len
            case .kana, .hangul:
                var j = i + len
                while j < n { let (k, l) = CharClass.classify(b, j); if k != cls { break }; j += l }
                emit(i, j, .cjk); i = j
            case .letter, .digit:
                var j = i + len
                var allDigits = cls == .digit
                while j < n {
                    let (k, l) = CharClass.classify(b, j)
                    if k == .letter || k == .digit || k == .mark {
                        if k == .letter { allDigits = false }
                        j += l; continue
                    }
                    // Joiners stay inside a token only between two word characters;
                    // `.` and `,` only between digits ("1,200.50").
                    let joinLen = Tokenizer.joinerLength(b, j, numeric: allDigits)
                    if joinLen > 0, j + joinLen < n {
                        let (after, _) = CharClass.classify(b, j + joinLen)
                        let numericSeparator = b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ",")
                        if numericSeparator ? after == .digit : (after == .letter || after == .digit) {
                            j += joinLen
                            continue
                        }
                    }
                    break
                }
                // e-mail: word@domain.tld
                if j < n, b[j] == UInt8(ascii: "@"), let end = Tokenizer.emailEnd(b, j) {
                    emit(i, end, .email); i = end; continue
                }
                emit(i, j, allDigits ? .number : .word)
                i = j
            case .mark:
                i += len
            }
        }
    }

    /// Bytes of an in-word joiner at `j`: ' - . , (ASCII) or ’ (3 bytes); 0 if none.
    static func joinerLength(_ b: UnsafeBufferPointer<UInt8>, _ j: Int, numeric: Bool) -> Int {
        switch b[j] {
        case UInt8(ascii: "'"), UInt8(ascii: "-"): return 1
        case UInt8(ascii: "."), UInt8(ascii: ","): return numeric ? 1 : 0
        case 0xE2 where j + 2 < b.count && b[j + 1] == 0x80 && b[j + 2] == 0x99: return 3
        default: return 0
        }
    }

    static func urlEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        func has(_ s: StaticString) -> Bool {
            let p = s.utf8Start; let len = s.utf8CodeUnitCount
            guard i + len <= b.count else { return false }
            for k in 0..<len where CharClass.lowerASCII(b[i + k]) != p[k] { return false }
            return true
        }
        guard b[i] == UInt8(ascii: "h") || b[i] == UInt8(ascii: "H") || b[i] == UInt8(ascii: "w") || b[i] == UInt8(ascii: "W") else { return nil }
        guard has("http://") || has("https://") || has("www.") else { return nil }
        if i > 0, CharClass.isASCIIAlnum(b[i - 1]) { return nil }
        var j = i
        while j < b.count, b[j] > 0x20, b[j] != UInt8(ascii: "\""), b[j] != UInt8(ascii: "<"), b[j] != UInt8(ascii: ">") { j += 1 }
        while j > i, let last = Optional(b[j - 1]), ".,;:!?)]}'".utf8.contains(last) { j -= 1 }
        return j - i > 7 ? j : nil
    }

    static func emailEnd(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
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

    static func normalise(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: TokenKind) -> String {
        var ascii = true
        for k in start..<end where b[k] >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: end - start) { out in
                for k in start..<end { out[k - start] = CharClass.lowerASCII(b[k]) }
                return end - start
            }
        }
        let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        return s.replacingOccurrences(of: "\u{2019}", with: "'").lowercased()
    }
}

