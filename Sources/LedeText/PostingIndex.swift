/// An immutable map from a 64-bit key to a run of (language, value) postings: open addressing, one probe
/// sequence per lookup, postings stored contiguously.
struct PostingIndex: Sendable {
    private let keys: [UInt64]
    private let starts: [UInt32]
    private let ends: [UInt32]
    let languages: [UInt8]
    let values: [Float]
    private let mask: Int

    init(_ map: [UInt64: [(UInt8, Float)]]) {
        var size = 16
        while size < map.count * 2 { size <<= 1 }
        mask = size - 1
        var keys = [UInt64](repeating: 0, count: size)
        var starts = [UInt32](repeating: 0, count: size), ends = [UInt32](repeating: 0, count: size)
        var languages: [UInt8] = [], values: [Float] = []
        // Sorted, so the layout does not depend on dictionary order.
        for key in map.keys.sorted() {
            let k = key == 0 ? 1 : key
            var s = PostingIndex.slot(k, mask)
            while keys[s] != 0 { s = (s + 1) & mask }
            keys[s] = k
            starts[s] = UInt32(languages.count)
            for (l, v) in map[key]! { languages.append(l); values.append(v) }
            ends[s] = UInt32(languages.count)
        }
        self.keys = keys; self.starts = starts; self.ends = ends; self.languages = languages; self.values = values
    }

    @inline(__always) static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The positions in `languages` and `values` of a key's postings, nil when the key has none.
    @inline(__always) func postings(_ key: UInt64) -> Range<Int>? {
        let k = key == 0 ? 1 : key
        var s = PostingIndex.slot(k, mask)
        while true {
            let found = keys[s]
            if found == 0 { return nil }
            if found == k { return Int(starts[s])..<Int(ends[s]) }
            s = (s + 1) & mask
        }
    }

    @inline(__always) func forEach(_ key: UInt64, _ body: (UInt8, Float) -> Void) {
        let k = key == 0 ? 1 : key
        var s = PostingIndex.slot(k, mask)
        while true {
            let found = keys[s]
            if found == 0 { return }
            if found == k {
                for i in Int(starts[s])..<Int(ends[s]) { body(languages[i], values[i]) }
                return
            }
            s = (s + 1) & mask
        }
    }
}
