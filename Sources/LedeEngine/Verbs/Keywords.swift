import LedeText
import LedeAnalysis
import LedeSession

/// `keywords`: the most frequent words or n-grams (count, per million, document frequency, range), or the
/// highest by TF-IDF; optionally per group of articles.
public struct KeywordsRequest: Sendable {
    public enum Grouping: String, Sendable, CaseIterable, Codable { case source, date, article }

    public var selectors: [String]
    public var terms: TermOptions
    /// Rank by the mean of each article's L2-normalised TF-IDF row instead of by count.
    public var tfidf: Bool
    public var by: Grouping?

    public init(selectors: [String] = [], terms: TermOptions = TermOptions(), tfidf: Bool = false, by: Grouping? = nil) {
        self.selectors = selectors; self.terms = terms; self.tfidf = tfidf; self.by = by
    }
}

public struct KeywordsReport: Codable, Sendable {
    public struct Group: Codable, Sendable {
        public var group: String
        public var articles: Int
        public var tokens: Int
        public var terms: [KeywordRow]
    }
    /// "frequency" or "tfidf".
    public var ranking: String
    public var ngram: Int
    public var stemmed: Bool
    public var stopwords: String
    public var groups: [Group]
}

extension Engine {
    public func keywords(_ request: KeywordsRequest) throws -> KeywordsReport {
        let selection = try select(request.selectors)
        let terms = request.terms
        let units = try languageUnits(terms, languages: languages(of: selection, for: terms))
        // TF-IDF's idf comes from the whole selection, so groups are ranked on one scale.
        let whole = request.tfidf ? try count(selection, with: units) : UnitCounts()
        var groups: [KeywordsReport.Group] = []
        for (name, items) in Self.group(selection, by: request.by) {
            let table = try count(items, with: units)
            let ranked = request.tfidf
                ? try TfIdf.top(items.map(\.version.text), units: units.shared, unitsOf: unitsOfEach(items, units),
                                idfFrom: whole, countsFrom: table, top: terms.top, minCount: terms.minCount)
                : table.top(terms.top, minCount: terms.minCount, units: units.shared)
            groups.append(KeywordsReport.Group(group: name, articles: items.count, tokens: table.tokens, terms: ranked))
        }
        return KeywordsReport(ranking: request.tfidf ? "tfidf" : "frequency", ngram: terms.ngram, stemmed: terms.stem,
                              stopwords: units.name, groups: groups)
    }

    /// The languages of a selection's versions, when `--stopwords auto` needs them (else none is identified).
    func languages(of selection: [Selection], for terms: TermOptions) -> Set<Language?> {
        terms.stopwords.lowercased() == LanguageUnits.auto ? Set(languages(of: selection.map(\.version))) : []
    }

    /// Each version's units, when they differ by language.
    func unitsOfEach(_ selection: [Selection], _ units: LanguageUnits) -> [KeywordUnits]? {
        units.single == nil ? selection.map { units.units(for: language(of: $0.version)) } : nil
    }

    /// A selection split into named groups, in order of first appearance (dates sorted).
    static func group(_ selection: [Selection], by grouping: KeywordsRequest.Grouping?) -> [(name: String, items: [Selection])] {
        guard let grouping else { return [("selection", selection)] }
        var order: [String] = []
        var groups: [String: [Selection]] = [:]
        for s in selection {
            let key: String = switch grouping {
            case .article: s.label
            case .source: s.version.metadata.source ?? "(no source)"
            case .date: s.version.metadata.published.map { String($0.prefix(10)) } ?? "(no date)"
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(s)
        }
        if grouping == .date { order.sort() }
        return order.map { ($0, groups[$0]!) }
    }
}
