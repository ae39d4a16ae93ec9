import Testing
import LedeText
@testable import LedeAnalysis

/// Each expected value is worked out by hand from the example text (counts in the comments).
@Suite struct LanguageReadabilityTests {
    func counts(_ text: String, _ code: String) -> LanguageReadabilityCounts {
        let vocabulary = Vocabulary()
        let t = Tokenizer().tokenize(text, vocabulary: vocabulary)
        let cache = LanguageWordFactsCache(language: Language(code: code)!)!
        return LanguageReadability.counts(of: t, facts: cache.facts(for: vocabulary))
    }

    func score(_ formula: ReadabilityFormula, _ c: LanguageReadabilityCounts) -> Double { formula.score(c)! }

    @Test func german() {
        // Die(1) Regierung(3) veröffentlicht(4) heute(2) einen(2) ausführlichen(4) Bericht(2):
        // 7 words, 1 sentence, 18 syllables; 3 of 3+ syllables, 4 of more than 6 letters, 1 of one syllable.
        let c = counts("Die Regierung veröffentlicht heute einen ausführlichen Bericht.", "de")
        #expect(c == LanguageReadabilityCounts(words: 7, sentences: 1, syllables: 18, polysyllables: 3, monosyllables: 1, longWords: 4))
        #expect(abs(score(.amstad, c) - (180 - 7 - 58.5 * 18 / 7)) < 1e-9)
        #expect(abs(score(.amstad, c) - 22.5714) < 1e-4)
        let wstf = 0.1935 * (300.0 / 7) + 0.1672 * 7 + 0.1297 * (400.0 / 7) - 0.0327 * (100.0 / 7) - 0.875
        #expect(abs(score(.wienerSachtextformel, c) - wstf) < 1e-9)
        #expect(abs(score(.wienerSachtextformel, c) - 15.5325) < 1e-4)
    }

    @Test func french() {
        // Le(1) chat(1) dort(1). La(1) maison(2) est(1) grande(1) et(1) belle(1).
        // 9 words, 2 sentences, 10 syllables: 207 − 1.015 × 4.5 − 73.6 × 10/9.
        let c = counts("Le chat dort. La maison est grande et belle.", "fr")
        #expect(c.words == 9 && c.sentences == 2 && c.syllables == 10)
        #expect(abs(score(.kandelMoles, c) - 120.6547) < 1e-4)
    }

    @Test func spanish() {
        // El(1) día(2) es(1) largo(2). Los(1) niños(2) leen(2) cuentos(2).
        // 8 words, 2 sentences, 13 syllables: ASL 4, ASW 1.625.
        let c = counts("El día es largo. Los niños leen cuentos.", "es")
        #expect(c.words == 8 && c.sentences == 2 && c.syllables == 13)
        #expect(abs(score(.fernandezHuerta, c) - 105.26) < 1e-9)      // 206.84 − 0.60 × 162.5 − 1.02 × 4
        #expect(abs(score(.szigrisztPazos, c) - 101.5975) < 1e-9)     // 206.835 − 62.3 × 1.625 − 4
    }

    @Test func whichFormulasForWhichLanguage() {
        func formulas(_ code: String) -> [ReadabilityFormula] { LanguageReadability.formulas(for: Language(code: code)!) }
        #expect(formulas("de") == [.amstad, .wienerSachtextformel])
        #expect(formulas("fr") == [.kandelMoles])
        #expect(formulas("es") == [.fernandezHuerta, .szigrisztPazos])
        #expect(formulas("pl").isEmpty && formulas("zh").isEmpty)
        #expect(LanguageReadability.unavailableReason(for: .english) == nil)
        #expect(LanguageReadability.unavailableReason(for: Language(code: "de")!) == nil)
        #expect(LanguageReadability.unavailableReason(for: Language(code: "pl")!) == "no readability formula for Polish (pl)")
        #expect(LanguageReadability.unavailableReason(for: nil) != nil)
        #expect(ReadabilityFormula.amstad.score(LanguageReadabilityCounts()) == nil)
        let scores = LanguageReadability.scores(LanguageReadabilityCounts(words: 10, sentences: 2, syllables: 15, polysyllables: 0, monosyllables: 5, longWords: 0),
                                                language: Language(code: "es")!)
        #expect(scores.map(\.formula) == [.fernandezHuerta, .szigrisztPazos])
    }
}
