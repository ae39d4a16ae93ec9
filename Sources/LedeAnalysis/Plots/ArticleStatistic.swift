/// A per-article figure a histogram can count: a field of `TextStatistics`, named as users type it.
public enum ArticleStatistic: String, Sendable, CaseIterable, Codable {
    case words, characters, sentences, paragraphs, uniqueWords = "unique-words", numbers, quotations
    case sentenceLength = "sentence-length", wordLength = "word-length", ttr, mattr, mtld, readingMinutes = "reading-minutes"
    case fre, fkgl, fog, smog, cli, ari, daleChall = "dale-chall"

    /// The name or one of its aliases, any letter case (`FRE`, `flesch`, `fk`, `coleman-liau`, `dc`).
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "_", with: "-")
        if let s = ArticleStatistic(rawValue: n) { self = s; return }
        let aliases: [String: ArticleStatistic] = [
            "flesch": .fre, "flesch-reading-ease": .fre, "fk": .fkgl, "flesch-kincaid": .fkgl, "gunning-fog": .fog,
            "coleman-liau": .cli, "automated-readability-index": .ari, "dc": .daleChall, "dalechall": .daleChall,
            "unique": .uniqueWords, "uniquewords": .uniqueWords, "asl": .sentenceLength, "reading-time": .readingMinutes,
            "chars": .characters,
        ]
        guard let s = aliases[n] else { return nil }
        self = s
    }

    public var label: String {
        switch self {
        case .words: "words"
        case .characters: "characters"
        case .sentences: "sentences"
        case .paragraphs: "paragraphs"
        case .uniqueWords: "unique words"
        case .numbers: "numbers"
        case .quotations: "quotations"
        case .sentenceLength: "mean sentence length (words)"
        case .wordLength: "mean word length (letters and digits)"
        case .ttr: "type-token ratio"
        case .mattr: "MATTR"
        case .mtld: "MTLD"
        case .readingMinutes: "reading time (minutes)"
        case .fre: "Flesch Reading Ease"
        case .fkgl: "Flesch–Kincaid grade"
        case .fog: "Gunning Fog"
        case .smog: "SMOG"
        case .cli: "Coleman–Liau"
        case .ari: "ARI"
        case .daleChall: "Dale–Chall"
        }
    }

    /// The figure for one article; nil when it is not defined (readability of a text without sentences).
    public func value(in s: TextStatistics) -> Double? {
        switch self {
        case .words: Double(s.words)
        case .characters: Double(s.characters)
        case .sentences: Double(s.sentences)
        case .paragraphs: Double(s.paragraphs)
        case .uniqueWords: Double(s.uniqueWords)
        case .numbers: Double(s.numbers)
        case .quotations: Double(s.quotations)
        case .sentenceLength: s.sentences > 0 ? s.meanSentenceLength : nil
        case .wordLength: s.words > 0 ? s.meanWordLength : nil
        case .ttr: s.words > 0 ? s.ttr : nil
        case .mattr: s.words > 0 ? s.mattr : nil
        case .mtld: s.words > 0 ? s.mtld : nil
        case .readingMinutes: s.readingMinutes
        case .fre: s.readability.fleschReadingEase
        case .fkgl: s.readability.fleschKincaidGrade
        case .fog: s.readability.gunningFog
        case .smog: s.readability.smog
        case .cli: s.readability.colemanLiau
        case .ari: s.readability.automatedReadabilityIndex
        case .daleChall: s.readability.daleChall
        }
    }
}
