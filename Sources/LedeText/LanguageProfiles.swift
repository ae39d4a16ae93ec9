import Foundation

/// The word profiles of the candidates written in one script, as an inverted index: a word's hash leads to
/// the languages whose profile holds it, with how much more likely it is there than an unlisted word.
struct WordProfiles: Sendable {
    let languages: [Language]
    let index: PostingIndex
    /// Per language: 0, or −`neighbourPenalty` for the neighbour varieties.
    let prior: [Double]

    init(script: Script, languages: [Language]) {
        self.languages = languages
        prior = languages.map { LanguageIdentifier.neighbourVarieties.contains($0.code) ? -LanguageIdentifier.neighbourPenalty : 0 }
        let size = LanguageIdentifier.profileWords
        let floor = log(1.0 / Double(8 * size))
        var postings: [UInt64: [(UInt8, Float)]] = [:]
        for (li, language) in languages.enumerated() {
            var profile = Set<String>()
            Stoplist.forEachEntry(of: language, script: script) { entry, words, whole in
                guard whole, words.count == 1, !profile.contains(entry) else { return profile.count < size }
                let delta = log(1.0 / Double(profile.count + 2)) - floor
                profile.insert(entry)
                postings[Stoplist.hash(entry), default: []].append((UInt8(li), Float(delta)))
                return profile.count < size
            }
        }
        index = PostingIndex(postings)
    }

    /// Adds the words of `sample` from index `from` on.
    func add(_ sample: LanguageIdentifier.Sample, from: Int, to scores: inout LanguageIdentifier.Scores) {
        sample.words.withUnsafeBufferPointer { words in
        scores.word.withUnsafeMutableBufferPointer { word in
        scores.hits.withUnsafeMutableBufferPointer { hits in
            for k in from..<words.count where !words[k].cjk {
                guard let postings = index.postings(words[k].hash) else { continue }
                for p in postings {
                    let l = Int(index.languages[p])
                    word[l] += Double(index.values[p]); hits[l] += 1
                }
            }
        }
        }
        }
    }
}

/// The character-trigram profiles of the candidates written in one script: per language, the log-probability
/// of a trigram its list never has, and an inverted index from a trigram to how much more likely it is in
/// each language whose list has it.
struct TrigramProfiles: Sendable {
    let unseen: [Double]
    let index: PostingIndex

    init(script: Script, languages: [Language]) {
        var counts: [[UInt64: Int32]] = []
        var totals: [Int] = []
        var vocabulary = Set<UInt64>()
        for language in languages {
            var c: [UInt64: Int32] = [:], total = 0
            Stoplist.forEachEntry(of: language, script: script) { _, words, _ in
                for word in words {
                    TrigramProfiles.forEachTrigram(of: word.unicodeScalars.lazy.map { UInt64($0.value) }) { c[$0, default: 0] += 1; total += 1 }
                }
                return true
            }
            vocabulary.formUnion(c.keys)
            counts.append(c); totals.append(total)
        }
        let v = Double(vocabulary.count), alpha = 0.5
        var unseen: [Double] = []
        var postings: [UInt64: [(UInt8, Float)]] = [:]
        for (li, c) in counts.enumerated() {
            let denominator = Double(totals[li]) + alpha * v
            let u = log(alpha / denominator)
            unseen.append(u)
            for (key, n) in c { postings[key, default: []].append((UInt8(li), Float(log((Double(n) + alpha) / denominator) - u))) }
        }
        self.unseen = unseen
        index = PostingIndex(postings)
    }

    func add(_ sample: LanguageIdentifier.Sample, to scores: inout LanguageIdentifier.Scores) {
        var count = 0
        for w in sample.words where !w.cjk {
            sample.forEachTrigram(of: w) { key in
                count += 1
                index.forEach(key) { l, v in scores.trigram[Int(l)] += Double(v) }
            }
        }
        for i in unseen.indices { scores.trigram[i] += Double(count) * unseen[i] }
    }

    /// The trigrams of a word's characters padded with a space at each end, each packed into 63 bits.
    @inline(__always) static func forEachTrigram<S: Sequence>(of scalars: S, _ body: (UInt64) -> Void) where S.Element == UInt64 {
        var a: UInt64 = 0x20, b: UInt64 = 0, count = 0
        for c in scalars {
            if count >= 1 { body((a << 42) | (b << 21) | c); a = b }
            b = c
            count += 1
        }
        if count >= 1 { body((a << 42) | (b << 21) | 0x20) }
    }
}
