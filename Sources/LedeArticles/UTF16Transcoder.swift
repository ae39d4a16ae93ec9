import Foundation

/// Recognises UTF-16 (and UTF-32) files, with a byte-order mark or, for UTF-16, by the zero bytes that mostly-Latin
/// text leaves in every other position, and turns them into UTF-8 before anything else looks at them: their zero
/// bytes would otherwise make them look binary.
enum UTF16Transcoder {
    enum Encoding: Equatable { case utf16LE, utf16BE, utf32LE, utf32BE }

    /// The encoding the bytes are in, or nil for anything else (UTF-8, a legacy charset, binary data).
    static func detect(_ data: Data) -> Encoding? {
        if data.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LE }
        if data.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BE }
        if data.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if data.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        // No mark: in the first 4 KB, zeros in most odd (or even) positions and in almost no others.
        let sample = data.prefix(4096)
        let pairs = sample.count / 2
        guard pairs >= 2 else { return nil }
        // The units with a zero high byte must read as text (letters, digits, punctuation, whitespace), or the
        // pattern came from binary data such as 16-bit samples.
        var zeroEven = 0, zeroOdd = 0, controlEven = 0, controlOdd = 0
        for (k, b) in sample.enumerated() {
            let control = b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0
            if k & 1 == 0 { if b == 0 { zeroEven += 1 } else if control { controlEven += 1 } }
            else { if b == 0 { zeroOdd += 1 } else if control { controlOdd += 1 } }
        }
        if zeroOdd * 10 >= pairs * 4 && zeroEven * 50 <= pairs && controlEven * 20 <= pairs { return .utf16LE }
        if zeroEven * 10 >= pairs * 4 && zeroOdd * 50 <= pairs && controlOdd * 20 <= pairs { return .utf16BE }
        return nil
    }

    /// The text as UTF-8 (without its byte-order mark), and a warning when some units were not valid and became
    /// U+FFFD; nil when the bytes are not UTF-16 or UTF-32.
    static func transcode(_ data: Data) -> (utf8: Data, encoding: Encoding, warnings: [String])? {
        guard let encoding = detect(data) else { return nil }
        let bytes = [UInt8](data)
        var scalars = String.UnicodeScalarView()
        var replaced = 0
        switch encoding {
        case .utf16LE, .utf16BE:
            let little = encoding == .utf16LE
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 0
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            if bytes.count % 2 == 1 { replaced += 1 }
            var iterator = units.makeIterator()
            var parser = UTF16()
            loop: while true {
                switch parser.decode(&iterator) {
                case .scalarValue(let u): scalars.append(u)
                case .error: scalars.append("\u{FFFD}"); replaced += 1
                case .emptyInput: break loop
                }
            }
        case .utf32LE, .utf32BE:
            let little = encoding == .utf32LE
            var i = 0
            while i + 3 < bytes.count {
                let b = (UInt32(bytes[i]), UInt32(bytes[i + 1]), UInt32(bytes[i + 2]), UInt32(bytes[i + 3]))
                let value = little ? b.0 | b.1 << 8 | b.2 << 16 | b.3 << 24 : b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3
                if let u = Unicode.Scalar(value) { scalars.append(u) } else { scalars.append("\u{FFFD}"); replaced += 1 }
                i += 4
            }
            if bytes.count % 4 != 0 { replaced += 1 }
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let name: String
        switch encoding {
        case .utf16LE: name = "UTF-16LE"
        case .utf16BE: name = "UTF-16BE"
        case .utf32LE: name = "UTF-32LE"
        case .utf32BE: name = "UTF-32BE"
        }
        let warnings = replaced == 0 ? [] : ["invalid \(name): \(replaced) unit\(replaced == 1 ? "" : "s") replaced with U+FFFD"]
        return (Data(String(scalars).utf8), encoding, warnings)
    }
}
