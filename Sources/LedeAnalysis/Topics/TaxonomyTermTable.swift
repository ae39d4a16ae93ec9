import LedeText

/// One language's terms of a taxonomy, ready for matching: every term or phrase is an entry (topic, weight,
/// text as written), and the words of a text are mapped to the "units" entries are keyed by. A word that is
/// no term's unit still stands in the sequence, so a phrase only matches consecutive words.
///
/// Words are compared one of two ways:
/// - stems, for an English list without wildcard terms (the built-in one): a word's unit is its `TopicFeatures`
///   key (its Snowball English stem), so the body of a text needs no lookup at all;
/// - forms, for lists in other languages: the word as the tokenizer lower-cased it, accents folded and an
///   elided article dropped ("l'inflation" → "inflation"), matches a
///   term written in its base form either as it is or with one of the language's endings added ("wahl"
///   matches "Wahlen" and "Wähler", "élection" matches "élections"). `wahl*` matches every word that starts
///   with wahl, `*wahl` every word that ends with wahl, with or without an ending ("Bundestagswahlen": the
///   head of a German compound).
/// Stopwords and numbers are left out of terms as they are left out of texts (`TopicFeatures`). Term words that
/// no text of the corpus contains get units of their own, so a title (not in the corpus vocabulary) still
/// matches them.
struct TaxonomyTermTable: Sendable {
    let language: String
    /// True when words are compared as word forms (see above), false for stems.
    let matchesForms: Bool
    /// The language's endings, folded, longest first.
    private let endings: [[UInt8]]
    private(set) var entryTopic: [Int] = []
    private(set) var entryWeight: [Double] = []
    private(set) var entryText: [String] = []
    /// Single-word entries of unit u: `singles[singleStart[u] ..< singleStart[u + 1]]` (arrays indexed by unit,
    /// so a word of a text costs two array reads, not a hash lookup).
    private(set) var singleStart: [Int32] = [0]
    private(set) var singles: [Int32] = []
    /// Phrases whose first word is unit u: `phrases[phraseStart[u] ..< phraseStart[u + 1]]`, each the units
    /// of its other words and its entry.
    private(set) var phraseStart: [Int32] = [0]
    private(set) var phrases: [(rest: [UInt32], entry: Int32)] = []
    /// The unit of every term word, by its stem (stems) or folded form (forms).
    private var unitByWord: [String: UInt32] = [:]
    /// Wildcard entries by the first (prefixes) or last (suffixes) three bytes of their pattern.
    private var prefixes: [[UInt8]: [(pattern: [UInt8], entry: Int32)]] = [:]
    private var suffixes: [[UInt8]: [(pattern: [UInt8], entry: Int32)]] = [:]
    /// Terms with a word that no text of the corpus contains (stems only).
    private(set) var unmatchedTerms = 0

    /// The unit of a word that is no term's: it separates the words around it.
    static let otherUnit = UInt32.max - 1
    /// A word keeps at least this many bytes when an ending is removed.
    static let minimumBase = 3

    init(taxonomy: Taxonomy, language: String, keys: TopicFeatures) {
        self.language = language
        endings = (taxonomy.endings[language] ?? []).map { Array(TaxonomyTermTable.fold($0).utf8) }.sorted { $0.count > $1.count }
        let lists = taxonomy.topics.map { $0.terms(in: language, main: taxonomy.language) }
        let hasWildcards = lists.contains { $0.contains { TaxonomyTermTable.isWildcard($0.text) } }
        matchesForms = language != "en" || hasWildcards
        var nextUnit = matchesForms ? 0 : UInt32(keys.count)
        var seen: [UnitSequence: Int] = [:]
        var singleByUnit: [UInt32: [Int32]] = [:]
        var phrasesByFirstUnit: [UInt32: [(rest: [UInt32], entry: Int32)]] = [:]
        for (t, list) in lists.enumerated() {
            for term in list {
                if TaxonomyTermTable.isWildcard(term.text) {
                    let pattern = Array(TaxonomyTermTable.fold(term.text.filter { $0 != "*" }).utf8)
                    let entry = addEntry(topic: t, weight: term.weight, text: term.text)
                    if term.text.hasPrefix("*") { suffixes[Array(pattern.suffix(3)), default: []].append((pattern, entry)) }
                    else { prefixes[Array(pattern.prefix(3)), default: []].append((pattern, entry)) }
                    continue
                }
                let words = term.text.split(separator: " ").map(String.init)
                    .filter { TopicFeatures.isWordLike($0) && !TopicFeatures.stopwords.contains($0) }
                    .map { matchesForms ? TaxonomyTermTable.fold(TaxonomyTermTable.withoutElision($0)) : taxonomy.stemOfTermWord[$0] ?? TopicFeatures.stem($0) }
                    .filter { matchesForms || !TopicFeatures.isStopword($0) }
                guard !words.isEmpty else { unmatchedTerms += 1; continue }
                var units: [UInt32] = []
                var inCorpus = true
                for word in words {
                    if let u = unitByWord[word] {
                        if !matchesForms && u >= UInt32(keys.count) { inCorpus = false }
                        units.append(u)
                        continue
                    }
                    let u: UInt32
                    if !matchesForms, let k = keys.key(ofStem: word) { u = k } else {
                        u = nextUnit; nextUnit += 1
                        if !matchesForms { inCorpus = false }
                    }
                    unitByWord[word] = u
                    units.append(u)
                }
                if !inCorpus { unmatchedTerms += 1 }
                // Variants with one stem ("union", "unions") are one entry: the highest weight, counted once.
                let sequence = UnitSequence(topic: t, units: units)
                if let same = seen[sequence] { entryWeight[same] = max(entryWeight[same], term.weight); continue }
                let entry = addEntry(topic: t, weight: term.weight, text: term.text)
                seen[sequence] = Int(entry)
                if units.count == 1 { singleByUnit[units[0], default: []].append(entry) }
                else { phrasesByFirstUnit[units[0], default: []].append((Array(units.dropFirst()), entry)) }
            }
        }
        // Flattened by unit: counts, prefix sums, then each unit's entries in place (file order kept within a unit).
        unitCount = Int(nextUnit)
        singleStart = [Int32](repeating: 0, count: unitCount + 1)
        phraseStart = [Int32](repeating: 0, count: unitCount + 1)
        for (u, e) in singleByUnit { singleStart[Int(u) + 1] = Int32(e.count) }
        for (u, p) in phrasesByFirstUnit { phraseStart[Int(u) + 1] = Int32(p.count) }
        for u in 0..<unitCount { singleStart[u + 1] += singleStart[u]; phraseStart[u + 1] += phraseStart[u] }
        singles = [Int32](repeating: 0, count: Int(singleStart[unitCount]))
        phrases = Array(repeating: (rest: [], entry: 0), count: Int(phraseStart[unitCount]))
        for (u, e) in singleByUnit { for (j, x) in e.enumerated() { singles[Int(singleStart[Int(u)]) + j] = x } }
        for (u, p) in phrasesByFirstUnit { for (j, x) in p.enumerated() { phrases[Int(phraseStart[Int(u)]) + j] = x } }
    }

    /// Units are 0 ..< unitCount (`otherUnit` stands beyond).
    private(set) var unitCount = 0

    static func isWildcard(_ term: String) -> Bool { term.hasPrefix("*") || term.hasSuffix("*") }

    private mutating func addEntry(topic: Int, weight: Double, text: String) -> Int32 {
        entryTopic.append(topic); entryWeight.append(weight); entryText.append(text)
        return Int32(entryTopic.count - 1)
    }

    private struct UnitSequence: Hashable { var topic: Int; var units: [UInt32] }

    var entryCount: Int { entryTopic.count }

    /// The unit of a word (a stem when matching stems, else the lower-cased form) and the wildcard entries it matches.
    func resolve(_ word: String) -> (unit: UInt32, wildcards: [Int32]) {
        guard matchesForms else { return (unitByWord[word] ?? TaxonomyTermTable.otherUnit, []) }
        let folded = Array(TaxonomyTermTable.fold(TaxonomyTermTable.withoutElision(word)).utf8)
        // The word as it is, then without each ending it has (longest first).
        var bases: [ArraySlice<UInt8>] = [folded[...]]
        for e in endings where folded.count >= e.count + TaxonomyTermTable.minimumBase && folded.suffix(e.count).elementsEqual(e) {
            bases.append(folded.dropLast(e.count))
        }
        var unit = TaxonomyTermTable.otherUnit
        for b in bases {
            if let u = unitByWord[String(decoding: b, as: UTF8.self)] { unit = u; break }
        }
        guard !prefixes.isEmpty || !suffixes.isEmpty, folded.count >= 3 else { return (unit, []) }
        var wild: [Int32] = []
        for p in prefixes[Array(folded.prefix(3))] ?? [] where folded.starts(with: p.pattern) { wild.append(p.entry) }
        for b in bases where b.count >= 3 {
            for p in suffixes[Array(b.suffix(3))] ?? [] where b.count >= p.pattern.count && b.suffix(p.pattern.count).elementsEqual(p.pattern)
                && !wild.contains(p.entry) {
                wild.append(p.entry)
            }
        }
        return (unit, wild)
    }

    /// A word without an elided article or pronoun before its apostrophe ("l'inflation" → "inflation",
    /// "d'assises", "qu'il") and without a possessive "'s" ("google's" → "google").
    static func withoutElision(_ word: String) -> String {
        guard let apostrophe = word.firstIndex(of: "'") else { return word }
        var w = Substring(word)
        if w.distance(from: w.startIndex, to: apostrophe) <= 2 { w = w[w.index(after: apostrophe)...] }
        if w.hasSuffix("'s") { w = w.dropLast(2) }
        return w.isEmpty ? word : String(w)
    }

    /// Latin letters with diacritics as their base letters (ß → ss, œ → oe, æ → ae); other text unchanged.
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        var out = String.UnicodeScalarView()
        for s in word.unicodeScalars {
            if s.isASCII { out.append(s); continue }
            if let base = foldedLetters[s] { out.append(contentsOf: base.unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    private static let foldedLetters: [Unicode.Scalar: String] = {
        var map: [Unicode.Scalar: String] = [:]
        let groups: [(String, String)] = [("àáâãäåā", "a"), ("çć", "c"), ("èéêëē", "e"), ("ìíîïī", "i"), ("ñń", "n"),
                                          ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("ß", "ss"), ("œ", "oe"), ("æ", "ae")]
        for (letters, base) in groups { for s in letters.unicodeScalars { map[s] = base } }
        return map
    }()
}
