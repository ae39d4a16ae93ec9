

/// Neutralises control characters and escape sequences in untrusted text (article content) before it
/// reaches a terminal or file: C0/C1 controls become visible control pictures, so `ESC[2J` prints as `␛[2J`.
public enum Sanitizer {
    public static func clean(_ s: String, keepNewlines: Bool = true) -> String {
        guard needsCleaning(s) else { return s }
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
            // A file-name byte that is not UTF-8 (see RawPath).
            case 0x10FE80...0x10FEFF: out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Encoded JSON made safe for a terminal without changing what it decodes to: the encoder already escapes C0
    /// controls, so DEL, C1 controls (U+009B is a one-character CSI) and bidirectional overrides become `\uXXXX`
    /// too. They can only occur inside strings, where the escape means the same character.
    public static func escapeJSON(_ json: String) -> String {
        // Only characters of the Basic Multilingual Plane need escaping: one `\uXXXX` each.
        func escaped(_ u: Unicode.Scalar) -> Bool { u.value >= 0x7F && u.value <= 0xFFFF && needsWork(u) }
        guard json.unicodeScalars.contains(where: escaped) else { return json }
        var out = String.UnicodeScalarView()
        for u in json.unicodeScalars {
            if escaped(u) {
                let hex = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// Whether `clean` would change `s` (a line feed alone does not count, as in `clean`). ASCII with no control
    /// character is answered without decoding scalars.
    static func needsCleaning(_ s: String) -> Bool {
        var bytes = s
        if bytes.withUTF8({ b in !b.contains { $0 >= 0x7F || ($0 < 0x20 && $0 != 0x0A) } }) { return false }
        return s.unicodeScalars.contains(where: needsWork)
    }

    static func needsWork(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v < 0x20 && v != 0x0A) || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || (0x10FE80...0x10FEFF).contains(v)
    }
}
