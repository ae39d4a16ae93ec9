import Foundation
import LedeText

/// A word found near the search term, with its association score.
public struct Collocate: Codable, Sendable, Equatable {
    public var collocate: String
    /// Times it stands within the window of the term (O), to the left and to the right.
    public var together: Int
    public var left: Int
    public var right: Int
    /// Its frequency in the texts searched, and the co-occurrences expected by chance (E).
    public var frequency: Int
    public var expected: Double
    public var score: Double
}

/// Window-based collocation (Evert 2008, surface co-occurrence). For a term found f_n times, the windows
/// of `window` words either side hold W token slots in all (windows are cut at the text's ends).
/// A word of frequency f_c among N tokens is expected E = W·f_c/N times in them; seen O times:
/// - pmi = log2(O/E)
/// - tscore = (O − E)/√O
/// - ll = G² of the 2×2 table (O, W−O, f_c−O, N−W−f_c+O), negative when O < E
/// - logdice = 14 + log2(2·O/(f_n + f_c)) (Rychlý 2008)
public enum Collocations {
    public enum Measure: String, Sendable, CaseIterable { case pmi, ll, tscore, logdice }

    public struct Result: Sendable {
        public var collocates: [Collocate]
        public var termFrequency: Int
        public var windowSlots: Int
        public var tokens: Int
    }

    /// `stopwordsOf` gives each text its own list (its language's) when they differ; else `stopwords` is used.
    public static func find(_ pattern: TermPattern, in texts: [TokenizedText], window: Int, measure: Measure,
                            minFreq: Int, top: Int, stopwords: Stopwords, stopwordsOf: [Stopwords]? = nil, forms: [String]) throws -> Result {
        // Each list's flags by token id, made once per distinct list.
        var flags: [String: [Bool]] = [:]
        func stopFlags(_ list: Stopwords) -> [Bool] {
            if let made = flags[list.name] { return made }
            var stop = [Bool](repeating: false, count: forms.count)
            if !list.words.isEmpty { for (i, f) in forms.enumerated() where list.words.contains(f) { stop[i] = true } }
            flags[list.name] = stop
            return stop
        }
        var frequency = [Int32](repeating: 0, count: forms.count)
        var left = IdCounter(capacity: forms.count), right = IdCounter(capacity: forms.count)
        var tokensTotal = 0, slots = 0, termFrequency = 0
        for (i, text) in texts.enumerated() {
            if i & 255 == 255 { try Cancellation.check() }
            let stop = stopFlags(stopwordsOf?[i] ?? stopwords)
            let ids = text.ids
            for id in ids where Int(id) < frequency.count { frequency[Int(id)] &+= 1 }
            tokensTotal += ids.count
            for m in pattern.matches(in: text) {
                termFrequency += 1
                let lo = max(0, m.lowerBound - window), hi = min(ids.count, m.upperBound + window)
                slots += (m.lowerBound - lo) + (hi - m.upperBound)
                for k in lo..<m.lowerBound where isCollocate(text, k, stop) { left.add(ids[k]) }
                for k in m.upperBound..<hi where isCollocate(text, k, stop) { right.add(ids[k]) }
            }
        }
        var ids = Set(left.touched); ids.formUnion(right.touched)
        var scored: [Collocate] = []
        let n = Double(tokensTotal), w = Double(slots)
        for id in ids {
            let o = Int(left[id] + right[id])
            guard o >= max(1, minFreq) else { continue }
            let fc = Int(frequency[Int(id)])
            let e = w * Double(fc) / n
            scored.append(Collocate(collocate: forms[Int(id)], together: o, left: Int(left[id]), right: Int(right[id]),
                                    frequency: fc, expected: e,
                                    score: score(measure, o: Double(o), e: e, fn: Double(termFrequency), fc: Double(fc), w: w, n: n)))
        }
        let best = TopK.select(scored, k: top) { a, b in
            a.score != b.score ? a.score > b.score : (a.together != b.together ? a.together > b.together : a.collocate < b.collocate)
        }
        return Result(collocates: best, termFrequency: termFrequency, windowSlots: slots, tokens: tokensTotal)
    }

    @inline(__always) static func isCollocate(_ text: TokenizedText, _ k: Int, _ stop: [Bool]) -> Bool {
        let kind = text.kind(ofToken: k), id = Int(text.ids[k])
        return (kind == .word || kind == .cjk) && id < stop.count && !stop[id]
    }

    /// One association score (see the type's documentation).
    public static func score(_ measure: Measure, o: Double, e: Double, fn: Double, fc: Double, w: Double, n: Double) -> Double {
        switch measure {
        case .pmi: return log2(o / e)
        case .tscore: return (o - e) / o.squareRoot()
        case .logdice: return 14 + log2(2 * o / (fn + fc))
        case .ll:
            let o11 = o, o12 = max(0, w - o), o21 = max(0, fc - o), o22 = max(0, n - w - fc + o)
            let total = o11 + o12 + o21 + o22
            let r1 = o11 + o12, r2 = o21 + o22, c1 = o11 + o21, c2 = o12 + o22
            func term(_ x: Double, _ ex: Double) -> Double { x > 0 && ex > 0 ? x * log(x / ex) : 0 }
            let g2 = 2 * (term(o11, r1 * c1 / total) + term(o12, r1 * c2 / total) + term(o21, r2 * c1 / total) + term(o22, r2 * c2 / total))
            return o < e ? -g2 : g2
        }
    }
}
