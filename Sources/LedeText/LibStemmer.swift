import CLibStemmer

/// One Snowball stemmer from the system's libstemmer (UTF-8), for one algorithm ("german", "russian", …).
///
/// Not thread-safe: libstemmer keeps its working buffer inside the object, and the returned stem lives in it
/// until the next call. So each thread or worker makes its own (making one costs microseconds), or a caller
/// serialises its calls (as `StemIndex` does under its lock). The class is deliberately not `Sendable`.
public final class LibStemmer {
    public let algorithm: String
    private let stemmer: OpaquePointer

    /// nil when libstemmer has no such algorithm.
    public init?(algorithm: String) {
        guard let s = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.algorithm = algorithm
        stemmer = s
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The algorithms this libstemmer has ("arabic", …, "porter", …, "yiddish"), as it lists them.
    public static var algorithms: [String] {
        var out: [String] = []
        guard var p = sb_stemmer_list() else { return out }
        while let name = p.pointee { out.append(String(cString: name)); p += 1 }
        return out
    }

    /// The stem of a lower-case word given as UTF-8 bytes.
    public func stem(utf8 word: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = word.baseAddress, word.count > 0, word.count <= Int(Int32.max),
              let out = sb_stemmer_stem(stemmer, base, Int32(word.count)) else { return String(decoding: word, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(sb_stemmer_length(stemmer))), as: UTF8.self)
    }

    /// The stem of a lower-case word.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { stem(utf8: $0) }
    }
}
