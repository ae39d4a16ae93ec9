/// Word-wrapping to a number of terminal columns (wide CJK characters count two): lines break at spaces, never
/// inside a word; only a word longer than a whole line (a URL) is cut. A continued line keeps the indentation
/// of the line it continues (and the width of a leading "• " or "- " bullet), so lists stay lists.
enum TextWrap {
    /// Where to break: for each break, the scalar offset where the new line starts and whether a space there is
    /// dropped; plus the indentation inserted after it.
    struct Break: Equatable {
        var offset: Int
        var dropsSpace: Bool
        var indent: Int
    }

    static func wrap(_ text: String, width: Int) -> String {
        let breaks = self.breaks(in: text, width: width)
        if breaks.isEmpty { return text }
        var out = String.UnicodeScalarView()
        var k = 0
        for (i, u) in text.unicodeScalars.enumerated() {
            if k < breaks.count, breaks[k].offset == i {
                out.append("\n")
                out.append(contentsOf: String(repeating: " ", count: breaks[k].indent).unicodeScalars)
                let drop = breaks[k].dropsSpace
                k += 1
                if drop { continue }
            }
            out.append(u)
        }
        return String(out)
    }

    /// The breaks that fit every line of `text` into `width` columns.
    static func breaks(in text: String, width: Int) -> [Break] {
        let scalars = Array(text.unicodeScalars)
        var breaks: [Break] = []
        var lineStart = 0
        while lineStart <= scalars.count {
            var lineEnd = lineStart
            while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
            breaks += breaksInLine(scalars, lineStart..<lineEnd, width: max(10, width))
            lineStart = lineEnd + 1
        }
        return breaks
    }

    private static func breaksInLine(_ s: [Unicode.Scalar], _ range: Range<Int>, width: Int) -> [Break] {
        var total = 0
        for i in range { total += TextWidth.width(s[i]) }
        if total <= width { return [] }
        // Hanging indent: the line's leading spaces, plus a bullet.
        var indent = 0
        var i = range.lowerBound
        while i < range.upperBound, s[i] == " " { indent += 1; i += 1 }
        if i + 1 < range.upperBound, "•-*–".unicodeScalars.contains(s[i]), s[i + 1] == " " { indent += 2 }
        if indent > width / 2 { indent = 0 }
        var breaks: [Break] = []
        var column = 0
        var lastSpace: Int?
        var columnAtLastSpace = 0
        var position = range.lowerBound
        while position < range.upperBound {
            let u = s[position]
            let w = TextWidth.width(u)
            if u == " " {
                lastSpace = position; columnAtLastSpace = column
            }
            if column + w > width && u != " " {
                if let space = lastSpace, columnAtLastSpace > indent {
                    breaks.append(Break(offset: space, dropsSpace: true, indent: indent))
                    column = indent + (column - columnAtLastSpace - 1)
                }
                lastSpace = nil
                if column + w > width {
                    // A word longer than the line: cut it here.
                    breaks.append(Break(offset: position, dropsSpace: false, indent: indent))
                    column = indent
                }
            }
            column += w
            position += 1
        }
        return breaks
    }

    /// Wraps styled runs as one text: breaks fall at spaces in the joined text, and each run keeps its style.
    static func wrap(_ runs: [StyledRun], width: Int) -> [StyledRun] {
        let joined = runs.map(\.text).joined()
        let breaks = self.breaks(in: joined, width: width)
        if breaks.isEmpty { return runs }
        var out: [StyledRun] = []
        var offset = 0
        var k = 0
        for run in runs {
            var text = String.UnicodeScalarView()
            for u in run.text.unicodeScalars {
                if k < breaks.count, breaks[k].offset == offset {
                    // The line break itself is plain, so a coloured run does not paint the indentation.
                    if !text.isEmpty { out.append(StyledRun(String(text), run.style)); text = String.UnicodeScalarView() }
                    out.append(StyledRun("\n" + String(repeating: " ", count: breaks[k].indent)))
                    let drop = breaks[k].dropsSpace
                    k += 1
                    if drop { offset += 1; continue }
                }
                text.append(u)
                offset += 1
            }
            if !text.isEmpty { out.append(StyledRun(String(text), run.style)) }
        }
        return out
    }
}
