import Testing
import Foundation
import LedeText
@testable import LedeAnalysis

/// The fast paths of `stats` (dense per-text ids, branch-free MATTR/MTLD counters, word
/// facts built on several cores) checked against plain reference versions on seeded random input.


/// Mean over windows of distinct/window, with a Set per window.
private func referenceMattrSum(_ ids: [UInt32], window: Int) -> (Double, Int) {
    let w = min(window, ids.count)
    var sum = 0.0
    for start in 0...(ids.count - w) { sum += Double(Set(ids[start..<start + w]).count) }
    return (sum / Double(w), ids.count - w + 1)
}

private func referenceFactors(_ ids: [UInt32], threshold: Double) -> Double {
    var factors = 0.0
    var seen = Set<UInt32>(), tokens = 0
    for id in ids {
        seen.insert(id); tokens += 1
        if Double(seen.count) / Double(tokens) <= threshold { factors += 1; seen = []; tokens = 0 }
    }
    if tokens > 0 { factors += (1 - Double(seen.count) / Double(tokens)) / (1 - threshold) }
    return factors
}

@Suite struct StatsFastPathTests {
    @Test func mattrAndMtldMatchSetBasedReferences() {
        var random = SplitMix64(seed: 7)
        var counter = IdCounter(capacity: 4)
        for round in 0..<200 {
            let length = 1 + random.below(400)
            let alphabet = 1 + random.below(round % 2 == 0 ? 12 : 300)
            let ids = (0..<length).map { _ in UInt32(random.below(alphabet)) }
            let window = [2, 7, 100][round % 3]
            let (sum, windows) = LexicalDiversity.mattrSum(ids, window: window, counter: &counter)
            let (refSum, refWindows) = referenceMattrSum(ids, window: window)
            #expect(windows == refWindows && abs(sum - refSum) < 1e-9, "round \(round)")
            for reversed in [false, true] {
                let f = LexicalDiversity.factors(ids, reversed: reversed, threshold: 0.72, counter: &counter)
                let ref = referenceFactors(reversed ? ids.reversed() : ids, threshold: 0.72)
                #expect(abs(f - ref) < 1e-9, "round \(round) reversed \(reversed)")
            }
            #expect(counter.counts.allSatisfy { $0 == 0 }, "the counter is left clean")
        }
    }

    @Test func denseRenumberingGivesTheSameDiversityAsVocabularyIds() {
        var random = SplitMix64(seed: 3)
        let words = (0..<60).map { "w\($0)x" }
        let vocabulary = Vocabulary()
        // Warm the vocabulary with unrelated forms so the text's ids are large and sparse.
        _ = Tokenizer().tokenize((0..<500).map { "filler\($0)" }.joined(separator: " "), vocabulary: vocabulary)
        for _ in 0..<20 {
            let body = (0..<(50 + random.below(400))).map { i in words[random.below(words.count)] + (i % 17 == 16 ? "." : "") }
                .joined(separator: " ")
            let text = Tokenizer().tokenize(body, vocabulary: vocabulary)
            var facts = WordFacts()
            facts.extend(with: vocabulary.allForms(), sources: .init(syllables: { _ in 1 }, dictionarySyllables: { _ in nil }, isEasy: { _ in true }))
            var counter = IdCounter(capacity: vocabulary.count)
            let stats = StatisticsCalculator.compute(text, facts: facts, counter: &counter)
            let ids = text.sentences.flatMap { $0.tokens.map { text.ids[$0] } }
            var reference = IdCounter(capacity: vocabulary.count)
            #expect(stats.uniqueWords == Set(ids).count)
            #expect(abs(stats.mattr - LexicalDiversity.mattr(ids, window: TextStatistics.mattrWindow, counter: &reference)) < 1e-12)
            #expect(abs(stats.mtld - LexicalDiversity.mtld(ids, threshold: TextStatistics.mtldThreshold, counter: &reference)) < 1e-12)
            #expect(counter.counts.allSatisfy { $0 == 0 })
        }
    }

    @Test func wordFactsBuiltInParallelEqualOneByOne() {
        // More than 4,096 new forms take the multi-core path; batches of 1,000 take the serial one.
        let forms = (0..<6000).map { i in ["created", "well-being", "1.13bn", "café", "the", "benefited", "x\(i)"][i % 7] + (i % 7 == 6 ? "" : "\(i % 3)") }
        let sources = WordFacts.Sources(syllables: { $0.utf8.count / 3 + 1 }, dictionarySyllables: { $0.count < 6 ? 1 : nil },
                                        isEasy: { $0.hasPrefix("the") })
        var all = WordFacts()
        all.extend(with: forms, sources: sources)
        var single = WordFacts()
        for n in stride(from: 1000, through: forms.count, by: 1000) { single.extend(with: Array(forms[..<n]), sources: sources) }
        #expect(all.count == forms.count)
        #expect(all.syllables == single.syllables && all.letters == single.letters && all.digits == single.digits)
        #expect(all.easy == single.easy && all.fogExempt == single.fogExempt)
        #expect(all.packed.map(\.syllables) == all.syllables && all.packed.map(\.fogExempt) == all.fogExempt)
    }
}
