import Testing
import Foundation
import LedeText
@testable import LedeAnalysis

/// Hand-made texts with syllables and the easy list given by the test, so every expected value below
/// was worked out by hand from the formulas in ../shared/notes/references.md.
private let testSyllables: [String: Int] = [
    "the": 1, "cat": 1, "ran": 1, "elephants": 3, "are": 1, "enormous": 3, "animals": 3,
    "created": 3, "create": 2, "officials": 3, "met": 1, "john": 1, "smith": 1, "was": 1, "unhappy": 3,
    "well-being": 3, "mattered": 2, "benefited": 4, "benefit": 3, "they": 1, "profits": 2, "rose": 1, "yes": 1, "no": 1, "he": 1, "said": 1, "and": 1,
]
private let testSources = WordFacts.Sources(
    syllables: { testSyllables[$0] ?? 1 },
    dictionarySyllables: { testSyllables[$0] },
    isEasy: { ["the", "cat", "ran", "are", "met", "was", "he", "said", "and", "yes", "no", "they", "rose"].contains($0) })

private func analyse(_ text: String) -> (TextStatistics, [CountedWord]) {
    let vocabulary = Vocabulary()
    let tokenized = Tokenizer().tokenize(text, vocabulary: vocabulary)
    var facts = WordFacts()
    facts.extend(with: vocabulary.allForms(), sources: testSources)
    var counter = IdCounter(capacity: vocabulary.count)
    var words: [CountedWord] = []
    let stats = StatisticsCalculator.compute(tokenized, facts: facts, counter: &counter) { words.append($0) }
    return (stats, words)
}

@Suite struct StatsFormulaTests {
    @Test func formulasFromCounts() {
        var c = ReadabilityCounts()
        c.words = 100; c.sentences = 5; c.syllables = 150; c.letters = 450; c.lettersAndDigits = 460
        c.complexWords = 10; c.polysyllables = 12; c.difficultWords = 8
        let r = ReadabilityScores(c)
        // 206.835 − 1.015·20 − 84.6·1.5
        #expect(abs(r.fleschReadingEase! - 59.635) < 1e-9)
        // 0.39·20 + 11.8·1.5 − 15.59
        #expect(abs(r.fleschKincaidGrade! - 9.91) < 1e-9)
        // 0.4·(20 + 100·10/100)
        #expect(abs(r.gunningFog! - 12.0) < 1e-9)
        // 1.043·√(30·12/5) + 3.1291 = 1.043·√72 + 3.1291
        #expect(abs(r.smog! - 11.979248) < 1e-5)
        // 0.0588·450 − 0.296·5 − 15.8
        #expect(abs(r.colemanLiau! - 9.18) < 1e-9)
        // 4.71·4.6 + 0.5·20 − 21.43
        #expect(abs(r.automatedReadabilityIndex! - 10.236) < 1e-9)
        // PDW 8 % > 5: 0.1579·8 + 0.0496·20 + 3.6365
        #expect(abs(r.daleChall! - 5.8917) < 1e-9)
    }

    @Test func daleChallAddsNoConstantAtOrBelowFivePercent() {
        var c = ReadabilityCounts()
        c.words = 100; c.sentences = 10; c.difficultWords = 5
        // 0.1579·5 + 0.0496·10
        #expect(abs(ReadabilityScores(c).daleChall! - 1.2855) < 1e-9)
    }

    @Test func emptyTextHasNoScores() {
        let (s, _) = analyse("")
        #expect(s.words == 0 && s.sentences == 0)
        #expect(s.readability.fleschReadingEase == nil && s.readability.daleChall == nil)
        #expect(s.ttr == 0 && s.mattr == 0 && s.mtld == 0)
    }

    @Test func smallTextCountsAndScores() {
        let (s, words) = analyse("The cat ran. Elephants are enormous animals.")
        #expect(s.words == 7 && s.sentences == 2 && s.paragraphs == 1)
        #expect(s.counts.syllables == 13)
        #expect(s.counts.letters == 36)
        // "Elephants" starts its sentence, so it is not taken for a name.
        #expect(s.counts.complexWords == 3 && s.counts.polysyllables == 3 && s.counts.difficultWords == 3)
        #expect(words.filter(\.complex).map(\.word) == ["Elephants", "enormous", "animals"])
        #expect(abs(s.readability.fleschReadingEase! - 46.168214) < 1e-5)
        #expect(abs(s.readability.fleschKincaidGrade! - 7.689286) < 1e-5)
        #expect(abs(s.readability.gunningFog! - 18.542857) < 1e-5)
        #expect(abs(s.readability.smog! - 10.125757) < 1e-5)
        #expect(abs(s.readability.colemanLiau! - 5.982857) < 1e-5)
        #expect(abs(s.readability.automatedReadabilityIndex! - 4.542857) < 1e-5)
        #expect(abs(s.readability.daleChall! - 10.577243) < 1e-5)
        #expect(s.uniqueWords == 7 && s.ttr == 1)
        #expect(abs(s.meanSentenceLength - 3.5) < 1e-12)
        #expect(abs(s.readingMinutes - 7.0 / 238) < 1e-12)
    }

    @Test func gunningExemptions() {
        // "Officials" starts the sentence (counted); "John Smith" are names; "created" is create + -ed;
        // "well-being" is a hyphenated compound; "unhappy" counts.
        let (s, words) = analyse("Officials created well-being. John Smith was unhappy.")
        let complex = words.filter(\.complex).map(\.word)
        #expect(complex == ["Officials", "unhappy"])
        #expect(s.counts.polysyllables == 4)
        // Names inside a sentence are familiar for Dale–Chall ("Smith"); a capital at a sentence start
        // is no evidence of a name ("John", "Officials").
        #expect(words.filter(\.difficult).map(\.word) == ["Officials", "created", "well-being", "John", "unhappy"])
    }

    @Test func suffixExemptionNeedsAShortBase() {
        // "benefited" has 4 syllables and "benefit" already 3: the -ed does not make it complex, it stays complex.
        let (s, words) = analyse("They benefited.")
        #expect(words.filter(\.complex).map(\.word) == ["benefited"])
        #expect(s.counts.complexWords == 1)
    }

    @Test func amountsAreNotDifficultWords() {
        // "1.13bn" and "600m" are amounts; "profits" is not on this test's easy list.
        let (s, words) = analyse("They rose 1.13bn and 600m profits.")
        #expect(words.filter(\.difficult).map(\.word) == ["profits"])
        #expect(s.counts.difficultWords == 1)
    }

    @Test func numbersAndQuotations() {
        let (s, _) = analyse("He said \"yes\" and “no” in 2005.")
        #expect(s.numbers == 1)
        #expect(s.quotations == 2)
        #expect(s.characters == "He said \"yes\" and “no” in 2005.".unicodeScalars.count)
    }
}

@Suite struct LexicalDiversityTests {
    @Test func ttrAndMattr() {
        var counter = IdCounter(capacity: 8)
        #expect(LexicalDiversity.ttr([1, 2, 1, 3], counter: &counter) == 0.75)
        // Windows of 2 over 1 2 1 1: {1,2}=1, {2,1}=1, {1,1}=0.5 → 2.5/3.
        #expect(abs(LexicalDiversity.mattr([1, 2, 1, 1], window: 2, counter: &counter) - 2.5 / 3) < 1e-12)
        // Shorter than the window: MATTR is the TTR.
        #expect(LexicalDiversity.mattr([1, 2, 1, 3], window: 100, counter: &counter) == 0.75)
    }

    @Test func mtldFullFactors() {
        var counter = IdCounter(capacity: 8)
        // a b a | b a b: the TTR reaches 2/3 ≤ 0.72 at the 3rd and 6th words → 2 factors each way, 6/2 = 3.
        #expect(LexicalDiversity.mtld([0, 1, 0, 1, 0, 1], counter: &counter) == 3)
    }

    @Test func mtldPartialFactor() {
        var counter = IdCounter(capacity: 8)
        // Forward a b a | c: one factor, remainder TTR 1 → partial 0 → 4/1 = 4.
        // Backward c a b a: TTR 3/4 = 0.75 at the end → partial (1 − 0.75)/0.28 → 4/0.892857 = 4.48.
        #expect(abs(LexicalDiversity.factors([0, 1, 0, 2], reversed: false, counter: &counter) - 1) < 1e-12)
        #expect(abs(LexicalDiversity.factors([0, 1, 0, 2], reversed: true, counter: &counter) - 0.25 / 0.28) < 1e-12)
        #expect(abs(LexicalDiversity.mtld([0, 1, 0, 2], counter: &counter) - (4 + 4 * 0.28 / 0.25) / 2) < 1e-12)
    }

    @Test func selectionPoolsTexts() throws {
        let vocabulary = Vocabulary()
        let texts = ["The cat ran.", "The cat ran. The cat ran."].map { Tokenizer().tokenize($0, vocabulary: vocabulary) }
        var facts = WordFacts()
        facts.extend(with: vocabulary.allForms(), sources: testSources)
        let (each, total) = try StatisticsCalculator.compute(texts, facts: facts, vocabularySize: vocabulary.count)
        #expect(each.map(\.words) == [3, 6])
        #expect(total.words == 9 && total.sentences == 3 && total.uniqueWords == 3)
        #expect(abs(total.ttr - 3.0 / 9) < 1e-12)
        #expect(total.counts.syllables == 9)
    }
}

@Suite struct StatisticsCacheTests {
    final class Owner {}

    @Test func cachedResultsEqualFreshOnes() throws {
        let vocabulary = Vocabulary()
        let texts = ["The cat ran. Elephants are enormous animals.", "He said yes."].map { Tokenizer().tokenize($0, vocabulary: vocabulary) }
        var facts = WordFacts()
        facts.extend(with: vocabulary.allForms(), sources: testSources)
        let owners = [Owner(), Owner()]
        let cache = StatisticsCache()
        let fresh = try StatisticsCalculator.compute(texts, facts: facts, vocabularySize: vocabulary.count, owners: owners, cache: cache)
        #expect(cache.count == 2)
        let again = try StatisticsCalculator.compute(texts, facts: facts, vocabularySize: vocabulary.count, owners: owners, cache: cache)
        #expect(again.total.readability == fresh.total.readability && again.total.mtld == fresh.total.mtld)
        #expect(again.each.map(\.words) == [7, 3] && again.total.uniqueWords == fresh.total.uniqueWords)
        // One text cached, one new: the new one is computed and joins the cache.
        let third = Tokenizer().tokenize("Dogs bark.", vocabulary: vocabulary)
        facts.extend(with: vocabulary.allForms(), sources: testSources)
        // Every owner lives to the end: an optimised build frees an owner after its last use, and a new one may
        // then take its address (and its cache key).
        let newOwner = Owner()
        let mixed = try StatisticsCalculator.compute([texts[0], third], facts: facts, vocabularySize: vocabulary.count,
                                                     owners: [owners[0], newOwner], cache: cache)
        #expect(mixed.each.map(\.words) == [7, 2] && cache.count == 3)
        #expect(mixed.each[0].readability == fresh.each[0].readability)
        withExtendedLifetime((owners, newOwner)) {}
    }
}

@Suite struct EmptySelectionTests {
    @Test func noTextsGiveZerosNotCrashes() throws {
        let (each, total) = try StatisticsCalculator.compute([], facts: WordFacts(), vocabularySize: 0)
        #expect(each.isEmpty && total.words == 0 && total.uniqueWords == 0 && total.mtld == 0)
        #expect(total.readability.fleschReadingEase == nil)
        let units = try KeywordUnits(forms: [], stopwords: .none)
        var table = UnitCounts()
        try table.add([], units: units)
        #expect(table.top(10, units: units).isEmpty && table.tokens == 0)
        #expect(try TfIdf.top([], units: units, idfFrom: table, top: 5).isEmpty)
    }
}

@Suite struct DaleChallFamiliarityTests {
    @Test func inflectionsCompoundsAndUnknownWords() {
        // On the bundled easy list: "ask", "big", "high", "speed", "city", "year", "end".
        #expect(DaleChallFamiliarity.isFamiliar("asked") && DaleChallFamiliarity.isFamiliar("asking"))
        #expect(DaleChallFamiliarity.isFamiliar("bigger") && DaleChallFamiliarity.isFamiliar("cities"))
        #expect(DaleChallFamiliarity.isFamiliar("high-speed") && DaleChallFamiliarity.isFamiliar("year-end"))
        #expect(!DaleChallFamiliarity.isFamiliar("subscribers") && !DaleChallFamiliarity.isFamiliar("high-yield-xq"))
        // Lower-case ASCII takes a shortcut; capitals still find the listed word.
        #expect(DaleChall.isEasy("ask") && DaleChall.isEasy("Ask") && DaleChall.isEasy("ASK") && !DaleChall.isEasy("asq"))
    }
}
