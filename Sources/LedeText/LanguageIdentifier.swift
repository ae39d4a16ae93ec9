import Foundation

/// Tells the language of a text from the text alone (for articles whose metadata does not say).
///
/// Method (deterministic, no training data beyond the bundled jusText stoplists; docs/text-rules.md):
/// 1. *Script.* The letters of the sample are counted by Unicode block (`Script`). Han and kana together
///    decide between Japanese (kana are at least 5 % of them) and Chinese; Hangul is Korean; a script used by
///    one language lede knows (Greek, Armenian, Hebrew, Georgian, Thai and the Indic scripts but Devanagari)
///    names it. Latin, Cyrillic, Arabic and Devanagari go on among the languages written in them.
/// 2. *Profiles* of each candidate, from its stoplist (a Wikipedia frequency list, most frequent first; only
///    the entries in the candidate's script are used):
///    - words: the first 200 single-word entries, the one at rank r (from 0) with log-probability
///      ln(1/(r+2)) (Zipf's law), any other word ln(1/1600);
///    - character trigrams of every entry's words padded with a space at each end (" of", "of "), add-½
///      smoothed over all trigrams seen in the script's lists.
///    A language's score is the sum of the log-probabilities of the text's words (words on no candidate's
///    profile are skipped), plus 0.1 × the sum of its trigram log-probabilities, plus a prior: languages
///    that share most of their function words with a larger neighbour and publish far less news
///    (`neighbourVarieties`) start 1.0 behind.
/// 3. *Two stages.* The first words are scored by their words alone, after 30 and after 60 words; when the
///    best language leads by at least 8 and at least 4 of those words are on its profile, it is the answer
///    (trigrams, weighted 0.1, do not overturn such a lead). Otherwise the first 200 words are scored by
///    words and trigrams.
/// 4. The best wins when it leads the second by at least 0.5 (a likelihood ratio of e^0.5), else the answer
///    is nil (unsure); nil too for a text with fewer than two words or two CJK characters.
///
/// Candidates: every language with an ISO 639-1 code and a stoplist, less Serbo-Croatian (a retired code;
/// Croatian, Bosnian and Serbian are candidates), plus Chinese, Japanese, Thai and Punjabi by script.
/// `init` reads the top of each stoplist (the word profiles); a script's trigram profiles are built the first
/// time a text of that script needs them, once, under a lock. Safe to share between threads.
public final class LanguageIdentifier: @unchecked Sendable {
    /// Word tokens scored at most, and in the words-only first stage.
    public static let sampleWords = 200
    public static let firstStageWords = 60
    /// When the first stage looks at its scores: after this many words, then after `firstStageWords`.
    static let firstStageChecks = [30, firstStageWords]
    /// The first stage decides when the best leads by this much with this many of its profile words seen.
    public static let firstStageLead = 8.0
    public static let firstStageHits = 4
    /// Profile words per language.
    public static let profileWords = 200
    /// Weight of the trigram score against the word score.
    public static let trigramWeight = 0.1
    /// The lead the best language needs over the second (natural log of the likelihood ratio).
    public static let margin = 0.5
    /// The prior handicap of the languages in `neighbourVarieties`.
    public static let neighbourPenalty = 1.0
    static let neighbourVarieties: Set<String> = ["af", "an", "eo", "fy", "gl", "io", "la", "lb", "oc", "vo", "wa"]
    /// Scripts shared by several candidates: the ones with profiles.
    static let profiledScripts: [Script] = [.latin, .cyrillic, .arabic, .devanagari]

    private let wordProfiles: [Script: WordProfiles]
    private let lock = NSLock()
    private var trigramProfiles: [Script: TrigramProfiles] = [:]

    /// The one a process shares (sessions, the loader, tests): it holds no session state, and building its
    /// profiles costs ~40 ms a time (the command fuzzer, which makes a session every few inputs, spent a third of
    /// its time there).
    public static let shared = LanguageIdentifier()

    public init() {
        var profiles: [Script: WordProfiles] = [:]
        for script in LanguageIdentifier.profiledScripts {
            profiles[script] = WordProfiles(script: script, languages: LanguageIdentifier.candidates(writtenIn: script))
        }
        wordProfiles = profiles
    }

    /// The languages `identify` can answer.
    public static let candidates: [Language] = Language.all.filter { lang in
        guard lang.code.utf8.count == 2, lang.code != "sh" else { return false }
        return lang.stoplistName != nil || ["zh", "ja", "th", "pa"].contains(lang.code)
    }

    static func candidates(writtenIn script: Script) -> [Language] {
        candidates.filter { $0.scripts.contains(script) && $0.stoplistName != nil }
    }

    /// The language of `text`, or nil when the text is too short or two languages score too close.
    public func identify(_ text: String) -> Language? {
        var text = text
        return text.withUTF8 { identify(utf8: $0) }
    }

    public func identify(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Language? {
        switch decide(bytes) {
        case .none: return nil
        case .script(let language): return language
        case .scored(let scores, let languages):
            // The best and the second, by one pass (ties go to the lower code, as in `scores`).
            var best = -1, second = -1
            func better(_ i: Int, _ j: Int) -> Bool {
                j < 0 || scores[i] > scores[j] || (scores[i] == scores[j] && languages[i].code < languages[j].code)
            }
            for i in scores.indices {
                if better(i, best) { second = best; best = i } else if better(i, second) { second = i }
            }
            guard best >= 0 else { return nil }
            if second >= 0, scores[best] - scores[second] < LanguageIdentifier.margin { return nil }
            return languages[best]
        }
    }

    /// Every candidate of the text's script with its score, best first (one entry with score 0 when the
    /// script alone decides; empty when the text says too little). For explaining a decision.
    public func scores(_ text: String) -> [(language: Language, score: Double)] {
        var text = text
        return text.withUTF8 { scores(utf8: $0) }
    }

    public func scores(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [(language: Language, score: Double)] {
        switch decide(bytes) {
        case .none: return []
        case .script(let language): return [(language, 0)]
        case .scored(let scores, let languages):
            // Ties break by code, so the order depends on nothing but the text.
            return zip(languages, scores).map { (language: $0, score: $1) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.language.code < $1.language.code }
        }
    }

    enum Decision {
        case none
        case script(Language)
        /// Scores (prior included) of the script's candidates, in the order of `languages`.
        case scored([Double], languages: [Language])
    }

    func decide(_ bytes: UnsafeBufferPointer<UInt8>) -> Decision {
        var sample = Sample(bytes, maxWords: LanguageIdentifier.firstStageChecks[0])
        var script = sample.dominantScript
        if script == .han || script == .kana || script == .hangul || script == nil {
            // CJK is decided by its letters: read as far as the other scripts would.
            sample.extend(to: LanguageIdentifier.firstStageWords)
            script = sample.dominantScript
        }
        guard let script else { return .none }
        switch script {
        case .han, .kana:
            let kana = sample.letters[Script.kana.index], all = kana + sample.letters[Script.han.index]
            guard all >= 2 else { return .none }
            return .script(Language(known: 20 * kana >= all ? "ja" : "zh"))
        case .hangul:
            return sample.letters[Script.hangul.index] >= 2 ? .script(Language(known: "ko")) : .none
        default: break
        }
        guard sample.words.lazy.filter({ !$0.cjk }).count >= 2 else { return .none }
        if let only = LanguageIdentifier.singleLanguage[script] { return .script(Language(known: only)) }
        guard let words = wordProfiles[script] else { return .none }
        // Stage 1: words alone, checked after 20 and after 60 words.
        var stage1 = Scores(prior: words.prior)
        var scored = 0
        for check in LanguageIdentifier.firstStageChecks {
            sample.extend(to: check)
            words.add(sample, from: scored, to: &stage1)
            scored = sample.words.count
            var best = 0, second = -1
            for i in 1..<stage1.word.count {
                if stage1.word[i] > stage1.word[best] { second = best; best = i }
                else if second < 0 || stage1.word[i] > stage1.word[second] { second = i }
            }
            if second < 0 || (stage1.word[best] - stage1.word[second] >= LanguageIdentifier.firstStageLead
                              && stage1.hits[best] >= LanguageIdentifier.firstStageHits) {
                return .scored(stage1.word, languages: words.languages)
            }
            if sample.isComplete { break }
        }
        // Stage 2: words and trigrams over the longer sample.
        sample.extend(to: LanguageIdentifier.sampleWords)
        var stage2 = Scores(prior: words.prior)
        words.add(sample, from: 0, to: &stage2)
        trigrams(for: script, languages: words.languages).add(sample, to: &stage2)
        return .scored((0..<stage2.word.count).map { stage2.word[$0] + LanguageIdentifier.trigramWeight * stage2.trigram[$0] },
                       languages: words.languages)
    }

    private func trigrams(for script: Script, languages: [Language]) -> TrigramProfiles {
        lock.withLock {
            if let built = trigramProfiles[script] { return built }
            let built = TrigramProfiles(script: script, languages: languages)
            trigramProfiles[script] = built
            return built
        }
    }

    /// Scripts written by one candidate only.
    static let singleLanguage: [Script: String] = [
        .greek: "el", .armenian: "hy", .hebrew: "he", .bengali: "bn", .gurmukhi: "pa", .gujarati: "gu", .tamil: "ta",
        .telugu: "te", .kannada: "kn", .malayalam: "ml", .thai: "th", .georgian: "ka",
    ]

    /// Per-language sums while scoring; the word sums start at the prior.
    struct Scores {
        var word: [Double], trigram: [Double], hits: [Int]
        init(prior: [Double]) {
            word = prior; trigram = [Double](repeating: 0, count: prior.count); hits = [Int](repeating: 0, count: prior.count)
        }
    }

    // MARK: the text's sample

    /// The first words of a text — each as the hash of its lower-cased form, with the form itself kept only
    /// for words beyond ASCII — and the sample's letters by script.
    struct Sample {
        struct Word {
            var hash: UInt64; var ascii: Range<Int>; var form: String?
            /// A CJK character: counted among the words read, not scored.
            var cjk = false
        }
        var words: [Word] = []
        var letters = [Int](repeating: 0, count: Script.allCases.count)
        let bytes: UnsafeBufferPointer<UInt8>
        /// Whether the whole text (or `maxBytes` of it) has been read.
        var isComplete = false

        /// Bytes read at most: enough for 200 words in any script.
        static let maxBytes = 8192

        /// Words as the tokenizer has them (runs of letters, digits and marks; `'`, `’` and `-` inside), read
        /// by a scan of its own that stops once `maxWords` are in; numbers, URLs and e-mail addresses are not
        /// told apart (a word starting with a digit is skipped), which does not move the scores.
        /// Where reading goes on.
        private var position = 0

        init(_ b: UnsafeBufferPointer<UInt8>, maxWords: Int) {
            bytes = b
            words.reserveCapacity(maxWords)
            extend(to: maxWords)
        }

        /// Reads on until the sample holds `maxWords` words or the text (or `maxBytes`) ends.
        mutating func extend(to maxWords: Int) {
            let b = bytes
            let limit = min(b.count, Sample.maxBytes)
            var i = position
            defer { position = i; isComplete = i >= b.count || i >= limit }
            while i < limit, words.count < maxWords {
                let c = b[i]
                if c < 0x80 {
                    guard ((c | 0x20) &- 0x61) < 26 else {
                        // Skip digits with what follows them, and everything that is not a letter.
                        if (c &- 0x30) < 10 { while i < limit, b[i] < 0x80, CharClass.isASCIIAlnum(b[i]) { i += 1 } } else { i += 1 }
                        continue
                    }
                    // An ASCII word, hashed as it is lower-cased; it turns to the general path at a byte beyond ASCII.
                    let start = i
                    var h = Stopwords.hashSeed
                    var j = i
                    while j < limit {
                        let d = b[j]
                        if d < 0x80 {
                            if ((d | 0x20) &- 0x61) < 26 || (d &- 0x30) < 10 { h = Stopwords.hashStep(h, CharClass.lowerASCII(d)); j += 1; continue }
                            if (d == 0x27 || d == 0x2D), j + 1 < limit, b[j + 1] < 0x80, CharClass.isASCIIAlnum(b[j + 1]) {
                                h = Stopwords.hashStep(h, d); j += 1; continue
                            }
                            break
                        }
                        j = -1; break
                    }
                    if j >= 0 {
                        letters[Script.latin.index] += j - start
                        words.append(Word(hash: h, ascii: start..<j, form: nil))
                        i = j
                        continue
                    }
                    i = addGeneral(from: start, limit: limit)
                } else {
                    let (cls, len) = CharClass.classify(b, i)
                    switch cls {
                    case .letter: i = addGeneral(from: i, limit: limit)
                    case .han, .kana, .hangul:
                        if let s = CharClass.decode(b, i).0.flatMap(Script.of) { letters[s.index] += 1 }
                        words.append(Word(hash: 0, ascii: 0..<0, form: nil, cjk: true))
                        i += len
                    default: i += len
                    }
                }
            }
        }

        /// A word with letters beyond ASCII starting at `start`: its letters counted by script, its form
        /// normalised as the tokenizer normalises. Returns where it ends.
        private mutating func addGeneral(from start: Int, limit: Int) -> Int {
            let b = bytes
            var j = start
            while j < limit {
                let c = b[j]
                if c < 0x80 {
                    if CharClass.isASCIIAlnum(c) { letters[Script.latin.index] += (c &- 0x30) < 10 ? 0 : 1; j += 1; continue }
                    if (c == 0x27 || c == 0x2D), j + 1 < limit, Tokenizer.isWordStart(b, j + 1) { j += 1; continue }
                    break
                }
                let (cls, len) = CharClass.classify(b, j)
                if cls == .letter || cls == .mark || cls == .digit {
                    if cls == .letter, let s = CharClass.decode(b, j).0.flatMap(Script.of) { letters[s.index] += 1 }
                    j += len; continue
                }
                // ’ between word characters.
                if c == 0xE2, j + 3 < limit, b[j + 1] == 0x80, b[j + 2] == 0x99, Tokenizer.isWordStart(b, j + 3) { j += 3; continue }
                break
            }
            let form = Tokenizer.normalise(String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self))
            var h = Stopwords.hashSeed
            for c in form.utf8 { h = Stopwords.hashStep(h, c) }
            words.append(Word(hash: h, ascii: 0..<0, form: form))
            return max(j, start + 1)
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

        /// The trigrams of word `w` padded with spaces (" of", "of ").
        func forEachTrigram(of w: Word, _ body: (UInt64) -> Void) {
            if let form = w.form {
                TrigramProfiles.forEachTrigram(of: form.unicodeScalars.lazy.map { UInt64($0.value) }, body)
            } else {
                TrigramProfiles.forEachTrigram(of: w.ascii.lazy.map { UInt64(CharClass.lowerASCII(bytes[$0])) }, body)
            }
        }
    }
}

extension Script {
    var index: Int { Int(rawValue) }
}
