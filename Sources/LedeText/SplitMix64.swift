/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator of well-spread 64-bit numbers, so anything
/// seeded (topic models, folds, MinHash permutations, random tests) repeats exactly for a seed. The one
/// generator of the package.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    /// Starts at `state` itself: the first number is `mix(state + γ)`.
    public init(state: UInt64) { self.state = state }

    /// Starts one step past `seed`, so seed 0 does not begin at the all-zero state.
    public init(seed: UInt64) { state = seed &+ SplitMix64.gamma }

    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    public mutating func next() -> UInt64 {
        state &+= SplitMix64.gamma
        return SplitMix64.mix(state)
    }

    /// A uniform double in [0, 1).
    @inline(__always) public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A number in 0..<n.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// The SplitMix64 finaliser: a fast, well-spread 64-bit mix of `x`.
    @inline(__always) public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
