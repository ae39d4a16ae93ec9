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
