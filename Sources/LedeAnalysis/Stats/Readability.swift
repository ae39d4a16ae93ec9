import Foundation

/// The counts readability formulas are made of. Additive, so a selection's counts are the sums of its texts'.
public struct ReadabilityCounts: Codable, Sendable, Equatable {
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    /// Letters (Coleman–Liau) and letters plus digits (ARI).
    public var letters = 0
    public var lettersAndDigits = 0
    /// Gunning Fog: three or more syllables, except proper nouns, hyphenated compounds and -es/-ed/-ing forms.
    public var complexWords = 0
    /// SMOG: every word of three or more syllables.
    public var polysyllables = 0
    /// Dale–Chall: words not on the easy list (proper nouns and numbers count as familiar).
    public var difficultWords = 0

    public init() {}

    public static func + (a: Self, b: Self) -> Self {
        var r = a
        r.words += b.words; r.sentences += b.sentences; r.syllables += b.syllables; r.letters += b.letters
        r.lettersAndDigits += b.lettersAndDigits; r.complexWords += b.complexWords
        r.polysyllables += b.polysyllables; r.difficultWords += b.difficultWords
        return r
    }
}

/// The seven readability scores (formulas in ../shared/notes/references.md); nil when the text has no
/// words or no sentences.
public struct ReadabilityScores: Codable, Sendable, Equatable {
    public var fleschReadingEase: Double?
    public var fleschKincaidGrade: Double?
    public var gunningFog: Double?
    public var smog: Double?
    public var colemanLiau: Double?
    public var automatedReadabilityIndex: Double?
    public var daleChall: Double?

    public init(_ c: ReadabilityCounts) {
        guard c.words > 0, c.sentences > 0 else { return }
        let w = Double(c.words), st = Double(c.sentences)
        let wordsPerSentence = w / st
        let syllablesPerWord = Double(c.syllables) / w
        fleschReadingEase = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
        fleschKincaidGrade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
        gunningFog = 0.4 * (wordsPerSentence + 100 * Double(c.complexWords) / w)
        // SMOG normalised to 30 sentences from all sentences (McLaughlin samples 30).
        smog = 1.043 * (30 * Double(c.polysyllables) / st).squareRoot() + 3.1291
        let lettersPer100 = 100 * Double(c.letters) / w
        let sentencesPer100 = 100 * st / w
        colemanLiau = 0.0588 * lettersPer100 - 0.296 * sentencesPer100 - 15.8
        automatedReadabilityIndex = 4.71 * Double(c.lettersAndDigits) / w + 0.5 * wordsPerSentence - 21.43
        let pdw = 100 * Double(c.difficultWords) / w
        daleChall = 0.1579 * pdw + 0.0496 * wordsPerSentence + (pdw > 5 ? 3.6365 : 0)
    }

    /// Name and value pairs in display order.
    public var all: [(String, Double?)] {
        [("Flesch Reading Ease", fleschReadingEase), ("Flesch–Kincaid grade", fleschKincaidGrade),
         ("Gunning Fog", gunningFog), ("SMOG", smog), ("Coleman–Liau", colemanLiau),
         ("ARI", automatedReadabilityIndex), ("Dale–Chall", daleChall)]
    }
}
