import LedeSession
import LedeEngine

/// AntConc's Plot for the terminal: each article one row, its whole length the width of the strip, a mark in
/// every column that holds a hit (heavier for several), with hits, Juilland's D and Gries's DP beside it.
struct DispersionChart: TerminalChart {
    let report: DispersionReport

    func lines(width: Int, color: Bool) -> [String] {
        let r = report
        var out: [String] = []
        let overall = [r.griesDP.map { "DP " + Format.fixed($0, 3) }, r.griesDPNorm.map { "DPnorm " + Format.fixed($0, 3) },
                       r.juillandD.map { "D " + Format.fixed($0, 3) }].compactMap { $0 }
        let title = "dispersion of \"\(Sanitizer.clean(r.term, keepNewlines: false))\": \(Format.plural(r.hits, "hit")) in "
            + "\(Format.int(r.articlesWithHits)) of \(Format.plural(r.articles, "article"))"
            + (overall.isEmpty ? "" : "; over the articles " + overall.joined(separator: ", "))
        out.append(ChartGlyphs.colored(TextWidth.truncate(title, to: width), "1", color))
        guard !r.rows.isEmpty else {
            out.append(r.hits == 0 ? "no hits" : "no rows (--rows 0 shows all)")
            return out
        }
        let labels = r.rows.map { Sanitizer.clean($0.article, keepNewlines: false) }
        let hitWidth = max(4, r.rows.map { Format.int($0.hits).count }.max() ?? 0)
        // article  hits  D      DP     ▕strip▏ — the label gives way first, so the strip keeps 10 columns or more.
        let numbers = 2 + hitWidth + 2 + 5 + 2 + 5 + 2 + 2
        let labelWidth = max(3, min(24, max(7, labels.map(TextWidth.of).max() ?? 0), width - numbers - 10))
        let strip = max(4, width - numbers - labelWidth)
        let header = TextWidth.pad("article", to: labelWidth, .left) + "  " + TextWidth.pad("hits", to: hitWidth, .right)
            + "  " + TextWidth.pad("D", to: 5, .left) + "  " + TextWidth.pad("DP", to: 5, .left) + "  "
            + (strip >= 10 ? " start" + String(repeating: " ", count: max(1, strip - 8)) + "end" : "")
        out.append(ChartGlyphs.colored(header, "1", color))
        for (row, label) in zip(r.rows, labels) {
            var cells = [Int](repeating: 0, count: strip)
            if row.tokens > 0 {
                for p in row.positions { cells[min(strip - 1, p * strip / row.tokens)] += 1 }
            }
            let marks = String(cells.map { $0 == 0 ? " " : $0 == 1 ? "│" : "┃" })
            let line = TextWidth.pad(TextWidth.truncate(label, to: labelWidth), to: labelWidth, .left) + "  "
                + TextWidth.pad(Format.int(row.hits), to: hitWidth, .right) + "  "
                + TextWidth.pad(row.juillandD.map { Format.fixed($0, 3) } ?? "–", to: 5, .left) + "  "
                + TextWidth.pad(row.griesDP.map { Format.fixed($0, 3) } ?? "–", to: 5, .left) + "  "
                + ChartGlyphs.colored("▕", "2", color) + ChartGlyphs.colored(marks, "36", color) + ChartGlyphs.colored("▏", "2", color)
            out.append(line)
        }
        var footer = "D and DP over \(r.parts) equal parts of each article (D 1 = even, DP 0 = even)"
        if r.rowCount > r.rows.count { footer = "\(Format.int(r.rows.count)) of \(Format.int(r.rowCount)) rows (--rows N; --sort hits); " + footer }
        out.append(ChartGlyphs.colored(TextWidth.truncate(footer, to: width), "2", color))
        return out
    }
}

extension DispersionReport: CommandResult {
    public var display: [DisplayBlock] {
        let data = Table(columns: [.init("article"), .init("id"), .init("title", shrinkable: true), .init("tokens", .right), .init("hits", .right),
                                   .init("per 1000", .right), .init("D", .right), .init("DP", .right), .init("positions", shrinkable: true)],
                         rows: rows.map { r in
                             [r.article, r.id, r.title ?? "", String(r.tokens), String(r.hits), Format.fixed(r.perThousand, 3),
                              r.juillandD.map { Format.fixed($0, 4) } ?? "", r.griesDP.map { Format.fixed($0, 4) } ?? "",
                              r.positions.map(String.init).joined(separator: " ")]
                         })
        return [.chart(DispersionChart(report: self), data: data)]
    }
}
