import Foundation

/// Syllable counts: CMUdict's first pronunciation when the word is in it, else spelling rules.
///
/// The dictionary is `Resources/cmudict/syllables.txt` (built by Scripts/eval/build-syllables.sh;
/// CMUdict's BSD licence beside it): sorted "word count" lines, searched by binary search over the
/// raw bytes. It is read on first use only, so starting the shell never pays for it.
///
/// Rules for words not in the dictionary (`ruleCount`):
/// - a hyphenated word is the sum of its parts ("china-russia" = 2 + 2), each part looked up first;
/// - a possessive 's / ' adds nothing, except after s, x, z, ch, sh, ce, ge ("boss's" = 2);
/// - otherwise count groups of vowels (a e i o u, y when not word-initial, accented vowels), then
///   - a final e after a consonant is silent ("make"), except consonant + le ("table");
///   - -es is silent after a consonant other than s x z c g ch sh ("makes", but "boxes", "pages");
///   - -ed is silent after a consonant other than t and d ("jumped", but "wanted"), and consonant + led
///     keeps the syllable of -le ("tabled");
///   - the vowel pairs ia io iu eo ua uo ii are two syllables ("media", "video", "dual"), except in
///     ci/ti/si/gi + vowel ("special", "nation", "vision", "region") and qu/gu + vowel ("quality");
///   - a final -ism adds one ("racism");
///   - at least one syllable. A token without letters (a number) counts one syllable.
public enum Syllables {
    public static func count(_ word: String) -> Int {
        let w = normalised(word)
        if let n = lookup(w) { return n }
        return ruleCount(normalisedWord: w)
    }

    /// CMUdict's count for the first pronunciation, nil when the word is not in CMUdict.
    public static func dictionaryCount(_ word: String) -> Int? { lookup(normalised(word)) }

    /// The rule-based estimate alone (the dictionary is consulted only for parts of hyphenated words).
    public static func ruleCount(_ word: String) -> Int { ruleCount(normalisedWord: normalised(word)) }

    // MARK: dictionary

    static func normalised(_ word: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        var ascii = true
        for c in word.utf8 where c >= 0x80 { ascii = false; break }
        if ascii {
            for c in word.utf8 { out.append(CharClass.lowerASCII(c)) }
        } else {
            out.append(contentsOf: Tokenizer.normalise(word).utf8)
        }
        return out
    }

    /// The dictionary bytes and the start offset of each line, loaded once on first use.
    final class Dictionary: Sendable {
        let bytes: [UInt8]
        let lineStarts: [Int32]

        init() {
            let url = Bundle.module.url(forResource: "syllables", withExtension: "txt", subdirectory: "Resources/cmudict")
            let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data()
            bytes = [UInt8](data)
            var starts: [Int32] = []
            starts.reserveCapacity(140_000)
            var lineStart = 0
            for (i, c) in bytes.enumerated() where c == 0x0A {
                if i > lineStart { starts.append(Int32(lineStart)) }
                lineStart = i + 1
            }
            if lineStart < bytes.count { starts.append(Int32(lineStart)) }
            lineStarts = starts
        }

        /// Binary search; each line is "word count".
        func count(of key: [UInt8]) -> Int? {
            guard !key.isEmpty else { return nil }
            return bytes.withUnsafeBufferPointer { b -> Int? in
                var lo = 0, hi = lineStarts.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    let start = Int(lineStarts[mid])
                    var i = start, k = 0
                    var order = 0
                    while true {
                        let lineEnded = b[i] == 0x20
                        if k == key.count { order = lineEnded ? 0 : -1; break }   // key is a prefix: key < word
                        if lineEnded { order = 1; break }                          // word is a prefix: key > word
                        if key[k] != b[i] { order = key[k] < b[i] ? -1 : 1; break }
                        i += 1; k += 1
                    }
                    if order == 0 {
                        var n = 0
                        var j = i + 1
                        while j < b.count, b[j] >= 0x30, b[j] <= 0x39 { n = n * 10 + Int(b[j] - 0x30); j += 1 }
                        return n
                    }
                    if order < 0 { hi = mid } else { lo = mid + 1 }
                }
                return nil
            }
        }
    }

    static let dictionary = Dictionary()

    static func lookup(_ key: [UInt8]) -> Int? { dictionary.count(of: key) }

    /// Number of headwords in the bundled dictionary (loads it).
    public static var dictionarySize: Int { dictionary.lineStarts.count }

    // MARK: rules

    static func ruleCount(normalisedWord w: [UInt8]) -> Int {
        let hyphen = UInt8(ascii: "-")
        if w.contains(hyphen) {
            var total = 0
            for part in w.split(separator: hyphen) where !part.isEmpty {
                let p = Array(part)
                total += lookup(p) ?? ruleCount(normalisedWord: p)
            }
            return max(total, 1)
        }
        let apostrophe = UInt8(ascii: "'")
        if let a = w.firstIndex(of: apostrophe), a > 0 {
            let base = Array(w[..<a])
            let tail = w[(a + 1)...]
            var n = lookup(base) ?? ruleCount(normalisedWord: base)
            if tail.elementsEqual("s".utf8) || tail.isEmpty {
                if endsInSibilant(base) && !tail.isEmpty { n += 1 }
                return n
            }
            // Contractions: the tail adds its own vowel groups ("could've").
            return n + vowelGroupCount(Array(tail))
        }
        guard w.contains(where: { CharClass.isASCIIAlnum($0) && $0 > 0x39 || $0 >= 0x80 }) else { return 1 }
        return max(1, adjustedVowelGroups(w))
    }

    static func endsInSibilant(_ w: [UInt8]) -> Bool {
        guard let last = w.last else { return false }
        if "sxz".utf8.contains(last) { return true }
        if w.count >= 2 {
            let pair = (w[w.count - 2], last)
            if pair == (UInt8(ascii: "c"), UInt8(ascii: "h")) || pair == (UInt8(ascii: "s"), UInt8(ascii: "h")) { return true }
            if last == UInt8(ascii: "e"), pair.0 == UInt8(ascii: "c") || pair.0 == UInt8(ascii: "g") { return true }
        }
        return false
    }

    /// Vowel letters as a scalar test, including common accented vowels.
    static func isVowel(_ s: Unicode.Scalar, initial: Bool) -> Bool {
        switch s {
        case "a", "e", "i", "o", "u": return true
        case "y": return !initial
        case "à", "á", "â", "ã", "ä", "å", "æ", "è", "é", "ê", "ë", "ì", "í", "î", "ï", "ò", "ó", "ô", "õ", "ö",
             "ø", "ù", "ú", "û", "ü", "ý", "ÿ", "œ": return true
        default: return false
        }
    }

    static func vowelGroupCount(_ w: [UInt8]) -> Int {
        let scalars = Array(String(decoding: w, as: UTF8.self).unicodeScalars)
        var n = 0
        var inGroup = false
        for (i, s) in scalars.enumerated() {
            let v = isVowel(s, initial: i == 0)
            if v && !inGroup { n += 1 }
            inGroup = v
        }
        return n
    }

    static func adjustedVowelGroups(_ w: [UInt8]) -> Int {
        let s = Array(String(decoding: w, as: UTF8.self).unicodeScalars)
        let n = s.count
        func vowel(_ i: Int) -> Bool { i >= 0 && i < n && isVowel(s[i], initial: i == 0) }
        func at(_ i: Int, _ c: Unicode.Scalar) -> Bool { i >= 0 && i < n && s[i] == c }
        var count = 0
        var inGroup = false
        for i in 0..<n {
            let v = vowel(i)
            if v && !inGroup { count += 1 }
            // Vowel pairs that are two syllables (me-di-a, vi-de-o, du-al), unless ci/ti/si/gi + vowel.
            if v && inGroup, i >= 1 {
                let a = s[i - 1], b = s[i]
                let split = (a == "i" && (b == "a" || b == "o" || b == "u" || b == "i")) || (a == "e" && b == "o")
                    || (a == "u" && (b == "a" || b == "o"))
                let before: Unicode.Scalar = i >= 2 ? s[i - 2] : " "
                let softened = (a == "i" && (before == "c" || before == "t" || before == "s" || before == "g"))
                    || (a == "u" && (before == "q" || before == "g"))
                if split && !softened { count += 1 }
            }
            inGroup = v
        }
        guard count > 1 else { return count }
        let last = n - 1
        if at(last, "e"), !vowel(last - 1) {
            let consonantLE = at(last - 1, "l") && n >= 3 && !vowel(last - 2)
            if !consonantLE { count -= 1 }
        } else if at(last, "s"), at(last - 1, "e"), n >= 3, !vowel(last - 2) {
            let p = s[last - 2]
            let voiced = p == "s" || p == "x" || p == "z" || p == "c" || p == "g" || (p == "h" && (at(last - 3, "c") || at(last - 3, "s")))
            if !voiced { count -= 1 }
        } else if at(last, "d"), at(last - 1, "e"), n >= 3, !vowel(last - 2), !at(last - 2, "t"), !at(last - 2, "d") {
            // consonant + "led" keeps the syllable of "-le" ("tabled"), except after r or l ("curled", "called").
            let keepsLE = at(last - 2, "l") && n >= 4 && !vowel(last - 3) && !at(last - 3, "r") && !at(last - 3, "l")
            if !keepsLE { count -= 1 }
        }
        if n >= 4, at(last, "m"), at(last - 1, "s"), at(last - 2, "i") { count += 1 }
        return max(count, 1)
    }
}

/// The Dale–Chall list of 3,000 words familiar to fourth-grade readers (as distributed with textstat,
/// MIT licence in Resources/dale-chall/LICENSE.textstat). Loaded on first use.
public enum DaleChall {
    static let easyWords: Set<String> = {
        guard let url = Bundle.module.url(forResource: "easy_words", withExtension: "txt", subdirectory: "Resources/dale-chall"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var words = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let w = line.trimmingCharacters(in: .whitespaces).lowercased()
            if !w.isEmpty { words.insert(w) }
        }
        return words
    }()

    /// True when the lower-cased form (’ folded to ') is on the list. Inflections count only when
    /// listed themselves, as textstat does.
    public static func isEasy(_ word: String) -> Bool {
        // Vocabulary forms are already lower-case ASCII nearly always: no lower-casing copy, no ’ search.
        if word.utf8.allSatisfy({ $0 < 0x80 && ($0 &- 0x41) >= 26 }) { return easyWords.contains(word) }
        return easyWords.contains(Tokenizer.normalise(word))
    }

    public static var listSize: Int { easyWords.count }
}
