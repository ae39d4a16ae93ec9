import LedeText

/// The measurements jusText classifies a block by.
struct BlockFeatures {
    var length: Int            // characters (Unicode scalars) of the block's text
    var linkChars: Int         // characters inside links
    var words: Int
    var stopwords: Int
    var hasCopyright: Bool
    var isHeading: Bool

    var linkDensity: Double { length == 0 ? 0 : Double(linkChars) / Double(length) }
    var stopwordDensity: Double { words == 0 ? 0 : Double(stopwords) / Double(words) }

    /// Counts words and stopwords: a word is one of lede's tokens (see `Tokenizer`: "five-year", "U.S." and
    /// "1,200" are one word each, every Han ideograph is one), a stopword a token whose normalised form is on
    /// the list — the same words every other count in lede uses.
    static func measure(_ text: String, linkChars: Int = 0, isHeading: Bool = false, stopwords: Stopwords) -> BlockFeatures {
        var copy = text
        return copy.withUTF8 { utf8 in
            var words = 0, stops = 0
            let checkStops = !stopwords.words.isEmpty
            Tokenizer.forEachToken(utf8) { range, kind in
                words += 1
                if checkStops && stopwords.containsToken(UnsafeBufferPointer(rebasing: utf8[range]), kind: kind) { stops += 1 }
            }
            let (length, hasCopyright) = characters(utf8)
            return BlockFeatures(length: length, linkChars: linkChars, words: words, stopwords: stops,
                                 hasCopyright: hasCopyright, isHeading: isHeading)
        }
    }

    /// Characters (Unicode scalars) and whether © occurs. Characters are the bytes that do not continue a
    /// UTF-8 sequence (10xxxxxx), counted eight bytes at a time: a continuation byte has its top bit set and
    /// the next one clear. Only text with a byte over 0x7F can hold ©.
    static func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, hasCopyright: Bool) {
        var continuations = 0, high: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
            high |= w
            continuations &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            high |= UInt64(bytes[i])
            continuations &+= bytes[i] & 0xC0 == 0x80 ? 1 : 0
            i += 1
        }
        var hasCopyright = false
        if high & 0x8080_8080_8080_8080 != 0 {
            var previous: UInt8 = 0
            for b in bytes { if b == 0xA9 && previous == 0xC2 { hasCopyright = true; break }; previous = b }   // ©
        }
        return (bytes.count - continuations, hasCopyright)
    }
}
