import LedeText

/// MinHash signatures over 5-word shingles of a body's tokens (128 permutations), with LSH banding
/// (32 bands of 4 rows) to find candidate pairs without comparing every pair; candidates are kept when
/// the estimated Jaccard similarity (share of equal signature slots) reaches the threshold.
public struct MinHasher: Sendable {
    public let permutations: Int
    public let shingleSize: Int
    public let bands: Int
    private let seeds: [UInt64]

    public init(permutations: Int = 128, shingleSize: Int = 5, bands: Int = 32) {
        precondition(permutations % bands == 0, "bands must divide permutations")
        self.permutations = permutations; self.shingleSize = shingleSize; self.bands = bands
        var generator = SplitMix64(state: 0x5EED_1EDE)
        seeds = (0..<permutations).map { _ in generator.next() }
    }

    /// The signature of a token sequence, each token given as a hash of its FORM (not its session id: ids follow
    /// the order in which parallel loading first met each form, so a signature over ids would change from one
    /// session to the next). A text shorter than one shingle is one shingle of itself.
    public func signature(_ tokens: [UInt64]) -> [UInt64] {
        var shingles = Set<UInt64>()
        if tokens.isEmpty { return [] }
        let k = min(shingleSize, tokens.count)
        for start in 0...(tokens.count - k) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for t in tokens[start..<(start + k)] { h = mix(h ^ t) }
            shingles.insert(h)
        }
        var signature = [UInt64](repeating: .max, count: permutations)
        for s in shingles {
            for p in 0..<permutations {
                let v = mix(s ^ seeds[p])
                if v < signature[p] { signature[p] = v }
            }
        }
        return signature
    }

    /// Estimated Jaccard similarity of two signatures.
    public func similarity(_ x: [UInt64], _ y: [UInt64]) -> Double {
        guard !x.isEmpty, x.count == y.count else { return 0 }
        var same = 0
        for i in x.indices where x[i] == y[i] { same += 1 }
        return Double(same) / Double(x.count)
    }

    public struct Pair: Sendable, Equatable { public var first: Int; public var second: Int; public var similarity: Double }

    /// Pairs of signatures (by index) whose estimated similarity is at least `threshold`, first index smaller.
    public func similarPairs(_ signatures: [[UInt64]], threshold: Double) -> [Pair] {
        let rows = permutations / bands
        var seen = Set<UInt64>()
        var out: [Pair] = []
        for band in 0..<bands {
            var buckets: [UInt64: [Int]] = [:]
            for (i, sig) in signatures.enumerated() where !sig.isEmpty {
                var h: UInt64 = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
                for r in 0..<rows { h = mix(h ^ sig[band * rows + r]) }
                buckets[h, default: []].append(i)
            }
            for members in buckets.values where members.count > 1 {
                for x in 0..<members.count {
                    for y in (x + 1)..<members.count {
                        let i = members[x], j = members[y]
                        guard seen.insert(UInt64(i) << 32 | UInt64(j)).inserted else { continue }
                        let sim = similarity(signatures[i], signatures[j])
                        if sim >= threshold { out.append(Pair(first: i, second: j, similarity: sim)) }
                    }
                }
            }
        }
        return out.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// Connected groups (of two or more) formed by the pairs, each sorted, in order of their first member.
    public static func clusters(count: Int, pairs: [Pair]) -> [[Int]] {
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for p in pairs { let r1 = find(p.first), r2 = find(p.second); if r1 != r2 { parent[max(r1, r2)] = min(r1, r2) } }
        var groups: [Int: [Int]] = [:]
        for i in 0..<count { groups[find(i), default: []].append(i) }
        return groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}

/// The SplitMix64 finaliser (see `SplitMix64.mix`).
@inline(__always) func mix(_ x: UInt64) -> UInt64 { SplitMix64.mix(x) }
