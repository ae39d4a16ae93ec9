

/// Normalises text for comparing versions: whitespace runs fold to one space, curly quotes to straight,
/// soft hyphens and zero-width characters removed. Two versions whose normalised text is equal are "unchanged".
public enum TextNormalizer {
    public static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0xFEFF: continue
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x3000:
                pendingSpace = !out.isEmpty
                continue
            default: break
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch s.value {
            case 0x2018, 0x2019, 0x201B, 0x2032: out.append("'")
            case 0x201C, 0x201D, 0x201F, 0x2033: out.append("\"")
            default: out.append(s)
            }
        }
        return String(out)
    }
}
