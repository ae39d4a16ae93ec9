import Foundation

/// Maps over an array on all cores, a chunk of items at a time, keeping input order.
enum ParallelMap {
    /// `transform` gets one chunk (consecutive items) and returns one result per item, in order: a caller
    /// may share work across a chunk (the loader tokenises a chunk's files in one batch).
    static func mapChunks<T: Sendable, R: Sendable>(_ items: [T], progress: (@Sendable (Int, Int, Int) -> Void)? = nil,
                                                    _ transform: @Sendable (ArraySlice<T>) -> [R]) -> [R] where R: ByteSized {
        let n = items.count
        if n == 0 { return [] }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: n)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let lock = NSLock()
        var done = 0, bytes = 0
        // Small chunks when there are few files: HTML pages differ in cost by 100×, and 181 pages in chunks of
        // 11 left one core idle at the end of the phase; tens of thousands of text files still go 64 at a time.
        let chunk = max(1, min(64, n / (ProcessInfo.processInfo.activeProcessorCount * 64)))
        let chunks = (n + chunk - 1) / chunk
        let out = UnsafeSendable(results)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * chunk, hi = min(n, lo + chunk)
            let chunkResults = transform(items[lo..<hi])
            precondition(chunkResults.count == hi - lo, "one result per item")
            var chunkBytes = 0
            for (k, r) in chunkResults.enumerated() {
                chunkBytes += r.byteSize
                out.value[lo + k] = r
            }
            if let progress {
                let (d, b) = lock.withLock { done += hi - lo; bytes += chunkBytes; return (done, bytes) }
                progress(d, b, n)
            }
        }
        // Moved out, not copied: the buffer's own copies would never be released (deallocate does not).
        return (0..<n).map { (results.baseAddress! + $0).move()! }
    }
}

protocol ByteSized { var byteSize: Int { get } }
extension ArticleLoader.FileResult: ByteSized { var byteSize: Int { bytes } }

struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
