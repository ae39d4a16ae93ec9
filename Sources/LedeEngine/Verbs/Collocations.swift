import LedeText
import LedeAnalysis
import LedeSession

/// `collocations`: the words that keep company with a term within a window, by PMI, log-likelihood,
/// t-score or logDice.
public struct CollocationsRequest: Sendable {
    public var term: String
    public var selectors: [String]
    /// Words on each side.
    public var window: Int
    public var measure: Collocations.Measure
    public var minFreq: Int
    public var top: Int
    /// `auto` (each article's language), `none`, a language name or a file path.
    public var stopwords: String

    public init(term: String, selectors: [String] = [], window: Int = 5, measure: Collocations.Measure = .logdice,
                minFreq: Int = 3, top: Int = 20, stopwords: String = "auto") {
        self.term = term; self.selectors = selectors; self.window = window; self.measure = measure
        self.minFreq = minFreq; self.top = top; self.stopwords = stopwords
    }
}

public struct CollocationsReport: Codable, Sendable {
    public var term: String
    public var measure: String
    public var window: Int
    public var termFrequency: Int
    public var windowSlots: Int
    public var tokens: Int
    public var collocates: [Collocate]
}

extension Engine {
    public func collocations(_ request: CollocationsRequest) throws -> CollocationsReport {
        let selection = try select(request.selectors)
        let forms = workspace.vocabulary.allForms()
        let auto = request.stopwords.lowercased() == LanguageUnits.auto
        let stops = auto ? Stopwords.englishFunctionWords : try stopwords(request.stopwords)
        // Under auto each article's own language's list: a collocate is judged by the text it stands in.
        let stopwordsOf: [Stopwords]? = auto ? selection.map { s in
            language(of: s.version).map { Stopwords.keywordStopwords(for: $0) ?? .none } ?? Stopwords.englishFunctionWords
        } : nil
        let pattern: TermPattern
        do { pattern = try TermPattern(request.term, forms: forms) } catch { throw EngineError("\(error)") }
        let r = try Collocations.find(pattern, in: selection.map(\.version.text), window: request.window, measure: request.measure,
                                      minFreq: request.minFreq, top: request.top, stopwords: stops, stopwordsOf: stopwordsOf, forms: forms)
        if r.termFrequency == 0 { throw EngineError("'\(request.term)' does not occur in the selection") }
        return CollocationsReport(term: request.term, measure: request.measure.rawValue, window: request.window,
                                  termFrequency: r.termFrequency, windowSlots: r.windowSlots, tokens: r.tokens, collocates: r.collocates)
    }
}
