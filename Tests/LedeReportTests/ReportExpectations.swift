import Foundation
import LedeAnalysis
@testable import LedeEngine

/// What a report must show, worked out from its data alone: the sections, and the number of chart marks in
/// each (a bar, a dot, a tick), to check against the page a browser built.
enum ReportExpectations {
    static func marks(_ data: ReportData) -> [String: Int] {
        var out: [String: Int] = [:]
        if let o = data.overview {
            out["articles"] = 0
            out["readability"] = o.readability.reduce(0) { $0 + $1.histogram.bins.filter { $0.count > 0 }.count }
            out["keywords"] = (o.keywords.groups.first?.terms.count ?? 0) + o.keyness.reduce(0) { $0 + $1.terms.count }
            out["dispersion"] = o.dispersion.reduce(0) { $0 + $1.columns.filter { $0 > 0 }.count }
            out["trends"] = o.trends.articlesPerBucket.filter { $0.articles > 0 }.count
                + o.trends.terms.reduce(0) { $0 + $1.points.filter { $0.value != nil }.count }
            out["topics"] = o.topicShares.reduce(0) { $0 + $1.topics.filter { $0.articles > 0 }.count }
            if !o.versions.isEmpty { out["versions"] = o.versions.reduce(0) { $0 + $1.timeline.count } }
        }
        if !data.logged.isEmpty {
            out["log"] = data.logged.reduce(0) { total, entry in
                switch entry.content {
                case .keywords(let r): return total + r.groups.reduce(0) { $0 + min(40, $1.terms.count) }
                case .dispersion(let r):
                    // One tick per occupied column of 400 per row.
                    return total + r.rows.prefix(200).reduce(0) { sum, row in
                        sum + Set(row.positions.map { min(399, $0 * 400 / max(1, row.tokens)) }).count
                    }
                case .trend(let r): return total + r.points.filter { $0.value != nil }.count
                case .histogram(let r): return total + r.histogram.bins.filter { $0.count > 0 }.count
                default: return total
                }
            }
        }
        return out
    }

    /// The text of each `<section id=…>` of a page, by id.
    static func sections(_ html: String) -> [String: Substring] {
        var out: [String: Substring] = [:]
        var rest = html[...]
        while let open = rest.range(of: "<section id=\"") {
            let idEnd = rest[open.upperBound...].firstIndex(of: "\"")!
            let id = String(rest[open.upperBound..<idEnd])
            guard let close = rest[idEnd...].range(of: "</section>") else { break }
            out[id] = rest[open.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
        }
        return out
    }

    static func count(_ needle: String, in text: Substring) -> Int {
        var n = 0
        var rest = text
        while let r = rest.range(of: needle) { n += 1; rest = rest[r.upperBound...] }
        return n
    }
}
