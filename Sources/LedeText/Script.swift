/// The writing systems `LanguageIdentifier` tells apart, by Unicode block.
public enum Script: UInt8, Sendable, Codable, CaseIterable {
    case latin, cyrillic, greek, armenian, hebrew, arabic, devanagari, bengali, gurmukhi, gujarati, tamil, telugu,
         kannada, malayalam, thai, georgian, hangul, kana, han

    /// The script of a letter, nil for anything that is not a letter of one of these scripts (digits,
    /// punctuation, symbols, combining marks — which belong to the letter before them).
    public static func of(_ scalar: Unicode.Scalar) -> Script? {
        let v = scalar.value
        if v < 0x80 { return ((v | 0x20) &- 0x61) < 26 ? .latin : nil }
        if isHanIdeograph(v) { return .han }
        switch v {
        case 0x00C0...0x024F where v != 0xD7 && v != 0xF7: return .latin
        case 0x1E00...0x1EFF: return .latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return .greek
        case 0x0400...0x052F: return .cyrillic
        case 0x0531...0x058F: return .armenian
        case 0x05D0...0x05F4: return .hebrew
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x0900...0x097F: return .devanagari
        case 0x0980...0x09FF: return .bengali
        case 0x0A00...0x0A7F: return .gurmukhi
        case 0x0A80...0x0AFF: return .gujarati
        case 0x0B80...0x0BFF: return .tamil
        case 0x0C00...0x0C7F: return .telugu
        case 0x0C80...0x0CFF: return .kannada
        case 0x0D00...0x0D7F: return .malayalam
        case 0x0E00...0x0E7F: return .thai
        case 0x10A0...0x10FF, 0x1C90...0x1CBF: return .georgian
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0x3041...0x3096, 0x309D...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: return .kana
        default: return nil
        }
    }
}
