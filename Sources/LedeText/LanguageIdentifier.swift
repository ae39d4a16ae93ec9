import Foundation

/// Tells the language of a text from the text alone (for articles whose metadata does not say).
///
/// Method (deterministic, no training data beyond the bundled jusText stoplists):
/// 1. *Script.* The letters of the sample are counted by Unicode block (`Script`). Han and kana together
///    decide between Japanese (kana are at least 5 % of them) and Chinese; Hangul is Korean; a script used by
///    one language lede knows (Greek, Armenian, Hebrew, Georgian, Thai and the Indic scripts but Devanagari)
///    names it. Latin, Cyrillic, Arabic and Devanagari go on to step 2 among the languages written in them.
/// 2. *Stopword and character profiles* of each candidate, built from its stoplist (a Wikipedia frequency
///    list, most frequent first; only the entries in the candidate's script are used):
///    - words: the first 200 single-word entries, the one at rank r (from 0) with log-probability
///      ln(1/(r+2)) (Zipf's law), any other word ln(1/1600);
///    - character trigrams of every entry padded with a space at each end (" of", "of "), counted once
///      per entry, add-½ smoothed over all trigrams seen in any list.
///    A text's score for a language is the sum over its first 200 word tokens of the word log-probabilities
///    (words on no candidate's profile are skipped) plus 0.1 × the sum of its trigram log-probabilities.
/// 3. A prior: languages that share most of their function words with a larger neighbour and publish far
///    less news — Afrikaans, Aragonese, Esperanto, Galician, Ido, Latin, Luxembourgish, Occitan, Volapük,
///    Walloon, West Frisian — start 1.0 behind (without it, short Spanish, French, Portuguese and Dutch
///    headlines went to Occitan, Galician and Afrikaans).
/// 4. The best score wins when it leads the second by at least 0.5 (a likelihood ratio of e^0.5), else
///    the answer is nil (unsure); nil too for a text with fewer than two words or two CJK characters.
///
/// Candidates are the languages with an ISO 639-1 code and a stoplist (`Language.all`), less
/// Serbo-Croatian (a retired code; Croatian, Bosnian and Serbian are candidates), plus Chinese, Japanese,
/// Thai and Punjabi by script. Building the profiles reads every stoplist once (in `init`); identifying reads
/// at most 200 words and does one hash lookup per word and per trigram. Immutable after `init`, so one
/// identifier may be shared by any number of threads.
public final class LanguageIdentifier: Sendable {
    /// Word tokens read from the start of a text.
    public static let sampleWords = 200
    /// Profile words per language.
    public static let profileWords = 200
    /// Weight of the trigram score against the word score.
    public static let trigramWeight = 0.1
    /// The lead the best language needs over the second (natural log of the likelihood ratio).
    public static let margin = 0.5

    /// The prior handicap of the languages in `neighbourVarieties`.
    public static let neighbourPenalty = 1.0
    static let neighbourVarieties: Set<String> = ["af", "an", "eo", "fy", "gl", "io", "la", "lb", "oc", "vo", "wa"]

    private let groups: [Script: ProfileGroup]

    public init() {
        var groups: [Script: ProfileGroup] = [:]
        for script in [Script.latin, .cyrillic, .arabic, .devanagari] {
            let members = LanguageIdentifier.candidates.filter { $0.scripts.contains(script) && $0.stoplistName != nil }
            groups[script] = ProfileGroup(script: script, languages: members)
        }
        self.groups = groups
    }

    /// The languages `identify` can answer.
    public static let candidates: [Language] = Language.all.filter { lang in
        guard lang.code.utf8.count == 2, lang.code != "sh" else { return false }
        return lang.stoplistName != nil || ["zh", "ja", "th", "pa"].contains(lang.code)
    }

    /// The language of `text`, or nil when the text is too short or two languages score too close.
    public func identify(_ text: String) -> Language? {
        var text = text
        return text.withUTF8 { identify(utf8: $0) }
    }

    public func identify(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Language? {
        let ranked = scores(utf8: bytes)
        guard let best = ranked.first else { return nil }
        if ranked.count > 1, best.score - ranked[1].score < LanguageIdentifier.margin { return nil }
        return best.language
    }

    /// Every candidate of the text's script with its score, best first (one entry with score 0 when the
    /// script alone decides; empty when the text says too little). For explaining a decision.
    public func scores(_ text: String) -> [(language: Language, score: Double)] {
        var text = text
        return text.withUTF8 { scores(utf8: $0) }
    }

    public func scores(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [(language: Language, score: Double)] {
        let sample = Sample(bytes, maxWords: LanguageIdentifier.sampleWords)
        guard let script = sample.dominantScript else { return [] }
        switch script {
        case .han, .kana:
            guard sample.letters[Script.han.index] + sample.letters[Script.kana.index] >= 2 else { return [] }
            let kana = sample.letters[Script.kana.index], all = kana + sample.letters[Script.han.index]
            return [(Language(known: 20 * kana >= all ? "ja" : "zh"), 0)]
        case .hangul: return sample.letters[Script.hangul.index] >= 2 ? [(Language(known: "ko"), 0)] : []
        default: break
        }
        guard sample.words.count >= 2 else { return [] }
        if let only = LanguageIdentifier.singleLanguage[script] { return [(Language(known: only), 0)] }
        guard let group = groups[script] else { return [] }
        return group.scores(sample.words)
    }

    /// Scripts written by one candidate only.
    static let singleLanguage: [Script: String] = [
        .greek: "el", .armenian: "hy", .hebrew: "he", .bengali: "bn", .gurmukhi: "pa", .gujarati: "gu", .tamil: "ta",
        .telugu: "te", .kannada: "kn", .malayalam: "ml", .thai: "th", .georgian: "ka",
    ]

    // MARK: the text's sample

    /// The first words of a text, lower-cased as the tokenizer lower-cases them, and its letters by script.
    struct Sample {
        var words: [String] = []
        var letters = [Int](repeating: 0, count: Script.allCases.count)

        /// Bytes read at most from the start of a text: enough for `sampleWords` words in any script.
        static let maxBytes = 8192

        init(_ b: UnsafeBufferPointer<UInt8>, maxWords: Int) {
            var seen = 0
            // The cut may split a word or a character: the scanner skips a broken sequence, and one partial
            // word among 200 does not move the scores.
            Tokenizer.forEachToken(UnsafeBufferPointer(rebasing: b[0..<min(b.count, Sample.maxBytes)])) { range, kind in
                guard seen < maxWords, kind == .word || kind == .cjk else { return }
                seen += 1
                var ascii = true
                for i in range where b[i] >= 0x80 { ascii = false; break }
                if ascii {
                    letters[Script.latin.index] += range.count
                    words.append(String(decoding: range.lazy.map { CharClass.lowerASCII(b[$0]) }, as: UTF8.self))
                } else {
                    let surface = String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
                    for u in surface.unicodeScalars { if let s = Script.of(u) { letters[s.index] += 1 } }
                    if kind == .word { words.append(Tokenizer.normalise(surface)) }
                }
            }
        }

        /// The script of most letters; CJK characters count for both Han and kana (Japanese mixes them).
        var dominantScript: Script? {
            var best: Script?, bestCount = 0
            for s in Script.allCases {
                var n = letters[s.index]
                if s == .han { n += letters[Script.kana.index] } else if s == .kana { continue }
                if n > bestCount { best = s; bestCount = n }
            }
            return best
        }
    }
}

extension Script {
    var index: Int { Int(rawValue) }
}

/// The word and trigram profiles of the candidates written in one script, as two inverted indexes: a word
/// or trigram leads to the languages whose profile holds it, with how much more likely it is there than
/// the language's default for an unseen one.
struct ProfileGroup: Sendable {
    let languages: [Language]
    /// Per language: the log-probability of a trigram its list never has.
    let unseenTrigram: [Double]
    let words: PostingIndex
    let trigrams: PostingIndex

    init(script: Script, languages: [Language]) {
        self.languages = languages
        var wordPostings: [UInt64: [(UInt8, Float)]] = [:]
        var trigramCounts: [[UInt64: Int]] = []
        var trigramTotals: [Int] = []
        let profileSize = LanguageIdentifier.profileWords
        let floor = log(1.0 / Double(8 * profileSize))
        for (li, lang) in languages.enumerated() {
            let entries = ProfileGroup.entries(of: lang, script: script)
            var counts: [UInt64: Int] = [:], total = 0
            var profile: [String] = [], inProfile = Set<String>()
            for entry in entries {
                for word in entry.words {
                    ProfileGroup.forEachTrigram(of: word) { counts[$0, default: 0] += 1; total += 1 }
                }
                if profile.count < profileSize, entry.words.count == 1, entry.whole, !inProfile.contains(entry.words[0]) {
                    inProfile.insert(entry.words[0]); profile.append(entry.words[0])
                }
            }
            for (rank, word) in profile.enumerated() {
                let delta = log(1.0 / Double(rank + 2)) - floor
                wordPostings[ProfileGroup.hash(word), default: []].append((UInt8(li), Float(delta)))
            }
            trigramCounts.append(counts); trigramTotals.append(total)
        }
        // Add-½ smoothing over every trigram any candidate of the script has.
        var vocabulary = Set<UInt64>()
        for c in trigramCounts { vocabulary.formUnion(c.keys) }
        let v = Double(vocabulary.count), alpha = 0.5
        var unseen: [Double] = []
        var trigramPostings: [UInt64: [(UInt8, Float)]] = [:]
        for (li, counts) in trigramCounts.enumerated() {
            let denominator = Double(trigramTotals[li]) + alpha * v
            let u = log(alpha / denominator)
            unseen.append(u)
            for (key, n) in counts {
                trigramPostings[key, default: []].append((UInt8(li), Float(log((Double(n) + alpha) / denominator) - u)))
            }
        }
        unseenTrigram = unseen
        words = PostingIndex(wordPostings)
        trigrams = PostingIndex(trigramPostings)
    }

    func scores(_ sample: [String]) -> [(language: Language, score: Double)] {
        var word = [Double](repeating: 0, count: languages.count)
        var trigram = [Double](repeating: 0, count: languages.count)
        var trigramCount = 0
        for w in sample {
            words.forEach(ProfileGroup.hash(w)) { word[Int($0)] += Double($1) }
            ProfileGroup.forEachTrigram(of: w) { key in
                trigramCount += 1
                trigrams.forEach(key) { trigram[Int($0)] += Double($1) }
            }
        }
        var out: [(language: Language, score: Double)] = []
        out.reserveCapacity(languages.count)
        for i in languages.indices {
            let t = trigram[i] + Double(trigramCount) * unseenTrigram[i]
            let prior = LanguageIdentifier.neighbourVarieties.contains(languages[i].code) ? -LanguageIdentifier.neighbourPenalty : 0
            out.append((languages[i], word[i] + LanguageIdentifier.trigramWeight * t + prior))
        }
        // Ties break by code, so the order never depends on anything but the text.
        return out.sorted { $0.score != $1.score ? $0.score > $1.score : $0.language.code < $1.language.code }
    }

    /// A stoplist's entries in order, each as its word tokens (lower-cased) and whether the entry is exactly
    /// one token (not "godine." or "(ur."); entries mostly in another script are left out.
    static func entries(of language: Language, script: Script) -> [(words: [String], whole: Bool)] {
        guard let name = language.stoplistName,
              let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/stoplists"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var out: [(words: [String], whole: Bool)] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = Tokenizer.normalise(line.trimmingCharacters(in: .whitespaces))
            guard !entry.isEmpty, !entry.hasPrefix("#") else { continue }
            var majority = 0
            for u in entry.unicodeScalars { if let s = Script.of(u) { majority += s == script ? 1 : -1 } }
            guard majority > 0 else { continue }
            let tokens = Tokenizer.ranges(entry).filter { $0.1 == .word }
            let bytes = Array(entry.utf8)
            let words = tokens.map { String(decoding: bytes[$0.0], as: UTF8.self) }
            out.append((words, tokens.count == 1 && tokens[0].0 == 0..<bytes.count))
        }
        return out
    }

    /// The trigrams of " word " (Unicode scalars, 21 bits each, packed).
    @inline(__always) static func forEachTrigram(of word: String, _ body: (UInt64) -> Void) {
        var a: UInt64 = 0x20, b: UInt64 = 0
        var count = 0
        for u in word.unicodeScalars {
            let c = UInt64(u.value)
            if count >= 1 { body((a << 42) | (b << 21) | c) }
            if count >= 1 { a = b }
            b = c
            count += 1
        }
        if count >= 1 { body((a << 42) | (b << 21) | 0x20) }
    }

    static func hash(_ word: String) -> UInt64 {
        var h = Stopwords.hashSeed
        for c in word.utf8 { h = Stopwords.hashStep(h, c) }
        return h
    }
}

/// An immutable map from a 64-bit key to a run of (language, value) postings: open addressing, one probe
/// sequence per lookup, postings stored contiguously.
struct PostingIndex: Sendable {
    private let keys: [UInt64]
    private let starts: [UInt32]      // per slot: first posting; postings of slot s end where the next key's begin
    private let ends: [UInt32]
    private let languages: [UInt8]
    private let values: [Float]
    private let mask: Int

    init(_ map: [UInt64: [(UInt8, Float)]]) {
        var size = 16
        while size < map.count * 2 { size <<= 1 }
        mask = size - 1
        var keys = [UInt64](repeating: 0, count: size)
        var starts = [UInt32](repeating: 0, count: size), ends = [UInt32](repeating: 0, count: size)
        var languages: [UInt8] = [], values: [Float] = []
        // Sorted, so the layout does not depend on dictionary order.
        for key in map.keys.sorted() {
            let k = key == 0 ? 1 : key
            var s = PostingIndex.slot(k, mask)
            while keys[s] != 0 { s = (s + 1) & mask }
            keys[s] = k
            starts[s] = UInt32(languages.count)
            for (l, v) in map[key]! { languages.append(l); values.append(v) }
            ends[s] = UInt32(languages.count)
        }
        self.keys = keys; self.starts = starts; self.ends = ends; self.languages = languages; self.values = values
    }

    @inline(__always) static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always) func forEach(_ key: UInt64, _ body: (UInt8, Float) -> Void) {
        let k = key == 0 ? 1 : key
        var s = PostingIndex.slot(k, mask)
        while true {
            let found = keys[s]
            if found == 0 { return }
            if found == k {
                for i in Int(starts[s])..<Int(ends[s]) { body(languages[i], values[i]) }
                return
            }
            s = (s + 1) & mask
        }
    }
}
