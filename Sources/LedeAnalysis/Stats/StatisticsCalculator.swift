import Foundation
import Synchronization
import LedeText

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
        s.words = text.tokenCount
        s.paragraphs = text.paragraphs.count
        // Each word id is renumbered densely in order of first appearance (0, 1, 2, …) while the facts are
        // read, so unique words fall out of the same pass and MATTR/MTLD count in a table of the text's own
        // distinct words (a few hundred slots, cache-resident) rather than one spanning the vocabulary.
        // The two buffers are the worker's, reused from text to text.
        let n = text.tokenCount
        var localIDs: [UInt32] = [], firstSeen: [UInt32] = []
        swap(&localIDs, &counter.localIDs); swap(&firstSeen, &counter.firstSeen)
        defer { swap(&localIDs, &counter.localIDs); swap(&firstSeen, &counter.firstSeen) }
        if localIDs.count < n {
            localIDs = [UInt32](repeating: 0, count: max(n, localIDs.count * 2))
            firstSeen = [UInt32](repeating: 0, count: localIDs.count)
        }
        var c = ReadabilityCounts()
        var numbers = 0, sentences = 0, filled = 0, distinct = 0
        counter.reset()
        counter.withScratch(minimumCapacity: facts.packed.count) { localPlusOne in
        // Character counts, and whether each token begins with a capital, from the tokens' forms and codes (the
        // text is not rebuilt). Quotations: opening curly quotes, plus straight ones in pairs.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, n)) { capitals in
        let characters = text.characterCounts(capitals: capitals.baseAddress)
        s.characters = characters.characters
        s.charactersNoSpaces = characters.characters - characters.whitespace
        s.quotations = characters.openingQuotes + characters.straightQuotes / 2
        // Kinds by id, read here once: a text almost never has a token of another kind than its form's.
        let kinds = text.forms, kindExceptions = text.hasKindExceptions
        text.ids.withUnsafeIDs { ids in
        facts.packed.withUnsafeBufferPointer { facts in
        localIDs.withUnsafeMutableBufferPointer { localIDs in
        firstSeen.withUnsafeMutableBufferPointer { firstSeen in
            for sentence in text.sentences where !sentence.tokens.isEmpty {
                sentences += 1
                for k in sentence.tokens {
                    let id = ids[k]
                    let kind = kindExceptions ? text.kind(ofToken: k, id: id) : kinds[id]
                    let f = facts[Int(id)]
                    var local = localPlusOne[Int(id)]
                    if local == 0 {
                        firstSeen[distinct] = id
                        distinct += 1
                        local = Int32(distinct)
                        localPlusOne[Int(id)] = local
                    }
                    localIDs[filled] = UInt32(local - 1); filled += 1
                    if kind == .number { numbers += 1 }
                    let sy = Int(f.syllables)
                    c.syllables += sy
                    c.letters += Int(f.letters)
                    c.lettersAndDigits += Int(f.letters) + Int(f.digits)
                    // A capitalised word inside a sentence is taken as a proper noun: Gunning does not count
                    // names as complex, Dale–Chall counts them as familiar.
                    let properNoun = kind == .word && k != sentence.tokens.lowerBound && capitals[k]
                    let poly = sy >= 3
                    let complex = poly && !properNoun && !f.fogExempt
                    let difficult = kind == .word && !properNoun && !f.easy
                    if poly { c.polysyllables += 1 }
                    if complex { c.complexWords += 1 }
                    if difficult { c.difficultWords += 1 }
                    if let explain {
                        explain(CountedWord(word: text.surface(ofToken: k), syllables: sy, complex: complex, polysyllable: poly, difficult: difficult))
                    }
                }
            }
            for k in 0..<distinct { localPlusOne[Int(firstSeen[k])] = 0 }
        }
        }
        }
        }
        }
        }
        s.numbers = numbers
        s.sentences = sentences
        s.counts = c
        s.uniqueWords = distinct
        s.ttr = filled == 0 ? 0 : Double(distinct) / Double(filled)
        let (windowSum, windows, forward, backward) = localIDs.withUnsafeBufferPointer { all in
            let ids = UnsafeBufferPointer(rebasing: all[0..<filled])
            let (windowSum, windows) = LexicalDiversity.mattrSum(ids, window: TextStatistics.mattrWindow, counter: &counter, capacity: distinct)
            let forward = LexicalDiversity.factors(ids, reversed: false, threshold: TextStatistics.mtldThreshold, counter: &counter, capacity: distinct)
            let backward = LexicalDiversity.factors(ids, reversed: true, threshold: TextStatistics.mtldThreshold, counter: &counter, capacity: distinct)
            return (windowSum, windows, forward, backward)
        }
        s.mattr = windows > 0 ? windowSum / Double(windows) : 0
        s.mtld = LexicalDiversity.mtld(words: filled, forwardFactors: forward, backwardFactors: backward)
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
        // Each worker counts a range of texts and marks the vocabulary ids it met; the union is counted from
        // the marks afterwards.
        struct Share {
            var detailed: [Detailed] = []
            var seen: [UInt8] = []
            var cancelled = false
        }
        let owners = owners.map(UncheckedOwners.init)
        let shares = Parallel.mapPerCore(count: texts.count, minimumPerCore: 64) { range -> Share in
            var share = Share()
            var counter = IdCounter(capacity: vocabularySize)
            share.seen = [UInt8](repeating: 0, count: vocabularySize)
            share.detailed.reserveCapacity(range.count)
            var computed: [(AnyObject, Detailed)] = []
            // The worker's cached entries in one visit to the cache (one lock, not one per text).
            let cachedEntries = owners.flatMap { owners in cache?.get(Array(owners.objects[range])) }
            for i in range {
                if i & 255 == 0, Cancellation.isRequested { share.cancelled = true; return share }
                let d: Detailed
                if let cached = cachedEntries?[i - range.lowerBound] {
                    d = cached
                    texts[i].ids.withUnsafeIDs { ids in
                        share.seen.withUnsafeMutableBufferPointer { seen in
                            for id in ids { seen[Int(id)] = 1 }
                        }
                    }
                } else {
                    d = detailed(texts[i], facts: facts, counter: &counter)
                    if let owner = owners?.objects[i] { computed.append((owner, d)) }
                    // The text's distinct ids are the first `uniqueWords` of the worker's list.
                    counter.firstSeen.withUnsafeBufferPointer { distinct in
                        share.seen.withUnsafeMutableBufferPointer { seen in
                            for k in 0..<d.stats.uniqueWords { seen[Int(distinct[k])] = 1 }
                        }
                    }
                }
                share.detailed.append(d)
            }
            cache?.set(computed)
            return share
        }
        if shares.contains(where: \.cancelled) { throw CancelledError() }
        let details = shares.flatMap(\.detailed)
        let each = details.map(\.stats)
        var total = TextStatistics()
        var distinct = 0
        for id in 0..<vocabularySize where shares.contains(where: { $0.seen[id] != 0 }) { distinct += 1 }
        var windowSum = 0.0, windows = 0, factors = 0.0
        for (s, d) in zip(each, details) {
            total.characters += s.characters; total.charactersNoSpaces += s.charactersNoSpaces
            total.words += s.words; total.sentences += s.sentences; total.paragraphs += s.paragraphs
            total.numbers += s.numbers; total.quotations += s.quotations
            total.counts = total.counts + s.counts
            windowSum += d.windowSum; windows += d.windows; factors += d.factors
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
}
