

/// Terminal column widths: East Asian wide and fullwidth characters take two columns, combining marks none.
public enum TextWidth {
    public static func of(_ s: String) -> Int {
        // Printable ASCII (most cells of most tables): a column a byte, counted without decoding scalars.
        if let n = ofPrintableASCII(s) { return n }
        var w = 0
        for u in s.unicodeScalars { w += width(u) }
        return w
    }

    /// The width of a text of printable ASCII only (a byte a column, nothing to clean), else nil.
    public static func ofPrintableASCII(_ s: String) -> Int? {
        var bytes = s
        return bytes.withUTF8 { b -> Int? in
            for x in b where x >= 0x7F || x < 0x20 { return nil }
            return b.count
        }
    }

    public static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Cuts `s` to at most `columns` columns, ending with … when cut; `atWords`: at a space, not inside a word
    /// (when a space is there to cut at).
    public static func truncate(_ s: String, to columns: Int, atWords: Bool = false) -> String {
        if of(s) <= columns { return s }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var out = String.UnicodeScalarView()
        var w = 0
        var next: Unicode.Scalar?
        for u in s.unicodeScalars {
            let cw = width(u)
            if w + cw > columns - 1 { next = u; break }
            out.append(u); w += cw
        }
        if atWords, let next, next != " ", let space = out.lastIndex(of: " ") {
            out = String.UnicodeScalarView(out[..<space])
        }
        while atWords, out.last == " " { out.removeLast() }
        return String(out) + "…"
    }

    /// Cuts `s` to at most `columns` columns from the start, beginning with … when cut (the end is what matters),
    /// at a space when there is one to cut at.
    public static func truncateStart(_ s: String, to columns: Int) -> String {
        if of(s) <= columns { return s }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var kept: [Unicode.Scalar] = []
        var w = 0
        var next: Unicode.Scalar?
        for u in s.unicodeScalars.reversed() {
            let cw = width(u)
            if w + cw > columns - 1 { next = u; break }
            kept.append(u); w += cw
        }
        if let next, next != " ", let space = kept.lastIndex(of: " ") { kept.removeSubrange(space...) }
        while kept.last == " " { kept.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: kept.reversed())
        // Drop combining marks left without their base character.
        while let first = out.first, width(first) == 0 { out.removeFirst() }
        return "…" + String(out)
    }

    public static func pad(_ s: String, to columns: Int, _ alignment: Table.Alignment) -> String {
        let gap = max(0, columns - of(s))
        let spaces = String(repeating: " ", count: gap)
        return alignment == .left ? s + spaces : spaces + s
    }
}
