import Foundation

/// The report's charts as inline SVG. Every data mark has class `mark` (the browser test counts them against
/// the data); each chart has a text alternative (`aria-label`) and the caller puts its numbers beside it.
enum SVGCharts {
    static let width = 720.0
    /// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let other = "#BBBBBB"

    typealias A = HTMLWriter.Attribute

    static func openSVG(_ w: inout HTMLWriter, chart: String, height: Double, label: String) {
        w.open("svg", [A("xmlns", "http://www.w3.org/2000/svg"), A("class", "chart"), A("data-chart", chart),
                       A("viewBox", "0 0 \(HTMLWriter.number(width)) \(HTMLWriter.number(height))"),
                       A("width", width), A("height", height), A("role", "img"), A("aria-label", label)])
    }

    static func label(_ w: inout HTMLWriter, _ s: String, x: Double, y: Double, anchor: String = "start", cls: String = "lbl") {
        w.element("text", [A("x", x), A("y", y), A("text-anchor", anchor), A("class", cls)], text: s)
    }

    /// Cuts a label to `n` characters with an ellipsis.
    static func short(_ s: String, _ n: Int) -> String {
        let one = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return one.count <= n ? one : String(one.prefix(n - 1)) + "…"
    }

    /// Horizontal bars, one per item, the value written after each bar.
    static func horizontalBars(_ w: inout HTMLWriter, chart: String, label: String, items: [(name: String, value: Double, text: String)],
                               color: String = palette[0]) {
        let row = 18.0, left = 170.0, right = 70.0
        let height = Double(items.count) * row + 8
        let most = items.map(\.value).max() ?? 0
        openSVG(&w, chart: chart, height: max(height, 20), label: label)
        for (k, item) in items.enumerated() {
            let y = 4 + Double(k) * row
            self.label(&w, short(item.name, 26), x: left - 6, y: y + 13, anchor: "end")
            let length = most > 0 ? max(1, (width - left - right) * max(0, item.value) / most) : 0
            w.empty("rect", [A("class", "mark"), A("x", left), A("y", y + 2), A("width", length), A("height", row - 5), A("fill", color)],
                    selfClosing: true)
            self.label(&w, item.text, x: left + length + 5, y: y + 13, cls: "num")
        }
        w.close("svg")
    }

    /// A histogram: one column per bin with a count, the bins' edges along the bottom.
    static func histogram(_ w: inout HTMLWriter, chart: String, label: String, bins: [(low: Double, high: Double, count: Int)]) {
        let height = 190.0, top = 12.0, bottom = 36.0, left = 48.0, right = 12.0
        openSVG(&w, chart: chart, height: height, label: label)
        let most = ceilingRound(Double(bins.map(\.count).max() ?? 0))
        let plotH = height - top - bottom
        let colW = bins.isEmpty ? 0 : (width - left - right) / Double(bins.count)
        axisY(&w, top: top, bottom: height - bottom, left: left, maximum: most)
        for (k, bin) in bins.enumerated() where bin.count > 0 {
            let h = most > 0 ? max(1, plotH * Double(bin.count) / most) : 0
            w.empty("rect", [A("class", "mark"), A("x", left + Double(k) * colW + 1), A("y", height - bottom - h),
                             A("width", max(1, colW - 2)), A("height", h), A("fill", palette[0])], selfClosing: true)
        }
        // Edge labels, thinned to fit.
        let every = max(1, Int((Double(bins.count) * 46 / (width - left - right)).rounded(.up)))
        for (k, bin) in bins.enumerated() where k % every == 0 {
            self.label(&w, HTMLWriter.number(bin.low), x: left + Double(k) * colW, y: height - bottom + 16, anchor: "middle", cls: "num")
        }
        if let last = bins.last, bins.count % every == 0 || bins.count == 1 {
            self.label(&w, HTMLWriter.number(last.high), x: left + Double(bins.count) * colW, y: height - bottom + 16, anchor: "middle", cls: "num")
        }
        w.close("svg")
    }

    /// A value axis from 0 to `maximum` with its top and middle ticks.
    static func axisY(_ w: inout HTMLWriter, top: Double, bottom: Double, left: Double, maximum: Double) {
        w.empty("line", [A("class", "axis"), A("x1", left), A("y1", top), A("x2", left), A("y2", bottom)], selfClosing: true)
        w.empty("line", [A("class", "axis"), A("x1", left), A("y1", bottom), A("x2", width - 8), A("y2", bottom)], selfClosing: true)
        for (fraction, value) in [(0.0, 0.0), (0.5, maximum / 2), (1.0, maximum)] {
            let y = bottom - (bottom - top) * fraction
            label(&w, HTMLWriter.number(value), x: left - 5, y: y + 4, anchor: "end", cls: "num")
            if fraction > 0 {
                w.empty("line", [A("class", "grid"), A("x1", left), A("y1", y), A("x2", width - 8), A("y2", y)], selfClosing: true)
            }
        }
    }

    /// Lines over time buckets: one series per term, a dot (a mark) for every bucket with a value.
    static func lines(_ w: inout HTMLWriter, chart: String, label: String, buckets: [String], series: [(name: String, values: [Double?])]) {
        let height = 230.0, top = 12.0, bottom = 40.0, left = 56.0, right = 12.0
        openSVG(&w, chart: chart, height: height, label: label)
        let most = ceilingRound(series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0)
        axisY(&w, top: top, bottom: height - bottom, left: left, maximum: most)
        let n = buckets.count
        func x(_ k: Int) -> Double { n <= 1 ? left + (width - left - right) / 2 : left + Double(k) * (width - left - right) / Double(n - 1) }
        func y(_ v: Double) -> Double { height - bottom - (most > 0 ? (height - top - bottom) * v / most : 0) }
        for (s, line) in series.enumerated() {
            let color = palette[s % palette.count]
            var path = "", pen = false
            for (k, v) in line.values.enumerated() {
                guard let v else { pen = false; continue }
                path += (pen ? " L" : " M") + HTMLWriter.number(x(k)) + " " + HTMLWriter.number(y(v))
                pen = true
            }
            if !path.isEmpty { w.empty("path", [A("d", path), A("fill", "none"), A("stroke", color), A("stroke-width", 1.5)], selfClosing: true) }
            for (k, v) in line.values.enumerated() {
                guard let v else { continue }
                w.open("circle", [A("class", "mark"), A("cx", x(k)), A("cy", y(v)), A("r", n > 120 ? 1.2 : 2.5), A("fill", color)])
                w.element("title", text: "\(line.name), \(buckets[k]): \(HTMLWriter.number(v))")
                w.close("circle")
            }
        }
        timeLabels(&w, buckets, x: x, y: height - bottom + 16)
        w.close("svg")
    }

    /// Columns over time buckets (articles per bucket).
    static func columns(_ w: inout HTMLWriter, chart: String, label: String, buckets: [String], values: [Int]) {
        let height = 170.0, top = 12.0, bottom = 40.0, left = 56.0, right = 12.0
        openSVG(&w, chart: chart, height: height, label: label)
        let most = ceilingRound(Double(values.max() ?? 0))
        axisY(&w, top: top, bottom: height - bottom, left: left, maximum: most)
        let colW = buckets.isEmpty ? 0 : (width - left - right) / Double(buckets.count)
        for (k, v) in values.enumerated() where v > 0 {
            let h = most > 0 ? max(1, (height - top - bottom) * Double(v) / most) : 0
            w.open("rect", [A("class", "mark"), A("x", left + Double(k) * colW + (colW > 3 ? 0.5 : 0)), A("y", height - bottom - h),
                            A("width", max(0.8, colW - (colW > 3 ? 1 : 0))), A("height", h), A("fill", palette[4])])
            w.element("title", text: "\(buckets[k]): \(v)")
            w.close("rect")
        }
        timeLabels(&w, buckets, x: { left + (Double($0) + 0.5) * colW }, y: height - bottom + 16)
        w.close("svg")
    }

    /// Bucket labels under the axis, thinned so they do not overlap.
    static func timeLabels(_ w: inout HTMLWriter, _ buckets: [String], x: (Int) -> Double, y: Double) {
        guard !buckets.isEmpty else { return }
        let labelWidth = Double((buckets.map(\.count).max() ?? 4) * 7 + 10)
        let every = max(1, Int((labelWidth / max(0.1, abs(x(min(1, buckets.count - 1)) - x(0)))).rounded(.up)))
        for k in stride(from: 0, to: buckets.count, by: every) { label(&w, buckets[k], x: x(k), y: y, anchor: "middle", cls: "num") }
    }

    /// A keyword's hits along the selection: a thin full-height mark per column with hits (darker for more),
    /// the groups' extents as bands with their names below.
    static func strip(_ w: inout HTMLWriter, chart: String, label: String, columns: [Int], groups: [(name: String, first: Int, last: Int)]) {
        let height = 64.0, left = 8.0, right = 8.0, barTop = 6.0, barH = 30.0
        openSVG(&w, chart: chart, height: height, label: label)
        let colW = columns.isEmpty ? 0 : (width - left - right) / Double(columns.count)
        for (g, group) in groups.enumerated() {
            let x0 = left + Double(group.first) * colW, x1 = left + Double(group.last + 1) * colW
            w.empty("rect", [A("class", g % 2 == 0 ? "band" : "band alt"), A("x", x0), A("y", barTop), A("width", max(0.5, x1 - x0)), A("height", barH)],
                    selfClosing: true)
            if x1 - x0 > 40 { self.label(&w, short(group.name, Int((x1 - x0) / 7)), x: (x0 + x1) / 2, y: barTop + barH + 16, anchor: "middle", cls: "num") }
        }
        let most = Double(columns.max() ?? 0)
        for (k, c) in columns.enumerated() where c > 0 {
            let opacity = most > 0 ? 0.35 + 0.65 * Double(c) / most : 1
            w.empty("rect", [A("class", "mark"), A("x", left + Double(k) * colW), A("y", barTop), A("width", max(1, colW * 0.8)),
                             A("height", barH), A("fill", palette[5]), A("fill-opacity", opacity)], selfClosing: true)
        }
        w.close("svg")
    }

    /// One row per article: its whole length the width, a tick at each hit (AntConc's Plot).
    static func barcodes(_ w: inout HTMLWriter, chart: String, label: String, rows: [(name: String, tokens: Int, positions: [Int])]) {
        let row = 16.0, left = 150.0, right = 8.0, columns = 400
        openSVG(&w, chart: chart, height: Double(rows.count) * row + 6, label: label)
        let span = width - left - right
        for (k, r) in rows.enumerated() {
            let y = 3 + Double(k) * row
            self.label(&w, short(r.name, 22), x: left - 6, y: y + 11, anchor: "end")
            w.empty("rect", [A("class", "band"), A("x", left), A("y", y + 1), A("width", span), A("height", row - 4)], selfClosing: true)
            var used = Set<Int>()
            for p in r.positions where r.tokens > 0 {
                let c = min(columns - 1, p * columns / r.tokens)
                guard used.insert(c).inserted else { continue }
                w.empty("rect", [A("class", "mark"), A("x", left + Double(c) * span / Double(columns)), A("y", y + 1), A("width", 1.5),
                                 A("height", row - 4), A("fill", palette[5])], selfClosing: true)
            }
        }
        w.close("svg")
    }

    /// One 100 % bar per group, split by topic; topics beyond the palette share one grey.
    static func stacked(_ w: inout HTMLWriter, chart: String, label: String, groups: [(name: String, parts: [(topic: String, count: Int)])],
                        colors: [String: String]) {
        let row = 22.0, left = 150.0, right = 12.0
        openSVG(&w, chart: chart, height: Double(groups.count) * row + 6, label: label)
        let span = width - left - right
        for (k, g) in groups.enumerated() {
            let y = 3 + Double(k) * row
            self.label(&w, short(g.name, 22), x: left - 6, y: y + 14, anchor: "end")
            let total = Double(g.parts.reduce(0) { $0 + $1.count })
            var x = left
            for part in g.parts where part.count > 0 && total > 0 {
                let length = span * Double(part.count) / total
                w.open("rect", [A("class", "mark"), A("x", x), A("y", y + 2), A("width", max(0.5, length)), A("height", row - 6),
                                A("fill", colors[part.topic] ?? other)])
                w.element("title", text: "\(g.name): \(part.topic) \(part.count) (\(HTMLWriter.number(100 * Double(part.count) / total)) %)")
                w.close("rect")
                x += length
            }
        }
        w.close("svg")
    }

    /// Versions as dots on a line: dated ones by date, the others evenly spaced; each labelled with its number
    /// and word count.
    static func timeline(_ w: inout HTMLWriter, chart: String, label: String, points: [(version: Int, date: String?, words: Int)]) {
        let height = 70.0, left = 40.0, right = 60.0, y = 26.0
        openSVG(&w, chart: chart, height: height, label: label)
        let times = points.map { $0.date.flatMap(ReportDates.seconds) }
        let known = times.compactMap { $0 }
        let useTime = known.count == points.count && (known.max()! > known.min()!)
        let span = width - left - right
        w.empty("line", [A("class", "axis"), A("x1", left), A("y1", y), A("x2", width - right), A("y2", y)], selfClosing: true)
        for (k, p) in points.enumerated() {
            let x = useTime ? left + span * (times[k]! - known.min()!) / (known.max()! - known.min()!)
                            : left + (points.count > 1 ? span * Double(k) / Double(points.count - 1) : span / 2)
            w.open("circle", [A("class", "mark"), A("cx", x), A("cy", y), A("r", 5), A("fill", palette[0])])
            w.element("title", text: "version \(p.version): \(p.date ?? "no date"), \(p.words) words")
            w.close("circle")
            self.label(&w, "v\(p.version)", x: x, y: y - 10, anchor: "middle", cls: "num")
            self.label(&w, short(p.date ?? "", 16), x: x, y: y + 20, anchor: "middle", cls: "num")
        }
        w.close("svg")
    }

    /// The smallest round number (1, 2, 2.5, 5 × 10ᵏ) at least `x`.
    static func ceilingRound(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let power = pow(10, log10(x).rounded(.down))
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= x * (1 - 1e-12) { return step * power }
        return 10 * power
    }
}
