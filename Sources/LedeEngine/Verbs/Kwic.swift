import LedeText
import LedeAnalysis
import LedeSession

/// `kwic`: every occurrence of a word, phrase or pattern with the words around it.
public struct KwicRequest: Sendable {
    public var term: String
    public var selectors: [String]
    /// Words of context on each side.
    public var window: Int
    public var sort: Concordance.Sort
    /// At most this many lines (0: all); `matches` counts every one.
    public var limit: Int

    public init(term: String, selectors: [String] = [], window: Int = 6, sort: Concordance.Sort = .text, limit: Int = 0) {
        self.term = term; self.selectors = selectors; self.window = window; self.sort = sort; self.limit = limit
    }
}

public struct KwicReport: Codable, Sendable {
    public var term: String
    public var matches: Int
    public var lines: [ConcordanceLine]
}

extension Engine {
    public func kwic(_ request: KwicRequest) throws -> KwicReport {
        let selection = try select(request.selectors)
        let forms = workspace.vocabulary.allForms()
        let pattern: TermPattern
        do { pattern = try TermPattern(request.term, forms: forms) } catch { throw EngineError("\(error)") }
        var lines = try Concordance.lines(pattern, in: selection.map { ($0.label, $0.version.text) },
                                          window: request.window, sort: request.sort, forms: forms)
        let total = lines.count
        if request.limit > 0 && lines.count > request.limit { lines.removeLast(lines.count - request.limit) }
        return KwicReport(term: request.term, matches: total, lines: lines)
    }
}
