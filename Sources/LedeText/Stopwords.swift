import Foundation

/// A stopword list: lower-case forms, from the bundled jusText stoplists (BSD, see Resources/stoplists/LICENSE.rst)
/// or a user's file (one word a line, `#` comments).
public struct Stopwords: Sendable {
    public let name: String
    public let words: Set<String>
    /// The same words as 64-bit hashes of their UTF-8 bytes, for lookups straight from bytes in hot loops.
    @usableFromInline let hashed: ByteHashSet

    public init(name: String, words: Set<String>) {
        self.name = name; self.words = words
        hashed = ByteHashSet(words.map { word in var word = word; return word.withUTF8 { Stopwords.hash($0) } })
    }

    public func contains(_ form: String) -> Bool { words.contains(form) }

    /// Whether the lower-case word whose UTF-8 bytes hash to `hash` (see `Stopwords.hash`) is on the list.
    /// 64-bit hashes of a few thousand words do not collide in practice.
    /// Inlinable: the jusText block measure asks once per word, from another module.
    @inlinable public func contains(hash: UInt64) -> Bool { hashed.contains(hash) }

    /// Whether a token, given by its surface bytes and kind, is on the list once normalised as the tokenizer
    /// normalises it (lower case, ’ folded to '): ASCII is hashed as it is lower-cased, CJK (no case) as it
    /// is, anything else through `Tokenizer.normalise`.
    public func containsToken(_ surface: UnsafeBufferPointer<UInt8>, kind: TokenKind) -> Bool {
        if kind == .cjk { return contains(hash: Stopwords.hash(surface)) }
        var h = Stopwords.hashSeed
        for b in surface {
            if b >= 0x80 { return words.contains(Tokenizer.normalise(String(decoding: surface, as: UTF8.self))) }
            h = Stopwords.hashStep(h, CharClass.lowerASCII(b))
        }
        return contains(hash: h)
    }

    /// FNV-1a over bytes; callers may also fold bytes in one at a time with `hashStep`.
    public static let hashSeed: UInt64 = 0xcbf29ce484222325
    @inline(__always) public static func hashStep(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100000001b3 }
    @inlinable public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hashSeed
        for i in 0..<bytes.count { h = hashStep(h, bytes[i]) }
        return h
    }

    /// The empty list (`--stopwords none`).
    public static let none = Stopwords(name: "none", words: [])

    /// jusText's English stoplist, loaded once: the words the boilerplate classifier measures density with
    /// (Wikipedia's most frequent words, content words among them).
    public static let english: Stopwords = (try? named("English")) ?? .none

    /// English function words (Resources/function-words/English.txt), loaded once: what `--stopwords English`
    /// leaves out of keyword counts, where the jusText list would drop "government", "party" or "council".
    public static let englishFunctionWords: Stopwords = {
        guard let url = Bundle.module.url(forResource: "English", withExtension: "txt", subdirectory: "Resources/function-words"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return .none }
        return Stopwords(name: "English", words: parse(text))
    }()

    /// Names of the bundled languages ("English", "French", …), listed once: finding the folder through
    /// `Bundle.module` and listing it took about 3 % of loading a folder of HTML pages when done per lookup.
    public static let availableLanguages: [String] = {
        guard let dir = Bundle.module.url(forResource: "stoplists", withExtension: nil, subdirectory: "Resources"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// A bundled list by language name or code ("German", "de", "deu", "de-AT"), case-insensitive, read from its
    /// file (a `StopwordCatalog` keeps the lists it has read).
    public static func named(_ language: String) throws -> Stopwords {
        guard let match = availableLanguages.first(where: { $0.caseInsensitiveCompare(language) == .orderedSame })
                ?? Language(tag: language)?.stoplistName else {
            throw StopwordsError.unknownLanguage(language)
        }
        guard let url = Bundle.module.url(forResource: match, withExtension: "txt", subdirectory: "Resources/stoplists") else {
            throw StopwordsError.unknownLanguage(language)
        }
        return Stopwords(name: match, words: try parse(String(contentsOf: url, encoding: .utf8)))
    }

    /// The bundled jusText list of a language (what the boilerplate classifier measures), nil when none is bundled.
    public static func list(for language: Language) -> Stopwords? {
        language.stoplistName.flatMap { try? named($0) }
    }

    /// What keyword counts leave out for a language: for English its function words, for any other language its
    /// jusText list; nil when lede has no list for it (Chinese, Japanese, Thai …).
    public static func keywordStopwords(for language: Language) -> Stopwords? {
        if language == .english, !englishFunctionWords.words.isEmpty { return englishFunctionWords }
        return list(for: language)
    }

    /// A user's file.
    public static func load(path: String) throws -> Stopwords {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw StopwordsError.unreadable(path) }
        return Stopwords(name: path, words: parse(text))
    }

    /// One word a line, trimmed, lower-cased, ’ folded to '; blank lines and `#` comments skipped.
    /// Pure-ASCII lines (nearly all of them) are handled as bytes; a line holding any non-ASCII byte goes
    /// through the String rules (Unicode newlines, spaces and case mapping).
    static func parse(_ text: String) -> Set<String> {
        var out = Set<String>()
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var start = 0
            while start <= n {
                var end = start, ascii = true
                while end < n {
                    let b = bytes[end]
                    if b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { break }
                    if b >= 0x80 { ascii = false }
                    end += 1
                }
                if ascii {
                    var lo = start, hi = end
                    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
                    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
                    if lo < hi, bytes[lo] != 0x23 {
                        out.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]).lazy.map {
                            ($0 &- 0x41) < 26 ? $0 | 0x20 : $0
                        }, as: UTF8.self))
                    }
                } else {
                    // Swift's own scalar operations, not Foundation's (bridging made loading a non-Latin list
                    // cost as much as parsing a web page).
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    // Unicode line separators (U+0085, U+2028, U+2029) are rare: split on them only when present.
                    let hasSeparator = line.unicodeScalars.contains { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
                    for piece in hasSeparator ? line.split(whereSeparator: \.isNewline) : [Substring(line)] {
                        let scalars = piece.unicodeScalars
                        func isSpace(_ u: Unicode.Scalar) -> Bool { u == "\t" || u.properties.generalCategory == .spaceSeparator }
                        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { continue }
                        let last = scalars.lastIndex(where: { !isSpace($0) })!
                        let w = String(scalars[first...last])
                        if w.hasPrefix("#") { continue }
                        var folded = String.UnicodeScalarView()
                        for u in w.lowercased().unicodeScalars { folded.append(u == "\u{2019}" ? "'" : u) }
                        out.insert(String(folded))
                    }
                }
                start = end + 1
            }
        }
        return out
    }
}

public enum StopwordsError: Error, CustomStringConvertible {
    case unknownLanguage(String), unreadable(String)
    public var description: String {
        switch self {
        case .unknownLanguage(let l): return "no stopword list for '\(l)' (try a language name or code such as English or de, or a file, or none)"
        case .unreadable(let p): return "\(p): cannot read stopword file"
        }
    }
}

/// An open-addressing set of 64-bit hashes (0 marks an empty slot; a hash of 0 is stored as 1).
@usableFromInline struct ByteHashSet: Sendable {
    @usableFromInline var slots: [UInt64]
    @usableFromInline let mask: Int

    init(_ values: [UInt64]) {
        var size = 16
        while size < values.count * 3 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for v in values { insert(v == 0 ? 1 : v) }
    }

    private mutating func insert(_ v: UInt64) {
        var i = Int(truncatingIfNeeded: v ^ (v >> 29)) & mask
        while slots[i] != 0 { if slots[i] == v { return }; i = (i + 1) & mask }
        slots[i] = v
    }

    @inlinable func contains(_ value: UInt64) -> Bool {
        let v = value == 0 ? 1 : value
        var i = Int(truncatingIfNeeded: v ^ (v >> 29)) & mask
        while true {
            let s = slots[i]
            if s == v { return true }
            if s == 0 { return false }
            i = (i + 1) & mask
        }
    }
}
