import Foundation

/// A value only reached under a lock: the one lock type of lede's shared state.
///
/// Not Synchronization's `Mutex`: on Linux its lock lives in the standard library, which ThreadSanitizer does not
/// instrument, so `Scripts/sanitize thread` reported every access it protects as a race (a two-thread counter
/// shows it). `NSLock` is a pthread mutex, which ThreadSanitizer understands; lede takes a lock per file,
/// batch or cache visit, not per token, so the difference in cost does not show.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock; not reentrant.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
