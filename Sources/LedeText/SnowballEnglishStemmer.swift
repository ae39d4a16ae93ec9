/// The Snowball English stemmer ("Porter2"), written from the algorithm's published description
/// (snowballstem.org, current revision: the prefix exceptions gener/commun/arsen/past/univers/later/
/// emerg/organ/inter, the `ing`/`eed` special cases inside step 1b, `ogist`).
///
/// It works on ASCII bytes. A non-ASCII letter is treated as a consonant: it is swapped for a
/// placeholder byte while stemming and restored afterwards — the algorithm only ever removes or
/// replaces ASCII suffixes, so placeholders keep their order.
public enum SnowballEnglishStemmer {
    public static func stem(_ word: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        var foreign: [Unicode.Scalar] = []
        var isASCII = true
        for c in word.utf8 where c >= 0x80 { isASCII = false; break }
        if isASCII {
            for c in word.utf8 { bytes.append(CharClass.lowerASCII(c)) }
        } else {
            for s in word.lowercased().unicodeScalars {
                if s.isASCII { bytes.append(UInt8(s.value)) } else { bytes.append(placeholder); foreign.append(s) }
            }
        }
        stem(&bytes)
        if foreign.isEmpty { return String(decoding: bytes, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var next = 0
        for b in bytes {
            if b == placeholder { out.append(foreign[next]); next += 1 } else { out.append(Unicode.Scalar(b)) }
        }
        return String(out)
    }

    /// Stems lower-case ASCII bytes in place (non-ASCII letters as `placeholder`).
    public static func stem(_ w: inout [UInt8]) {
        if let special = exceptionalForms[w] { w = special; return }
        if w.count < 3 { return }
        var word = Word(w)
        word.prelude()
        word.markRegions()
        word.step1a()
        word.step1b()
        word.step1c()
        word.step2()
        word.step3()
        word.step4()
        word.step5()
        word.postlude()
        w = word.b
    }

    static let placeholder: UInt8 = 0x80

    /// Whole words with a fixed stem (checked before anything else).
    static let exceptionalForms: [[UInt8]: [UInt8]] = {
        var map: [[UInt8]: [UInt8]] = [:]
        let changed = ["skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli",
                       "early": "earli", "only": "onli", "singly": "singl"]
        for (k, v) in changed { map[Array(k.utf8)] = Array(v.utf8) }
        for same in ["sky", "news", "howe", "atlas", "cosmos", "bias", "andes"] { map[Array(same.utf8)] = Array(same.utf8) }
        return map
    }()

    /// A suffix list; `match` returns the longest entry the word ends with (Snowball's `among`).
    struct SuffixList {
        let entries: [(suffix: [UInt8], tag: Int)]
        init(_ list: [(String, Int)]) {
            entries = list.map { (Array($0.0.utf8), $0.1) }.sorted { $0.suffix.count > $1.suffix.count }
        }
        func match(_ b: [UInt8], end: Int) -> (length: Int, tag: Int)? {
            for e in entries where e.suffix.count <= end {
                var k = 0
                let start = end - e.suffix.count
                while k < e.suffix.count, b[start + k] == e.suffix[k] { k += 1 }
                if k == e.suffix.count { return (e.suffix.count, e.tag) }
            }
            return nil
        }
    }

    static let regionPrefixes: [[UInt8]] = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"].map { Array($0.utf8) }

    // Step 1a tags
    static let apostropheSuffixes = SuffixList([("'", 0), ("'s", 0), ("'s'", 0)])
    static let step1aSuffixes = SuffixList([("sses", 1), ("ied", 2), ("ies", 2), ("s", 3), ("us", 0), ("ss", 0)])
    // Step 1b tags: 1 eed/eedly, 2 ed/edly/ingly, 3 ing
    static let step1bSuffixes = SuffixList([("eed", 1), ("eedly", 1), ("ed", 2), ("edly", 2), ("ingly", 2), ("ing", 3)])
    static let doubles = SuffixList(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map { ($0, 0) })
    static let step2Replacements: [String] = [
        "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og", "less",
    ]
    static let step2Suffixes = SuffixList([
        ("tional", 0), ("enci", 1), ("anci", 2), ("abli", 3), ("entli", 4), ("izer", 5), ("ization", 5),
        ("ational", 6), ("ation", 6), ("ator", 6), ("alism", 7), ("aliti", 7), ("alli", 7), ("fulness", 8),
        ("ousli", 9), ("ousness", 9), ("iveness", 10), ("iviti", 10), ("biliti", 11), ("bli", 11),
        ("ogist", 12), ("ogi", 100), ("fulli", 8), ("lessli", 13), ("li", 101),
    ])
    static let step3Suffixes = SuffixList([
        ("tional", 0), ("ational", 1), ("alize", 2), ("icate", 3), ("iciti", 3), ("ical", 3),
        ("ful", 4), ("ness", 4), ("ative", 5),
    ])
    static let step3Replacements: [[UInt8]] = ["tion", "ate", "al", "ic", ""].map { Array($0.utf8) }
    static let step4Suffixes = SuffixList([
        ("al", 0), ("ance", 0), ("ence", 0), ("er", 0), ("ic", 0), ("able", 0), ("ible", 0), ("ant", 0),
        ("ement", 0), ("ment", 0), ("ent", 0), ("ism", 0), ("ate", 0), ("iti", 0), ("ous", 0), ("ive", 0),
        ("ize", 0), ("ion", 1),
    ])

    struct Word {
        var b: [UInt8]
        var p1 = 0, p2 = 0
        var sawY = false

        init(_ bytes: [UInt8]) { b = bytes }

        static let Y = UInt8(ascii: "Y")

        @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
            switch c {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
            default: return false
            }
        }

        func vowel(_ i: Int) -> Bool { Word.isVowel(b[i]) }
        func endsWith(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard b.count >= n else { return false }
            let p = s.utf8Start
            for k in 0..<n where b[b.count - n + k] != p[k] { return false }
            return true
        }
        func hasVowel(before end: Int) -> Bool {
            var i = 0
            while i < end { if vowel(i) { return true }; i += 1 }
            return false
        }
        mutating func replaceSuffix(length: Int, with s: [UInt8]) {
            b.removeLast(length)
            b.append(contentsOf: s)
        }
        mutating func replaceSuffix(length: Int, with s: String) { replaceSuffix(length: length, with: Array(s.utf8)) }

        mutating func prelude() {
            if b.first == UInt8(ascii: "'") { b.removeFirst() }
            // A y that is initial or follows a vowel acts as a consonant: mark it Y.
            for i in b.indices where b[i] == UInt8(ascii: "y") && (i == 0 || vowel(i - 1)) {
                b[i] = Word.Y; sawY = true
            }
        }

        /// The position after the first non-vowel that follows a vowel, searching from `from`.
        func regionStart(from: Int) -> Int {
            var i = from
            while i < b.count, !vowel(i) { i += 1 }
            while i < b.count, vowel(i) { i += 1 }
            return i < b.count ? i + 1 : b.count
        }

        mutating func markRegions() {
            p1 = -1
            for prefix in SnowballEnglishStemmer.regionPrefixes where b.count >= prefix.count && b.starts(with: prefix) {
                p1 = prefix.count; break
            }
            if p1 < 0 { p1 = regionStart(from: 0) }
            p2 = regionStart(from: p1)
        }

        /// A short syllable ends at `end`: non-vowel (not w, x, Y) after a vowel after a non-vowel;
        /// or a vowel at the start followed by a non-vowel; or the word part is "past".
        func shortSyllable(endingAt end: Int) -> Bool {
            if end >= 3 {
                let last = b[end - 1]
                if !Word.isVowel(last), last != UInt8(ascii: "w"), last != UInt8(ascii: "x"), last != Word.Y,
                   vowel(end - 2), !vowel(end - 3) { return true }
            }
            if end == 2, !vowel(1), vowel(0) { return true }
            if end >= 4, b[end - 4] == UInt8(ascii: "p"), b[end - 3] == UInt8(ascii: "a"),
               b[end - 2] == UInt8(ascii: "s"), b[end - 1] == UInt8(ascii: "t") { return true }
            return false
        }

        mutating func step1a() {
            if let m = SnowballEnglishStemmer.apostropheSuffixes.match(b, end: b.count) { b.removeLast(m.length) }
            guard let m = SnowballEnglishStemmer.step1aSuffixes.match(b, end: b.count) else { return }
            let start = b.count - m.length
            switch m.tag {
            case 1: replaceSuffix(length: m.length, with: "ss")
            case 2: replaceSuffix(length: m.length, with: start >= 2 ? "i" : "ie")
            case 3:
                // Delete s only when a vowel stands somewhere before the letter preceding it ("gaps", not "gas").
                if start >= 1, hasVowel(before: start - 1) { b.removeLast() }
            default: break
            }
        }

        mutating func step1b() {
            let m = SnowballEnglishStemmer.step1bSuffixes.match(b, end: b.count)
            guard let m else { return }
            let start = b.count - m.length
            switch m.tag {
            case 1:
                let stemPart = b[0..<start]
                if stemPart.elementsEqual("proc".utf8) || stemPart.elementsEqual("exc".utf8) || stemPart.elementsEqual("succ".utf8) { return }
                if start >= p1 { replaceSuffix(length: m.length, with: "ee") }
                return
            case 3:
                // dying → die, vying → vie; inning, outing, canning, herring, earring, evening stay.
                if start == 2, b[1] == UInt8(ascii: "y"), !vowel(0) {
                    replaceSuffix(length: m.length + 1, with: "ie"); return
                }
                let stemPart = b[0..<start]
                for keep in ["inn", "out", "cann", "herr", "earr", "even"] where stemPart.elementsEqual(keep.utf8) { return }
            default: break
            }
            // ed, edly, ing, ingly: delete when a vowel precedes, then tidy the new ending.
            guard hasVowel(before: start) else { return }
            b.removeLast(m.length)
            if endsWith("at") || endsWith("bl") || endsWith("iz") {
                b.append(UInt8(ascii: "e"))
            } else if SnowballEnglishStemmer.doubles.match(b, end: b.count) != nil {
                // "add", "err", "odd" keep their double letter.
                let c = b[b.count - 3 < 0 ? 0 : b.count - 3]
                let keep = b.count == 3 && (c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "o"))
                if !keep { b.removeLast() }
            } else if b.count == p1, shortSyllable(endingAt: b.count) {
                b.append(UInt8(ascii: "e"))
            }
        }

        mutating func step1c() {
            let n = b.count
            guard n >= 3, b[n - 1] == UInt8(ascii: "y") || b[n - 1] == Word.Y, !vowel(n - 2) else { return }
            b[n - 1] = UInt8(ascii: "i")
        }

        mutating func step2() {
            guard let m = SnowballEnglishStemmer.step2Suffixes.match(b, end: b.count) else { return }
            let start = b.count - m.length
            guard start >= p1 else { return }
            switch m.tag {
            case 100:
                if start >= 1, b[start - 1] == UInt8(ascii: "l") { replaceSuffix(length: m.length, with: "og") }
            case 101:
                if start >= 1, "cdeghkmnrt".utf8.contains(b[start - 1]) { b.removeLast(m.length) }
            default:
                replaceSuffix(length: m.length, with: SnowballEnglishStemmer.step2Replacements[m.tag])
            }
        }

        mutating func step3() {
            guard let m = SnowballEnglishStemmer.step3Suffixes.match(b, end: b.count) else { return }
            let start = b.count - m.length
            guard start >= p1 else { return }
            if m.tag == 5 {
                if start >= p2 { b.removeLast(m.length) }
            } else {
                replaceSuffix(length: m.length, with: SnowballEnglishStemmer.step3Replacements[m.tag])
            }
        }

        mutating func step4() {
            guard let m = SnowballEnglishStemmer.step4Suffixes.match(b, end: b.count) else { return }
            let start = b.count - m.length
            guard start >= p2 else { return }
            if m.tag == 1 {
                if start >= 1, b[start - 1] == UInt8(ascii: "s") || b[start - 1] == UInt8(ascii: "t") { b.removeLast(m.length) }
            } else {
                b.removeLast(m.length)
            }
        }

        mutating func step5() {
            guard let last = b.last else { return }
            let start = b.count - 1
            if last == UInt8(ascii: "e") {
                if start >= p2 || (start >= p1 && !shortSyllable(endingAt: start)) { b.removeLast() }
            } else if last == UInt8(ascii: "l") {
                if start >= p2, start >= 1, b[start - 1] == UInt8(ascii: "l") { b.removeLast() }
            }
        }

        mutating func postlude() {
            guard sawY else { return }
            for i in b.indices where b[i] == Word.Y { b[i] = UInt8(ascii: "y") }
        }
    }
}
