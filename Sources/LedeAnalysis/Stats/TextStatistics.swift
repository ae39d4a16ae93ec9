import Foundation
import LedeText

/// Counts, lexical diversity and readability of one text or of a selection of texts.
public struct TextStatistics: Codable, Sendable {
    /// Unicode characters of the body, with and without whitespace.
    public var characters = 0
    public var charactersNoSpaces = 0
    /// Tokens: words, numbers, URLs, e-mail addresses, CJK segments (every token counts as a word).
    public var words = 0
    public var uniqueWords = 0
    public var sentences = 0
    public var paragraphs = 0
    public var numbers = 0
    /// Quoted passages: each opening “ or ‘…’ pair, plus each pair of straight double quotes.
    public var quotations = 0
    public var counts = ReadabilityCounts()
    public var meanSentenceLength: Double = 0
    /// Letters and digits per word.
    public var meanWordLength: Double = 0
    public var ttr: Double = 0
    public var mattr: Double = 0
    public var mtld: Double = 0
    public var readingMinutes: Double = 0
    public var readability: ReadabilityScores

    public static let mattrWindow = 100
    public static let mtldThreshold = 0.72
    /// Silent reading of non-fiction by adults (Brysbaert 2019 meta-analysis: 238 words a minute).
    public static let wordsPerMinute = 238.0

    public init() { readability = ReadabilityScores(ReadabilityCounts()) }

    mutating func finish() {
        counts.words = words
        counts.sentences = sentences
        meanSentenceLength = sentences > 0 ? Double(words) / Double(sentences) : 0
        meanWordLength = words > 0 ? Double(counts.lettersAndDigits) / Double(words) : 0
        readingMinutes = Double(words) / TextStatistics.wordsPerMinute
        readability = ReadabilityScores(counts)
    }
}

/// How one word of a text was counted (for `stats --explain`).
public struct CountedWord: Codable, Sendable, Equatable {
    public var word: String
    public var syllables: Int
    public var complex: Bool
    public var polysyllable: Bool
    public var difficult: Bool
}

public enum StatisticsCalculator {
    /// Statistics of one text. `counter` must be able to hold the vocabulary's ids (it is reset on return).
    public static func compute(_ text: TokenizedText, facts: WordFacts, counter: inout IdCounter,
                               explain: ((CountedWord) -> Void)? = nil) -> TextStatistics {
        detailed(text, facts: facts, counter: &counter, explain: explain).stats
    }

    /// The statistics plus the raw MATTR window sum and MTLD factor counts, for pooling.
    struct Detailed { var stats: TextStatistics; var windowSum: Double; var windows: Int; var factors: Double }

    static func detailed(_ text: TokenizedText, facts: WordFacts, counter: inout IdCounter,
                         explain: ((CountedWord) -> Void)? = nil) -> Detailed {
        var s = TextStatistics()
        let b = text.utf8
        (s.characters, s.charactersNoSpaces, s.quotations) = scanCharacters(b)
        s.words = text.tokens.count
        s.paragraphs = text.paragraphs.count
        var ids = [UInt32](repeating: 0, count: text.tokens.count)
        var c = ReadabilityCounts()
        var numbers = 0, sentences = 0, filled = 0, maxID: UInt32 = 0
        text.tokens.withUnsafeBufferPointer { tokens in
        b.withUnsafeBufferPointer { b in
        facts.packed.withUnsafeBufferPointer { facts in
        ids.withUnsafeMutableBufferPointer { ids in
            for sentence in text.sentences where !sentence.tokens.isEmpty {
                sentences += 1
                for k in sentence.tokens {
                    let t = tokens[k]
                    let f = facts[Int(t.id)]
                    ids[filled] = t.id; filled += 1
                    maxID = max(maxID, t.id)
                    if t.kind == .number { numbers += 1 }
                    let sy = Int(f.syllables)
                    c.syllables += sy
                    c.letters += Int(f.letters)
                    c.lettersAndDigits += Int(f.letters) + Int(f.digits)
                    // A capitalised word inside a sentence is taken as a proper noun: Gunning does not count
                    // names as complex, Dale–Chall counts them as familiar.
                    let properNoun = t.kind == .word && k != sentence.tokens.lowerBound && (b[Int(t.start)] &- 0x41) < 26
                    let poly = sy >= 3
                    let complex = poly && !properNoun && !f.fogExempt
                    let difficult = t.kind == .word && !properNoun && !f.easy
                    if poly { c.polysyllables += 1 }
                    if complex { c.complexWords += 1 }
                    if difficult { c.difficultWords += 1 }
                    if let explain {
                        explain(CountedWord(word: text.surface(t), syllables: sy, complex: complex, polysyllable: poly, difficult: difficult))
                    }
                }
            }
        }
        }
        }
        }
        if filled < ids.count { ids.removeLast(ids.count - filled) }
        s.numbers = numbers
        s.sentences = sentences
        s.counts = c
        let capacity = Int(maxID) + 1
        counter.reset()
        s.uniqueWords = ids.withUnsafeBufferPointer { ids in
            counter.withScratch(minimumCapacity: capacity) { counts in
                var distinct = 0
                for id in ids where counts[Int(id)] == 0 { counts[Int(id)] = 1; distinct += 1 }
                for id in ids { counts[Int(id)] = 0 }
                return distinct
            }
        }
        s.ttr = ids.isEmpty ? 0 : Double(s.uniqueWords) / Double(ids.count)
        let (windowSum, windows) = LexicalDiversity.mattrSum(ids, window: TextStatistics.mattrWindow, counter: &counter, capacity: capacity)
        s.mattr = windows > 0 ? windowSum / Double(windows) : 0
        let forward = LexicalDiversity.factors(ids, reversed: false, threshold: TextStatistics.mtldThreshold, counter: &counter, capacity: capacity)
        let backward = LexicalDiversity.factors(ids, reversed: true, threshold: TextStatistics.mtldThreshold, counter: &counter, capacity: capacity)
        s.mtld = LexicalDiversity.mtld(words: ids.count, forwardFactors: forward, backwardFactors: backward)
        s.finish()
        return Detailed(stats: s, windowSum: windowSum, windows: windows, factors: forward + backward)
    }

    /// Per-text statistics and the statistics of all texts together. Counts add up; TTR is the union's
    /// distinct words over all words; MATTR pools every text's windows (no window crosses two texts);
    /// MTLD is all words over all factors (each text's passes, partial factors included).
    /// `owners` (one object per text, e.g. its article version) let `cache` keep each text's statistics,
    /// so asking again about the same texts skips the per-text work.
    public static func compute(_ texts: [TokenizedText], facts: WordFacts, vocabularySize: Int,
                               owners: [AnyObject]? = nil, cache: StatisticsCache? = nil) throws
        -> (each: [TextStatistics], total: TextStatistics) {
        var each = [TextStatistics](repeating: TextStatistics(), count: texts.count)
        var mattrSums = [Double](repeating: 0, count: texts.count), mattrWindows = [Int](repeating: 0, count: texts.count)
        var factorSums = [Double](repeating: 0, count: texts.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, texts.count / 64 + 1))
        let chunk = (texts.count + workers - 1) / max(workers, 1)
        let cancelled = Locked(false)
        each.withUnsafeMutableBufferPointer { out in
            mattrSums.withUnsafeMutableBufferPointer { ms in
                mattrWindows.withUnsafeMutableBufferPointer { mw in
                    factorSums.withUnsafeMutableBufferPointer { fs in
                        DispatchQueue.concurrentPerform(iterations: workers) { w in
                            var counter = IdCounter(capacity: vocabularySize)
                            let range = (w * chunk)..<min(texts.count, (w + 1) * chunk)
                            for i in range {
                                if i & 255 == 0, Cancellation.isRequested { cancelled.set(true); return }
                                let owner = owners?[i]
                                let d: Detailed
                                if let owner, let cached = cache?.get(owner) { d = cached } else {
                                    d = detailed(texts[i], facts: facts, counter: &counter)
                                    if let owner { cache?.set(owner, d) }
                                }
                                out[i] = d.stats
                                ms[i] = d.windowSum; mw[i] = d.windows; fs[i] = d.factors
                            }
                        }
                    }
                }
            }
        }
        if cancelled.get() { throw CancelledError() }
        var total = TextStatistics()
        var seen = [Bool](repeating: false, count: vocabularySize)
        var distinct = 0
        var windowSum = 0.0, windows = 0, factors = 0.0
        for (i, s) in each.enumerated() {
            total.characters += s.characters; total.charactersNoSpaces += s.charactersNoSpaces
            total.words += s.words; total.sentences += s.sentences; total.paragraphs += s.paragraphs
            total.numbers += s.numbers; total.quotations += s.quotations
            total.counts = total.counts + s.counts
            windowSum += mattrSums[i]; windows += mattrWindows[i]; factors += factorSums[i]
            texts[i].tokens.withUnsafeBufferPointer { tokens in
                seen.withUnsafeMutableBufferPointer { seen in
                    for t in tokens where !seen[Int(t.id)] { seen[Int(t.id)] = true; distinct += 1 }
                }
            }
        }
        try Cancellation.check()
        total.uniqueWords = distinct
        total.ttr = total.words > 0 ? Double(total.uniqueWords) / Double(total.words) : 0
        total.mattr = windows > 0 ? windowSum / Double(windows) : 0
        // factors holds forward + backward; MTLD averages the two passes: N / (factors / 2).
        total.mtld = factors > 0 ? Double(total.words) / (factors / 2) : Double(total.words)
        total.finish()
        return (each, total)
    }

    /// Characters (Unicode scalars), characters that are not whitespace, and quoted passages: curly
    /// opening quotes (“, and ‘ when it does not follow a letter or digit, so '90s and rock ‘n’ roll aside),
    /// plus straight double quotes in pairs. One pass over the bytes.
    static func scanCharacters(_ bytes: [UInt8]) -> (characters: Int, nonSpace: Int, quotations: Int) {
        bytes.withUnsafeBufferPointer { b in
            var characters = 0, spaces = 0, curly = 0, straight = 0
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    characters += 1
                    if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { spaces += 1 }
                    else if c == 0x22 { straight += 1 }
                } else if c & 0xC0 != 0x80 {
                    characters += 1
                    if c == 0xE2, i + 2 < n, b[i + 1] == 0x80 {
                        if b[i + 2] == 0x9C { curly += 1 }
                        else if b[i + 2] == 0x98, !(i > 0 && CharClassLite.isAlnum(b[i - 1])) { curly += 1 }
                    }
                }
                i += 1
            }
            return (characters, characters - spaces, curly + straight / 2)
        }
    }

    static func countQuotations(_ b: [UInt8]) -> Int { scanCharacters(b).quotations }
}

enum CharClassLite {
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { (c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26 }
}

/// Per-text statistics kept for as long as the text's owner (its article version) lives; an entry whose
/// owner is gone is never returned, and such entries are swept out as the cache grows.
public final class StatisticsCache: @unchecked Sendable {
    private struct Entry { weak var owner: AnyObject?; var value: StatisticsCalculator.Detailed }
    private let lock = NSLock()
    private var entries: [ObjectIdentifier: Entry] = [:]
    private var sweepAt = 1024

    public init() {}
    public static let shared = StatisticsCache()

    func get(_ owner: AnyObject) -> StatisticsCalculator.Detailed? {
        lock.withLock {
            guard let e = entries[ObjectIdentifier(owner)], e.owner === owner else { return nil }
            return e.value
        }
    }

    func set(_ owner: AnyObject, _ value: StatisticsCalculator.Detailed) {
        lock.withLock {
            entries[ObjectIdentifier(owner)] = Entry(owner: owner, value: value)
            if entries.count >= sweepAt {
                entries = entries.filter { $0.value.owner != nil }
                sweepAt = max(1024, entries.count * 2)
            }
        }
    }

    public var count: Int { lock.withLock { entries.count } }
}

/// A small lock-protected value for flags set from concurrent workers.
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func get() -> T { lock.withLock { value } }
    func set(_ v: T) { lock.withLock { value = v } }
}
