import Foundation

/// Reading a bundled stoplist for the profiles.
enum Stoplist {
    /// Calls `body` with each entry in order — lower-cased as the tokenizer lower-cases, its word tokens, and
    /// whether it is exactly one token (not "godine." or "(ur.") — until `body` returns false. Entries mostly
    /// in another script are skipped (the Marathi list holds English words).
    static func forEachEntry(of language: Language, script: Script, _ body: (String, [String], Bool) -> Bool) {
        guard let name = language.stoplistName,
              let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/stoplists"),
              let data = try? Data(contentsOf: url) else { return }
        let bytes = [UInt8](data)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            defer { start = end + 1 }
            var lo = start, hi = end
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
            guard lo < hi, bytes[lo] != UInt8(ascii: "#") else { continue }
            // Lower-cased as the tokenizer does: ASCII byte by byte, anything else through `normalise`.
            var entry: String
            if bytes[lo..<hi].allSatisfy({ $0 < 0x80 }) {
                guard script == .latin else { continue }
                entry = String(decoding: bytes[lo..<hi].lazy.map(CharClass.lowerASCII), as: UTF8.self)
            } else {
                entry = Tokenizer.normalise(String(decoding: bytes[lo..<hi], as: UTF8.self))
                var majority = 0
                for u in entry.unicodeScalars { if let s = Script.of(u) { majority += s == script ? 1 : -1 } }
                guard majority > 0 else { continue }
            }
            var words: [String] = [], whole = false
            entry.withUTF8 { b in
                Tokenizer.forEachToken(b) { r, kind in
                    guard kind == .word else { return }
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self))
                    whole = r == 0..<b.count
                }
            }
            if !body(entry, words, whole && words.count == 1) { return }
        }
    }

    static func hash(_ word: String) -> UInt64 {
        var h = Stopwords.hashSeed
        for c in word.utf8 { h = Stopwords.hashStep(h, c) }
        return h
    }
}
