import Foundation
import LedeSession

public struct RenderOptions: Sendable {
    public var format: Settings.OutputFormat
    public var width: Int
    public var color: Bool
    public init(format: Settings.OutputFormat, width: Int = 100, color: Bool = false) {
        self.format = format; self.width = width; self.color = color
    }
}

/// Turns display blocks into text for the table, plain and CSV formats. Every cell and text is sanitised.
public enum Renderer {
    public static func render(_ blocks: [DisplayBlock], _ options: RenderOptions) -> String {
        var parts: [String] = []
        for block in blocks {
            switch (block, options.format) {
            case (.table(let t), .csv): parts.append(csv(t))
            case (.table(let t), .plain): parts.append(plain(t))
            case (.table(let t), _): parts.append(table(t, options))
            case (.fields(let title, let pairs), .csv):
                parts.append(csv(Table(title: title, columns: [.init("field"), .init("value")], rows: pairs.map { [$0.0, $0.1] })))
            case (.fields(let title, let pairs), _):
                parts.append(fields(title, pairs, options))
            case (.text(let s), _): parts.append(Sanitizer.clean(s))
            case (.styled(let runs), let format): parts.append(styled(runs, color: options.color && format == .table))
            }
        }
        var out = parts.joined(separator: options.format == .csv ? "\n" : "\n\n")
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    // MARK: terminal table

    static func table(_ t: Table, _ o: RenderOptions) -> String {
        let rows = t.rows.map { $0.map { Sanitizer.clean($0, keepNewlines: false) } }
        // Column titles can be data too (a confusion matrix's labels come from folder names or article fields).
        let titles = t.columns.map { Sanitizer.clean($0.title, keepNewlines: false) }
        let n = t.columns.count
        var widths = titles.map { TextWidth.of($0) }
        for r in rows { for (i, cell) in r.prefix(n).enumerated() { widths[i] = max(widths[i], TextWidth.of(cell)) } }
        let gap = 2
        var barWidth = t.bars == nil ? 0 : 20
        // Fit to the terminal: shrink text columns first (widest first), then drop the bars.
        func total() -> Int { widths.reduce(0, +) + gap * max(0, n - 1) + (barWidth > 0 ? barWidth + gap : 0) }
        if total() > o.width, barWidth > 0 { barWidth = max(0, min(barWidth, o.width - (total() - barWidth)) ) ; if barWidth < 5 { barWidth = 0 } }
        while total() > o.width {
            guard let i = widths.indices.filter({ t.columns[$0].shrinkable && widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[i] -= min(widths[i] - 8, total() - o.width)
        }
        var lines: [String] = []
        if let title = t.title { lines.append(o.color ? "\u{1B}[1m\(Sanitizer.clean(title))\u{1B}[0m" : Sanitizer.clean(title)) }
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for i in 0..<n {
                let cell = i < cells.count ? cells[i] : ""
                let fitted = TextWidth.pad(TextWidth.truncate(cell, to: widths[i]), to: widths[i], header ? .left : t.columns[i].alignment)
                parts.append(fitted)
            }
            var s = parts.joined(separator: String(repeating: " ", count: gap))
            if !header, barWidth == 0 { while s.hasSuffix(" ") { s.removeLast() } }
            return s
        }
        let header = line(titles, header: true)
        lines.append(o.color ? "\u{1B}[1m\(header.trimmingTrailingSpaces())\u{1B}[0m" : header.trimmingTrailingSpaces())
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: gap)))
        for (k, r) in rows.enumerated() {
            var s = line(r, header: false)
            if barWidth > 0, let bars = t.bars, k < bars.count {
                let cells = Int((max(0, min(1, bars[k])) * Double(barWidth)).rounded())
                let bar = String(repeating: "█", count: max(cells, bars[k] > 0 ? 1 : 0))
                s += String(repeating: " ", count: gap) + (o.color ? "\u{1B}[36m\(bar)\u{1B}[0m" : bar)
            }
            lines.append(s)
        }
        if let footer = t.footer { lines.append(o.color ? "\u{1B}[2m\(Sanitizer.clean(footer))\u{1B}[0m" : Sanitizer.clean(footer)) }
        return lines.joined(separator: "\n")
    }

    static func fields(_ title: String?, _ pairs: [(String, String)], _ o: RenderOptions) -> String {
        let keyWidth = pairs.map { TextWidth.of(Sanitizer.clean($0.0, keepNewlines: false)) }.max() ?? 0
        var lines: [String] = []
        if let title { lines.append(o.color ? "\u{1B}[1m\(Sanitizer.clean(title))\u{1B}[0m" : Sanitizer.clean(title)) }
        for (k, v) in pairs {
            let key = TextWidth.pad(Sanitizer.clean(k, keepNewlines: false), to: keyWidth, .left)
            let value = Sanitizer.clean(v, keepNewlines: false)
            let room = max(10, o.width - keyWidth - 2)
            let shown = o.format == .table ? TextWidth.truncate(value, to: room) : value
            lines.append((o.color ? "\u{1B}[2m\(key)\u{1B}[0m" : key) + "  " + shown)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: styled text

    static func styled(_ runs: [StyledRun], color: Bool) -> String {
        var out = ""
        for run in runs {
            let text = Sanitizer.clean(run.text)
            switch (run.style, color) {
            case (.plain, _), (.strong, false), (.dim, false), (.removedLine, false), (.addedLine, false): out += text
            case (.deleted, false): out += "[-" + text + "-]"
            case (.inserted, false): out += "{+" + text + "+}"
            case (.deleted, true), (.removedLine, true): out += "\u{1B}[31m" + text + "\u{1B}[0m"
            case (.inserted, true), (.addedLine, true): out += "\u{1B}[32m" + text + "\u{1B}[0m"
            case (.strong, true): out += "\u{1B}[1m" + text + "\u{1B}[0m"
            case (.dim, true): out += "\u{1B}[2m" + text + "\u{1B}[0m"
            }
        }
        return out
    }

    // MARK: plain and CSV

    static func plain(_ t: Table) -> String {
        var lines: [String] = []
        if let title = t.title { lines.append(Sanitizer.clean(title)) }
        lines.append(t.columns.map { Sanitizer.clean($0.title, keepNewlines: false) }.joined(separator: "\t"))
        for r in t.rows { lines.append(r.map { Sanitizer.clean($0, keepNewlines: false) }.joined(separator: "\t")) }
        return lines.joined(separator: "\n")
    }

    static func csv(_ t: Table) -> String {
        var lines = [t.columns.map { csvField(Sanitizer.clean($0.title)) }.joined(separator: ",")]
        for r in t.rows { lines.append(r.map { csvField(Sanitizer.clean($0)) }.joined(separator: ",")) }
        return lines.joined(separator: "\n")
    }

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
