import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

extension Engine {
    /// The language of a version: declared by the page, else identified from its text (once per version).
    func language(of version: ArticleVersion) -> Language? { version.language(identifiedBy: languageIdentifier) }

    /// The languages of many versions, those not known yet identified on all cores (a later call reads each
    /// version's cache).
    func languages(of versions: [ArticleVersion]) -> [Language?] {
        let identifier = languageIdentifier
        // Cancelled, the texts left are tokenised one by one below.
        try? tokenizeTexts(of: versions)
        return Parallel.map(count: versions.count, chunk: 512) { range in range.map { versions[$0].language(identifiedBy: identifier) } }
            .flatMap { $0 }
    }

    /// Keyword units for texts in several languages. With `--stopwords auto` each language gets its own
    /// stopwords (English: function words; others: their lists; a text of unknown language: English) and,
    /// with `--stem`, its own Snowball stemmer; the units share their ids (stems by their written form,
    /// n-grams by one interner), so counts from every language add up in one table. Any other `--stopwords`
    /// applies one list, and English stems, to every text.
    func languageUnits(_ options: TermOptions, languages: Set<Language?>) throws -> LanguageUnits {
        let vocabulary = workspace.vocabulary
        let forms = vocabulary.allForms()
        func make(_ stopwords: Stopwords, stems: (of: [UInt32], forms: [String])?, sharing: KeywordUnits?) throws -> KeywordUnits {
            do {
                return try KeywordUnits(forms: forms, stopwords: stopwords, ngram: options.ngram, stems: stems,
                                        kinds: vocabulary.forms, sharing: sharing)
            } catch { throw EngineError("\(error)") }
        }
        guard options.stopwords.lowercased() == LanguageUnits.auto else {
            let list = try stopwords(options.stopwords)
            return LanguageUnits(single: try make(list, stems: options.stem ? indexes.stemTable() : nil, sharing: nil), name: list.name)
        }
        // Unknown languages count as English; a selection in English alone takes the one-table path.
        let known = Set(languages.map { $0 ?? .english })
        if known == [.english] {
            return LanguageUnits(single: try make(Stopwords.englishFunctionWords, stems: options.stem ? indexes.stemTable() : nil, sharing: nil),
                                 name: Stopwords.englishFunctionWords.name)
        }
        let ordered = known.sorted { $0.code < $1.code }
        let stemTables = options.stem ? StemLabels(ordered.map { ($0, indexes.stems(for: $0)?.stemsAndForms()) }, forms: forms) : nil
        var byLanguage: [Language: KeywordUnits] = [:]
        var first: KeywordUnits?
        for language in ordered {
            let list = Stopwords.keywordStopwords(for: language) ?? .none
            let units = try make(list, stems: stemTables.map { ($0.unitOf[language]!, $0.labels) }, sharing: first)
            first = first ?? units
            byLanguage[language] = units
        }
        let name = "auto (" + ordered.map { "\($0.name): \(Stopwords.keywordStopwords(for: $0) == nil ? "none" : "its list")" }.joined(separator: ", ") + ")"
        return LanguageUnits(byLanguage: byLanguage, shared: first!, name: name)
    }

    /// Counts texts into one table, each with its language's units.
    func count(_ selection: [Selection], with units: LanguageUnits) throws -> UnitCounts {
        var table = UnitCounts()
        if let single = units.single {
            try table.add(selection.map(\.version.text), units: single)
            return table
        }
        var groups: [Language: [TokenizedText]] = [:]
        for s in selection { groups[language(of: s.version) ?? .english, default: []].append(s.version.text) }
        for (language, texts) in groups.sorted(by: { $0.key.code < $1.key.code }) {
            var part = UnitCounts()
            try part.add(texts, units: units.units(for: language))
            table.merge(part)
        }
        return table
    }
}

/// The keyword units of one request: one for every text, or one per language sharing their ids.
struct LanguageUnits {
    static let auto = "auto"

    let single: KeywordUnits?
    private let byLanguage: [Language: KeywordUnits]
    /// The units labels and sizes are read from.
    let shared: KeywordUnits
    /// What `--stopwords` meant, for the report.
    let name: String

    init(single: KeywordUnits, name: String) {
        self.single = single; shared = single; byLanguage = [:]; self.name = name
    }

    init(byLanguage: [Language: KeywordUnits], shared: KeywordUnits, name: String) {
        single = nil; self.byLanguage = byLanguage; self.shared = shared; self.name = name
    }

    func units(for language: Language?) -> KeywordUnits { single ?? byLanguage[language ?? .english] ?? shared }
}

/// Stems of several languages in one id space, by their written form: "haus" from German and "haus" from
/// Dutch are one unit, as a reader would count them.
struct StemLabels {
    var labels: [String] = []
    var unitOf: [Language: [UInt32]] = [:]

    /// A language without a Snowball stemmer counts each form as its own stem.
    init(_ tables: [(Language, (of: [UInt32], forms: [String])?)], forms: [String]) {
        var index: [String: UInt32] = [:]
        var labels: [String] = []
        func unit(_ label: String) -> UInt32 {
            if let u = index[label] { return u }
            let u = UInt32(labels.count)
            labels.append(label)
            index[label] = u
            return u
        }
        for (language, table) in tables {
            if let table {
                let local = table.forms.map(unit)
                unitOf[language] = table.of.map { local[Int($0)] }
            } else {
                unitOf[language] = forms.map(unit)
            }
        }
        self.labels = labels
    }
}
