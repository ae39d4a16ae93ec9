import LedeText

/// Counts small integer ids in a flat array that is reused between texts: only the touched slots are
/// reset, so counting one short article in a 200,000-form vocabulary costs its own length, not the vocabulary's.
public struct IdCounter {
    public internal(set) var counts: [Int32]
    /// Ids with a non-zero count, in order of first appearance.
    public private(set) var touched: [UInt32] = []

    /// Scratch buffers of the statistics pass (a text's words renumbered densely, and the vocabulary id of
    /// each new number), kept here so that one worker's texts share them.
    var localIDs: [UInt32] = []
    var firstSeen: [UInt32] = []

    public init(capacity: Int) { counts = Array(repeating: 0, count: capacity) }

    @inline(__always) public mutating func add(_ id: UInt32, _ by: Int32 = 1) {
        let i = Int(id)
        if i >= counts.count { counts.append(contentsOf: repeatElement(0, count: max(i + 1 - counts.count, counts.count / 2))) }
        if counts[i] == 0 { touched.append(id) }
        counts[i] &+= by
    }

    /// Lowers a count (used by sliding windows); the id stays in `touched`.
    @inline(__always) public mutating func remove(_ id: UInt32) { counts[Int(id)] &-= 1 }

    @inline(__always) public subscript(id: UInt32) -> Int32 { Int(id) < counts.count ? counts[Int(id)] : 0 }

    public var distinct: Int { touched.count }

    /// Runs `body` over the raw counts, which it must leave all zero (for loops that clean up after
    /// themselves by walking their own ids, without `touched`). Call on a reset counter only.
    mutating func withScratch<R>(minimumCapacity: Int, _ body: (UnsafeMutablePointer<Int32>) -> R) -> R {
        if counts.count < minimumCapacity { counts.append(contentsOf: repeatElement(0, count: minimumCapacity - counts.count)) }
        return counts.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    public mutating func reset() {
        for id in touched { counts[Int(id)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
