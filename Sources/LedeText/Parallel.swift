import Foundation
import Synchronization

/// The one way lede spreads work over the cores. Every result has a slot of its own, written by exactly one
/// iteration (iteration `i` initialises slot `i` and nothing else); debug builds count the writes and stop
/// when a slot was written other than once. Callers get the results in index order and never share a
/// buffer with the workers.
public enum Parallel {
    /// Cores the work is spread over.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `body(i)` for every `i` in `0..<count`, on all cores; the results in index order.
    public static func map<R>(count: Int, _ body: @Sendable (Int) -> R) -> [R] {
        guard count > 0 else { return [] }
        if count == 1 { return [body(0)] }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialised in
            let slots = Slots(base: buffer.baseAddress!, count: count)
            DispatchQueue.concurrentPerform(iterations: count) { i in slots.initialise(i, with: body(i)) }
            slots.checkEachWrittenOnce()
            initialised = count
        }
    }

    /// `count` items cut into consecutive ranges of at most `chunk` (the last may be shorter): `body(range)` for
    /// each range, on all cores; the ranges' results in order.
    public static func map<R>(count: Int, chunk: Int, _ body: @Sendable (Range<Int>) -> R) -> [R] {
        let size = max(1, chunk)
        return map(count: (count + size - 1) / size) { c in body((c * size)..<min(count, (c + 1) * size)) }
    }

    /// `count` items cut into one range per core (fewer when there are few items): for work done per worker.
    public static func mapPerCore<R>(count: Int, minimumPerCore: Int = 1, _ body: @Sendable (Range<Int>) -> R) -> [R] {
        let workers = max(1, min(cores, count / max(1, minimumPerCore)))
        return map(count: count, chunk: (count + workers - 1) / workers, body)
    }

    /// The result buffer, handed to the workers. Sound because iteration `i` writes slot `i` only, into
    /// memory no one reads until every iteration has returned.
    private struct Slots<R>: @unchecked Sendable {
        let base: UnsafeMutablePointer<R>
        let count: Int
        #if DEBUG
        let writes: UnsafeMutablePointer<Atomic<Int>>

        init(base: UnsafeMutablePointer<R>, count: Int) {
            self.base = base
            self.count = count
            writes = .allocate(capacity: count)
            for i in 0..<count { (writes + i).initialize(to: Atomic(0)) }
        }
        #else
        init(base: UnsafeMutablePointer<R>, count: Int) { self.base = base; self.count = count }
        #endif

        func initialise(_ i: Int, with value: R) {
            precondition(i >= 0 && i < count, "slot \(i) out of 0..<\(count)")
            #if DEBUG
            writes[i].add(1, ordering: .relaxed)
            #endif
            (base + i).initialize(to: value)
        }

        func checkEachWrittenOnce() {
            #if DEBUG
            for i in 0..<count {
                let n = writes[i].load(ordering: .relaxed)
                precondition(n == 1, "Parallel.map: slot \(i) written \(n) times")
            }
            writes.deinitialize(count: count)
            writes.deallocate()
            #endif
        }
    }
}
