import Foundation
import LedeSession
import LedeEngine
import LedeAnalysis

/// A histogram as one horizontal bar per bin, its range on the left and its count on the right.
struct HistogramChart: TerminalChart {
    let report: HistogramReport

    func lines(width: Int, color: Bool) -> [String] {
        let h = report.histogram
        var out: [String] = []
        var title = "\(report.label): \(Format.plural(h.count, "article"))"
        if let mean = h.mean, let median = h.median, let sd = h.standardDeviation {
            title += ", mean \(Format.fixed(mean, 2)), median \(Format.fixed(median, 2)), sd \(Format.fixed(sd, 2))"
        }
        if h.missing > 0 { title += " (\(Format.int(h.missing)) without a value)" }
        out.append(ChartGlyphs.colored(TextWidth.truncate(title, to: width), "1", color))
        guard !h.bins.isEmpty else { out.append("no values"); return out }
        let labels = h.bins.map { "[\(HistogramChart.edge($0.low, h.width)), \(HistogramChart.edge($0.high, h.width)))" }
        let labelWidth = labels.map(\.count).max()!
        let counts = h.bins.map { Format.int($0.count) }
        let countWidth = counts.map(\.count).max()!
        let barWidth = max(5, min(60, width - labelWidth - countWidth - 4))
        let most = h.bins.map(\.count).max()!
        for (k, bin) in h.bins.enumerated() {
            let bar = ChartGlyphs.horizontalBar(most > 0 ? Double(bin.count) / Double(most) : 0, width: barWidth)
            out.append(TextWidth.pad(labels[k], to: labelWidth, .right) + "  "
                       + ChartGlyphs.colored(TextWidth.pad(bar, to: barWidth, .left), "36", color) + "  "
                       + TextWidth.pad(counts[k], to: countWidth, .right))
        }
        return out.map { $0.trimmingTrailingSpaces() }
    }

    /// A bin edge with as many decimals as the bin width needs.
    static func edge(_ x: Double, _ width: Double) -> String {
        let places = (0...3).first { p in abs((width * pow(10, Double(p))).rounded() - width * pow(10, Double(p))) < 1e-9 } ?? 3
        return places == 0 ? Format.int(Int(x.rounded())) : Format.fixed(x, places)
    }
}

extension HistogramReport: CommandResult {
    public var display: [DisplayBlock] {
        let data = Table(columns: [.init("low", .right), .init("high", .right), .init("articles", .right)],
                         rows: histogram.bins.map { [ChartGlyphs.axis($0.low, places: 6), ChartGlyphs.axis($0.high, places: 6), String($0.count)] })
        return [.chart(HistogramChart(report: self), data: data)]
    }
}
