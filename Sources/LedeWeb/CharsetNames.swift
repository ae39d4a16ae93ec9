import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether a declared charset is one lede can decode: libxml2 decodes UTF-8/16, Latin-1 and ASCII itself and every
/// other encoding through iconv, so a name iconv opens is one the HTML parser reads. Answers are remembered by the
/// caller's instance (one per fetch), never process-wide.
struct CharsetNames {
    private var known: [String: Bool] = [:]

    mutating func isKnown(_ name: String) -> Bool {
        let key = name.lowercased()
        if let answer = known[key] { return answer }
        let answer = CharsetNames.opens(key)
        known[key] = answer
        return answer
    }

    /// The decoder for a charset label, as browsers read it (WHATWG Encoding Standard): Latin-1 and ASCII labels
    /// mean windows-1252, whose extra characters (’ – € …) pages labelled so use all the time.
    static func decoderName(for label: String) -> String {
        let key = label.lowercased().trimmingCharacters(in: .whitespaces)
        return windows1252Labels.contains(key) ? "windows-1252" : label
    }

    private static let windows1252Labels: Set<String> = [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
        "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
    ]

    private static func opens(_ name: String) -> Bool {
        // Names are ASCII tokens (RFC 2978); anything else is not a charset.
        guard !name.isEmpty, name.utf8.count < 64,
              name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") }) else { return false }
        let handle = iconv_open("UTF-8", name)
        if handle == iconv_t(bitPattern: -1) { return false }
        iconv_close(handle)
        return true
    }
}
