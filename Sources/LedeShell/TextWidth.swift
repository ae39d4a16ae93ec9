/// Terminal column widths: East Asian wide and fullwidth characters take two columns, combining marks none.
public enum TextWidth {
    public static func of(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += width(u) }
        return w
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

    /// Cuts `s` to at most `columns` columns, ending with … when cut.
    public static func truncate(_ s: String, to columns: Int) -> String {
        if of(s) <= columns { return s }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var out = String.UnicodeScalarView()
        var w = 0
        for u in s.unicodeScalars {
            let cw = width(u)
            if w + cw > columns - 1 { break }
            out.append(u); w += cw
        }
        return String(out) + "…"
    }

    public static func pad(_ s: String, to columns: Int, _ alignment: Table.Alignment) -> String {
        let gap = max(0, columns - of(s))
        let spaces = String(repeating: " ", count: gap)
        return alignment == .left ? s + spaces : spaces + s
    }
}

/// Neutralises control characters and escape sequences in untrusted text (article content) before it
/// reaches a terminal or file: C0/C1 controls become visible control pictures, so `ESC[2J` prints as `␛[2J`.
public enum Sanitizer {
    public static func clean(_ s: String, keepNewlines: Bool = true) -> String {
        guard s.unicodeScalars.contains(where: needsWork) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x0A where keepNewlines: out.append(u)
            case 0x09: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + v)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80..<0xA0: out.append("\u{FFFD}")
            // Bidirectional overrides can make text display in a misleading order.
            case 0x202A...0x202E, 0x2066...0x2069: out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    static func needsWork(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v < 0x20 && v != 0x0A) || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
