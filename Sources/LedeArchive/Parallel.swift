import Foundation

/// Maps over items on all cores, in order, a chunk at a time (per-document work before the single writer).
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let n = items.count
        if n == 0 { return [] }
        if n < 64 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: n)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let chunk = max(16, n / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let out = SendableBuffer(results)
        DispatchQueue.concurrentPerform(iterations: (n + chunk - 1) / chunk) { c in
            for i in (c * chunk)..<min(n, (c + 1) * chunk) { out.buffer[i] = transform(items[i]) }
        }
        return results.map { $0! }
    }
}

/// A buffer that workers write at disjoint indices.
struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
