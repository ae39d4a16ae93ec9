import LedeText

/// A deterministic generator of texts and seeded edits whose NewsEdits counts are known exactly.
/// Sentences are made of invented words, so no two sentences are alike by accident; edits sit in
/// separate blocks of ten sentences so they never interact.
struct SeededEdits {
    enum Kind: CaseIterable { case number, word, add, delete, move, merge, split }

    struct Expected: Equatable {
        var unchanged = 0, added = 0, deleted = 0, edited = 0, moved = 0, merged = 0, split = 0
        var wordsAdded = 0, wordsRemoved = 0
    }

    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func int(_ n: Int) -> Int { random.below(n) }

    private var wordCounter = 0

    /// A fresh invented word (letters only), never produced twice.
    mutating func word() -> String {
        wordCounter += 1
        let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pu", "da", "gi"]
        var n = wordCounter, s = ""
        repeat { s += syllables[n % syllables.count]; n /= syllables.count } while n > 0
        return s + syllables[int(syllables.count)]
    }

    /// A sentence as words (the first capitalised when written), with one number among them.
    mutating func sentence(length: Int) -> [String] {
        var words = (0..<length).map { _ in word() }
        words[length / 2] = String(10 + int(900))
        return words
    }

    static func write(_ sentences: [[String]]) -> String {
        var paragraphs: [String] = []
        for block in stride(from: 0, to: sentences.count, by: 10) {
            let text = sentences[block..<min(block + 10, sentences.count)].map { s in
                let first = s[0].prefix(1).uppercased() + s[0].dropFirst()
                return ([first] + s.dropFirst()).joined(separator: " ") + "."
            }.joined(separator: " ")
            paragraphs.append(text)
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// An old text of `blocks`·10 sentences and a new one with one seeded edit in each block (slot 3).
    mutating func make(blocks: Int, kinds: [Kind] = Kind.allCases) -> (old: String, new: String, expected: Expected) {
        var old: [[String]] = []
        for _ in 0..<(blocks * 10) { old.append(sentence(length: 12 + int(10))) }
        var e = Expected()
        var new: [[String]] = []
        for b in 0..<blocks {
            var block = Array(old[(b * 10)..<(b * 10 + 10)])
            let kind = kinds[int(kinds.count)]
            switch kind {
            case .number:
                let k = block[3].firstIndex { Int($0) != nil }!
                block[3][k] = String(Int(block[3][k])! + 1 + int(50))
                e.edited += 1; e.wordsAdded += 1; e.wordsRemoved += 1
            case .word:
                block[3][1 + int(4)] = word()
                e.edited += 1; e.wordsAdded += 1; e.wordsRemoved += 1
            case .add:
                let s = sentence(length: 12 + int(10))
                block.insert(s, at: 3)
                e.added += 1; e.wordsAdded += s.count
            case .delete:
                e.deleted += 1; e.wordsRemoved += block[3].count
                block.remove(at: 3)
            case .move:
                let s = block.remove(at: 3)
                block.insert(s, at: 7)
                e.moved += 1
            case .merge:
                let joined = block[3] + ["and"] + block[4]
                block[3] = joined
                block.remove(at: 4)
                e.merged += 1; e.wordsAdded += 1
            case .split:
                let s = block[3]
                let cut = s.count / 2
                block[3] = Array(s[..<cut])
                block.insert(Array(s[cut...]), at: 4)
                e.split += 1
            }
            new += block
        }
        let touched = e.edited + e.deleted + e.moved + 2 * e.merged + e.split
        e.unchanged = old.count - touched
        return (Self.write(old), Self.write(new), e)
    }
}
