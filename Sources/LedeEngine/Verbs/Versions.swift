import Foundation
import LedeText
import LedeAnalysis
import LedeSession

/// `versions`: each article's timeline: date, words, share of sentences changed, similarity, flags.
public struct VersionsRequest: Sendable {
    public var selectors: [String]
    public init(selectors: [String] = []) { self.selectors = selectors }
}

public struct VersionsReport: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var article: String, name: String?, version: Int, date: String?, words: Int
        /// Share of the version's sentences not unchanged from the previous version (nil for the first).
        public var changedPercent: Double?
        public var similarity: Double?
        /// "trivial" (same words; whitespace, punctuation or case changed), "identical", "rewritten", or nil.
        public var flag: String?
        public var title: String?
    }
    public var versions: [Row]
}

extension Engine {
    public func versions(_ request: VersionsRequest) throws -> VersionsReport {
        var rows: [VersionsReport.Row] = []
        for a in try workspace.selectArticles(request.selectors) {
            for (k, v) in a.versions.enumerated() {
                try Cancellation.check()
                var row = VersionsReport.Row(article: a.id, name: a.name, version: v.number,
                                             date: v.metadata.modified ?? v.metadata.published ?? Self.timestamp(v.loadedAt),
                                             words: v.wordCount, title: v.metadata.title)
                if k > 0 {
                    let d = VersionDiff.compare(a.versions[k - 1], v)
                    row.changedPercent = (d.changedShare * 1000).rounded() / 10
                    row.similarity = (d.counts.similarity * 1000).rounded() / 1000
                    row.flag = d.identical ? "identical" : d.trivial ? "trivial" : d.rewritten ? "rewritten" : nil
                }
                rows.append(row)
            }
        }
        return VersionsReport(versions: rows)
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
