import LedeText
import LedeSession

/// `sentences`: the sentences of articles with their numbers and word counts (what `stats` counts).
public struct SentencesRequest: Sendable {
    public var selectors: [String]
    /// At most this many rows (0: all); the total counts every sentence.
    public var limit: Int
    public init(selectors: [String], limit: Int = 0) { self.selectors = selectors; self.limit = limit }
}

public struct SentencesReport: Codable, Sendable {
    public struct Row: Codable, Sendable { public var article: String; public var number: Int; public var words: Int; public var text: String }
    public var total: Int
    public var sentences: [Row]
}

extension Engine {
    public func sentences(_ request: SentencesRequest) throws -> SentencesReport {
        let selection = try select(request.selectors)
        var rows: [SentencesReport.Row] = []
        var total = 0
        for s in selection {
            let text = s.version.text
            var n = 0
            for span in text.sentences where !span.tokens.isEmpty {
                n += 1; total += 1
                if request.limit == 0 || rows.count < request.limit {
                    rows.append(SentencesReport.Row(article: s.label, number: n, words: span.tokens.count, text: oneLine(text.text(span.bytes))))
                }
            }
        }
        return SentencesReport(total: total, sentences: rows)
    }
}
