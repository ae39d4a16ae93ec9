import LedeSession
import LedeEngine

/// A trend over time as vertical bars (block eighths) or a line (braille), with a labelled value axis and
/// bucket labels along the time axis. When there are more buckets than columns, neighbouring buckets are
/// pooled (their counts summed, the value worked out again), and the footer says how many a column holds.
struct TrendChart: TerminalChart {
    enum Style: String, Sendable, CaseIterable { case bars, line }
    let report: TrendReport
    var style: Style = .bars
    var height = 10

    /// A column's counts: numerator and denominator of the value.
    struct Slot { var label: String; var hits = 0; var base = 0 }

    func lines(width: Int, color: Bool) -> [String] {
        let r = report
        let isTag = r.measure.hasPrefix("%")
        var out: [String] = []
        let subject = Sanitizer.clean(r.subject, keepNewlines: false)
        let title = isTag ? "\(subject): % of articles by \(r.unit.rawValue)" : "\"\(subject)\" per million tokens by \(r.unit.rawValue)"
        out.append(ChartGlyphs.colored(TextWidth.truncate(title, to: width), "1", color))
        let undatedNote = r.undated.articles > 0
            ? "\(Format.plural(r.undated.articles, "undated article")) not on the time axis (\(Format.int(r.undated.hits)) \(isTag ? "tagged" : "hits")); dates: \(r.dateField)"
            : "dates: \(r.dateField)"
        guard !r.points.isEmpty else {
            out.append("no dated articles: " + undatedNote)
            return out
        }
        let scale = isTag ? 100.0 : 1_000_000.0
        func value(_ s: Slot) -> Double? { s.base > 0 ? Double(s.hits) * scale / Double(s.base) : nil }
        // Room for the value axis labels, then the plot.
        let points = r.points
        let rawMax = points.compactMap(\.value).max() ?? 0
        let top = ChartGlyphs.niceCeiling(rawMax)
        let ticks = [top, top / 2, 0].map { ChartGlyphs.axis($0) }
        let axisWidth = ticks.map(\.count).max()! + 1
        let plotWidth = max(10, width - axisWidth - 1)
        // Pool buckets into columns (bars: 1–3 columns a bucket; line: 2 dots a column).
        let capacity = style == .bars ? plotWidth : plotWidth * 2
        let per = max(1, (points.count + capacity - 1) / capacity)
        var slots: [Slot] = []
        for start in stride(from: 0, to: points.count, by: per) {
            let group = points[start..<min(points.count, start + per)]
            slots.append(Slot(label: group.first!.label, hits: group.reduce(0) { $0 + $1.hits },
                              base: group.reduce(0) { $0 + (isTag ? $1.articles : $1.tokens) }))
        }
        let values = slots.map(value)
        var grid: [String]
        var xOf: (Int) -> Int   // slot → column of the plot
        switch style {
        case .bars:
            let barWidth = max(1, min(3, plotWidth / slots.count - (plotWidth / slots.count > 1 ? 1 : 0)))
            let step = barWidth + (plotWidth / slots.count > barWidth ? 1 : 0)
            xOf = { $0 * step }
            var rows = [[Character]](repeating: [Character](repeating: " ", count: plotWidth), count: height)
            for (k, v) in values.enumerated() {
                guard let v, v > 0 else { continue }
                let eighths = max(1, Int((v / top * Double(height * 8)).rounded()))
                for row in 0..<height {
                    let fromBottom = height - 1 - row
                    let fill = min(8, max(0, eighths - fromBottom * 8))
                    guard fill > 0 else { continue }
                    for c in 0..<barWidth where k * step + c < plotWidth { rows[row][k * step + c] = ChartGlyphs.vertical[fill] }
                }
            }
            grid = rows.map { String($0) }
        case .line:
            var canvas = BrailleCanvas(columns: plotWidth, rows: height)
            let n = values.count
            let span = max(1, canvas.dotWidth - 1)
            func x(_ k: Int) -> Int { n == 1 ? 0 : k * span / (n - 1) }
            func y(_ v: Double) -> Int { canvas.dotHeight - 1 - Int((v / top * Double(canvas.dotHeight - 1)).rounded()) }
            var previous: (Int, Int)?
            for (k, v) in values.enumerated() {
                guard let v else { previous = nil; continue }
                let point = (x(k), y(v))
                if let p = previous { canvas.line(p.0, p.1, point.0, point.1) } else { canvas.set(point.0, point.1) }
                previous = point
            }
            grid = canvas.lines()
            xOf = { x($0) / 2 }
        }
        for (row, line) in grid.enumerated() {
            let tick = row == 0 ? ticks[0] : row == height / 2 ? ticks[1] : row == height - 1 ? ticks[2] : ""
            out.append(ChartGlyphs.colored(TextWidth.pad(tick, to: axisWidth - 1, .right) + " ┤", "2", color)
                       + ChartGlyphs.colored(line.trimmingTrailingSpaces(), "36", color))
        }
        out.append(ChartGlyphs.colored(String(repeating: " ", count: axisWidth) + "└" + String(repeating: "─", count: plotWidth), "2", color))
        out.append(String(repeating: " ", count: axisWidth + 1) + timeLabels(slots.map(\.label), at: xOf, width: plotWidth))
        var footer = undatedNote
        if per > 1 { footer = "each \(style == .bars ? "bar" : "point") pools \(per) \(r.unit.rawValue)s; " + footer }
        out.append(ChartGlyphs.colored(TextWidth.truncate(footer, to: width), "2", color))
        return out
    }

    /// Bucket labels under the columns they name: the first and the last always (the last moved right when it
    /// would run into the first), the others where they do not run into a neighbour.
    func timeLabels(_ labels: [String], at column: (Int) -> Int, width: Int) -> String {
        var line = [Character](repeating: " ", count: width)
        guard let first = labels.first, let last = labels.last else { return "" }
        func put(_ label: String, at start: Int) { for (i, ch) in label.enumerated() where start + i < width { line[start + i] = ch } }
        put(first, at: 0)
        var free = first.count + 2
        guard labels.count > 1 else { return String(line).trimmingTrailingSpaces() }
        let lastStart = min(max(column(labels.count - 1), free), max(0, width - last.count))
        if lastStart >= free { put(last, at: lastStart) } else { return String(line).trimmingTrailingSpaces() }
        for k in 1..<(labels.count - 1) {
            let x = column(k)
            if x >= free && x + labels[k].count + 2 <= lastStart { put(labels[k], at: x); free = x + labels[k].count + 2 }
        }
        return String(line).trimmingTrailingSpaces()
    }
}

extension TrendReport: CommandResult {
    public var display: [DisplayBlock] { display(style: .bars) }

    func display(style: TrendChart.Style) -> [DisplayBlock] {
        var rows = points.map { p in
            [p.label, p.start, p.end, String(p.articles), String(p.tokens), String(p.hits), String(p.articlesWithHits),
             p.value.map { Format.fixed($0, 3) } ?? ""]
        }
        rows.append(["undated", "", "", String(undated.articles), String(undated.tokens), String(undated.hits), "", ""])
        let data = Table(columns: [.init(unit.rawValue), .init("start"), .init("end"), .init("articles", .right), .init("tokens", .right),
                                   .init(measure.hasPrefix("%") ? "tagged" : "hits", .right), .init("articles with hits", .right),
                                   .init(measure.hasPrefix("%") ? "percent" : "per million", .right)],
                         rows: rows)
        return [.chart(TrendChart(report: self, style: style), data: data)]
    }
}
