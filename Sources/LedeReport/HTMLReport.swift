import Foundation
import LedeAnalysis
import LedeSession
import LedeEngine

/// Lays out a report's data as one self-contained HTML page: no network, no script, styles inline, charts as
/// inline SVG, each chart's numbers in a `<details>` table beside it. A Content-Security-Policy forbids every
/// script and remote load, so even text that escaped escaping could not run.
public final class HTMLReport {
    public let data: ReportData
    /// Section ids in the order written, and how many charts.
    public private(set) var sections: [String] = []
    public private(set) var charts = 0

    typealias A = HTMLWriter.Attribute

    public init(data: ReportData) { self.data = data }

    public func render() -> String {
        var w = HTMLWriter(capacity: 1 << 20)
        sections = []; charts = 0
        w.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        w.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; form-action 'none'; base-uri 'none'\">")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        w.element("title", text: data.title)
        w.raw("<style>")
        w.raw(HTMLReport.style)
        w.raw("</style></head>\n<body>")
        w.element("header") { w in
            w.element("h1", text: data.title)
            var line = "Generated \(data.generatedAt) by lede \(data.ledeVersion)"
            if let o = data.overview { line += "; \(Format.plural(o.articles.count, "article"))" }
            line += "; selection: " + (data.selectors.isEmpty ? "all" : data.selectors.joined(separator: " "))
            w.element("p", [A("class", "meta")], text: line)
        }
        var body = HTMLWriter(capacity: 1 << 20)
        if let overview = data.overview { writeOverview(&body, overview) }
        if !data.logged.isEmpty || data.overview == nil { writeLog(&body) }
        w.element("nav", [A("aria-label", "Sections")]) { w in
            w.element("ul") { w in
                for id in sections {
                    w.element("li") { w in w.element("a", [A("href", "#" + id)], text: HTMLReport.sectionTitles[id] ?? id) }
                }
            }
        }
        w.raw("<main>")
        w.append(body)
        w.raw("</main>\n<footer><p class=\"note\">Made offline by lede; every chart's numbers are in the table under it.</p></footer>\n</body></html>\n")
        return w.output
    }

    static let sectionTitles = [
        "articles": "Articles", "readability": "Readability", "keywords": "Keywords and keyness", "dispersion": "Dispersion",
        "trends": "Trends over time", "topics": "Topics", "versions": "Versions", "log": "Session log",
    ]

    func section(_ w: inout HTMLWriter, _ id: String, _ body: (inout HTMLWriter) -> Void) {
        sections.append(id)
        w.open("section", [A("id", id)])
        w.element("h2", text: HTMLReport.sectionTitles[id] ?? id)
        body(&w)
        w.close("section")
        w.raw("\n")
    }

    /// A chart in a figure, its caption, and its numbers one click away.
    func figure(_ w: inout HTMLWriter, caption: String, chart: (inout HTMLWriter) -> Void,
                         columns: [String], rows: [[String]], numeric: Set<Int> = []) {
        charts += 1
        w.element("figure") { w in
            w.element("figcaption", text: caption)
            chart(&w)
            w.element("details") { w in
                w.element("summary", text: "Numbers")
                HTMLReport.table(&w, columns: columns, rows: rows, numeric: numeric)
            }
        }
    }

    static func table(_ w: inout HTMLWriter, columns: [String], rows: [[String]], numeric: Set<Int> = [], cls: String? = nil) {
        w.open("table", cls.map { [A("class", $0)] } ?? [])
        w.element("thead") { w in
            w.element("tr") { w in for c in columns { w.element("th", [A("scope", "col")], text: c) } }
        }
        w.open("tbody")
        for r in rows {
            w.open("tr")
            for (i, cell) in r.enumerated() {
                if numeric.contains(i) { w.element("td", [A("class", "n")], text: cell) } else { w.element("td", text: cell) }
            }
            w.close("tr")
        }
        w.close("tbody")
        w.close("table")
    }

    static func fixed(_ x: Double?, _ places: Int) -> String { x.map { Format.fixed($0, places) } ?? "" }

    static let style: StaticString = """
    :root{color-scheme:light;--ink:#1b1f24;--muted:#5b6470;--line:#d6dae0;--band:#eef1f5;--band2:#e2e7ee;--del:#ffd7d5;--ins:#d3f5d6}
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1000px;padding:0 18px 40px}
    header{border-bottom:2px solid var(--line);margin-bottom:8px}h1{margin:18px 0 4px;font-size:26px}h2{margin-top:34px;border-bottom:1px solid var(--line);padding-bottom:3px}
    h3{margin:22px 0 6px;font-size:17px}.meta{color:var(--muted);margin:2px 0 8px}nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px;margin:6px 0 14px}
    figure{margin:14px 0 22px}figcaption{font-weight:600;margin-bottom:4px}svg.chart{max-width:100%;height:auto;display:block}
    svg .lbl{font-size:12px;fill:var(--ink)}svg .num{font-size:11px;fill:var(--muted)}svg .axis{stroke:#888;stroke-width:1}svg .grid{stroke:var(--line);stroke-dasharray:2 3}
    svg .band{fill:var(--band)}svg .band.alt{fill:var(--band2)}
    table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
    details summary{cursor:pointer;color:var(--muted);font-size:13px}.scroll{max-height:520px;overflow:auto;border:1px solid var(--line)}
    .scroll table{margin:0}table.articles td{white-space:nowrap}table.articles td:nth-child(2){white-space:normal;min-width:16em}.scroll thead th{position:sticky;top:0;background:#fff}
    .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;margin:4px 0}.legend span::before{content:"";display:inline-block;width:10px;height:10px;margin-right:4px;background:var(--c)}
    table.sbs{width:100%;table-layout:fixed}table.sbs td{width:50%;font-size:13px}tr.unchanged td{color:var(--muted)}td.change{width:auto}
    del{background:var(--del);text-decoration:line-through}ins{background:var(--ins);text-decoration:none}tr.deleted td.old{background:#fff1f0}tr.added td.new{background:#effbef}
    code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:8px}
    article.logged{border-top:1px solid var(--line);margin-top:16px}article.logged h3 code{font-size:14px}article.logged .meta{font-size:12px}.note{color:var(--muted);font-size:13px}ul.summary{margin:4px 0 10px}
    """
}
