import Foundation
import LedeSession

public struct RenderOptions: Sendable {
    public var format: Settings.OutputFormat
    public var width: Int
    public var color: Bool
    /// Output goes to a terminal: bar charts, box-drawing rules, and text word-wrapped at `width`. A file or a
    /// pipe gets none of them (output is data).
    public var terminal: Bool
    public init(format: Settings.OutputFormat, width: Int = 100, color: Bool = false, terminal: Bool = true) {
        self.format = format; self.width = width; self.color = color; self.terminal = terminal
    }
}

/// Turns display blocks into text for the table, plain and CSV formats. Every cell and text is sanitised.
public enum Renderer {
    public static func render(_ blocks: [DisplayBlock], _ options: RenderOptions) -> String {
        var parts: [String] = []
        let wraps = options.terminal && options.format == .table
        for block in blocks {
            switch (block, options.format) {
            case (.chart(let chart, _), .table): parts.append(chart.lines(width: options.width, color: options.color).joined(separator: "\n"))
            case (.chart(_, let data), .csv): parts.append(csv(data))
            case (.chart(_, let data), _): parts.append(plain(data))
            case (.table(let t), .csv): parts.append(csv(t))
            case (.table(let t), .plain), (.table(let t), .tsv): parts.append(plain(t))
            case (.table(let t), _): parts.append(table(t, options))
            case (.fields(let title, let pairs), .csv):
                parts.append(csv(Table(title: title, columns: [.init("field"), .init("value")], rows: pairs.map { [$0.0, $0.1] })))
            case (.fields(let title, let pairs), _):
                parts.append(fields(title, pairs, options))
            case (.text(let s), _):
                let clean = Sanitizer.clean(s)
                parts.append(wraps ? TextWrap.wrap(clean, width: options.width) : clean)
            case (.styled(let runs), let format):
                let color = options.color && format == .table
                if wraps && color {
                    parts.append(styled(TextWrap.wrap(runs.map { StyledRun(Sanitizer.clean($0.text), $0.style) }, width: options.width), color: true))
                } else {
                    let text = styled(runs, color: color)
                    parts.append(wraps ? TextWrap.wrap(text, width: options.width) : text)
                }
            }
        }
        var out = parts.joined(separator: options.format == .csv ? "\n" : "\n\n")
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    // MARK: terminal table

    static func table(_ t: Table, _ o: RenderOptions) -> String {
        // One pass over the cells: printable ASCII (nearly all) needs no cleaning and is a column a byte; the
        // rest is cleaned and measured. Widths are kept for the lines below (tables of tens of thousands of rows).
        var rows = t.rows
        let stride = t.columns.count
        var cellWidths = [Int](repeating: 0, count: rows.count * stride)
        for i in rows.indices {
            for j in rows[i].indices.prefix(stride) {
                if let n = TextWidth.ofPrintableASCII(rows[i][j]) { cellWidths[i * stride + j] = n; continue }
                if Sanitizer.needsCleaning(rows[i][j]) { rows[i][j] = Sanitizer.clean(rows[i][j], keepNewlines: false) }
                cellWidths[i * stride + j] = TextWidth.of(rows[i][j])
            }
        }
        // Column titles can be data too (a confusion matrix's labels come from folder names or article fields).
        var columns = t.columns.map { column in
            var column = column
            column.title = Sanitizer.clean(column.title, keepNewlines: false)
            return column
        }
        var titles = columns.map(\.title)
        // The table's column each shown column is (columns are left out to fit).
        var source = Array(0..<stride)
        let gap = 2
        var barWidth = t.bars == nil || !o.terminal ? 0 : 20
        var widths: [Int] = []
        func measure() {
            widths = columns.map { TextWidth.of($0.title) }
            for r in rows.indices {
                for (i, j) in source.enumerated() where j < rows[r].count { widths[i] = max(widths[i], cellWidths[r * stride + j]) }
            }
        }
        func total() -> Int { widths.reduce(0, +) + gap * max(0, columns.count - 1) + (barWidth > 0 ? barWidth + gap : 0) }
        // Fit the width, in a stated order: narrow the bars (or leave them out), cut text columns (widest first,
        // to 8 columns), shorten titles, then leave out columns by their drop order.
        func shrink() {
            if total() > o.width, barWidth > 0 {
                barWidth = max(0, min(barWidth, o.width - (total() - barWidth)))
                if barWidth < 5 { barWidth = 0 }
            }
            // The widest text column gives way first, down to the next widest, so text columns end up alike.
            while total() > o.width {
                let candidates = widths.indices.filter { columns[$0].shrinkable && widths[$0] > columns[$0].minWidth }
                guard let i = candidates.max(by: { widths[$0] < widths[$1] || (widths[$0] == widths[$1] && $0 > $1) }) else { break }
                let next = candidates.filter { $0 != i }.map { widths[$0] }.max() ?? 0
                let cut = min(widths[i] - max(columns[i].minWidth, next), total() - o.width)
                widths[i] -= max(1, cut)
            }
        }
        measure()
        shrink()
        var left: [String] = []
        if o.terminal && total() > o.width && columns.contains(where: { $0.short != nil || $0.dropOrder != nil }) {
            for i in columns.indices { if let short = columns[i].short { columns[i].title = short } }
            measure(); shrink()
            while total() > o.width, let drop = columns.indices.filter({ columns[$0].dropOrder != nil }).min(by: { columns[$0].dropOrder! < columns[$1].dropOrder! }) {
                left.append(titles[drop])
                columns.remove(at: drop)
                titles.remove(at: drop)
                source.remove(at: drop)
                measure(); shrink()
            }
        }
        let n = columns.count
        var lines: [String] = []
        if let title = t.title { lines.append(o.color ? "\u{1B}[1m\(Sanitizer.clean(title))\u{1B}[0m" : Sanitizer.clean(title)) }
        // Each line is built as bytes: tables of tens of thousands of rows (list) spent most of their time
        // making and joining a string per cell.
        /// `row`: the row's index, for its cells' widths (nil for the header, whose cells are the shown titles).
        func line(_ cells: [String], row: Int?, into out: inout [UInt8]) {
            let start = out.count
            let header = row == nil
            for i in 0..<n {
                if i > 0 { for _ in 0..<gap { out.append(0x20) } }
                let j = header ? i : source[i]
                let cell = j < cells.count ? cells[j] : ""
                var cut = cell
                var width = row.map { j < cells.count ? cellWidths[$0 * stride + j] : 0 } ?? TextWidth.of(cell)
                if width > widths[i] {
                    cut = columns[i].cutsStart && !header ? TextWidth.truncateStart(cell, to: widths[i])
                        : TextWidth.truncate(cell, to: widths[i], atWords: columns[i].wholeWords)
                    width = TextWidth.of(cut)
                }
                let spaces = max(0, widths[i] - width)
                let right = !header && columns[i].alignment == .right
                if right { for _ in 0..<spaces { out.append(0x20) } }
                out.append(contentsOf: cut.utf8)
                if !right { for _ in 0..<spaces { out.append(0x20) } }
            }
            if header || barWidth == 0 { while out.count > start, out.last == 0x20 { out.removeLast() } }
        }
        var header: [UInt8] = []
        line(columns.map(\.title), row: nil, into: &header)
        let headerText = String(decoding: header, as: UTF8.self)
        lines.append(o.color ? "\u{1B}[1m\(headerText)\u{1B}[0m" : headerText)
        let rule = o.terminal ? "─" : "-"
        lines.append(widths.map { String(repeating: rule, count: $0) }.joined(separator: String(repeating: " ", count: gap)))
        var body: [UInt8] = []
        body.reserveCapacity(rows.count * (widths.reduce(0, +) + gap * n + 1))
        for (k, r) in rows.enumerated() {
            if k > 0 { body.append(0x0A) }
            line(r, row: k, into: &body)
            if barWidth > 0, let bars = t.bars, k < bars.count {
                let cells = Int((max(0, min(1, bars[k])) * Double(barWidth)).rounded())
                let bar = String(repeating: "█", count: max(cells, bars[k] > 0 ? 1 : 0))
                body.append(contentsOf: (String(repeating: " ", count: gap) + (o.color ? "\u{1B}[36m\(bar)\u{1B}[0m" : bar)).utf8)
            }
        }
        if !rows.isEmpty { lines.append(String(decoding: body, as: UTF8.self)) }
        var footer = t.footer.map { Sanitizer.clean($0) }
        if !left.isEmpty {
            let note = "left out to fit \(o.width) columns: \(left.joined(separator: ", ")) (a wider terminal, or > FILE.csv, shows them)"
            footer = footer.map { $0 + "\n" + note } ?? note
        }
        if let footer {
            let shown = o.terminal ? TextWrap.wrap(footer, width: o.width) : footer
            lines.append(o.color ? "\u{1B}[2m\(shown)\u{1B}[0m" : shown)
        }
        return lines.joined(separator: "\n")
    }

    static func fields(_ title: String?, _ pairs: [(String, String)], _ o: RenderOptions) -> String {
        let keyWidth = pairs.map { TextWidth.of(Sanitizer.clean($0.0, keepNewlines: false)) }.max() ?? 0
        var lines: [String] = []
        if let title { lines.append(o.color ? "\u{1B}[1m\(Sanitizer.clean(title))\u{1B}[0m" : Sanitizer.clean(title)) }
        for (k, v) in pairs {
            let key = TextWidth.pad(Sanitizer.clean(k, keepNewlines: false), to: keyWidth, .left)
            let value = Sanitizer.clean(v, keepNewlines: false)
            // On a terminal a long value wraps under itself (a long title is read whole, not cut).
            var shown = value
            if o.terminal && o.format == .table {
                let room = max(20, o.width - keyWidth - 2)
                shown = TextWrap.wrap(value, width: room).replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: keyWidth + 2))
            }
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
            case (.match, false): out += "[" + text + "]"
            case (.match, true): out += "\u{1B}[1;4m" + text + "\u{1B}[0m"
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
