import LedeText

/// A counter a route handler can capture (handlers are `@Sendable`): pages that change between requests count
/// how often they were served.
public final class LoopbackCounter: Sendable {
    private let value = Locked(0)
    public init() {}

    /// Returns the current value and adds one.
    public func next() -> Int { value.withLock { v in defer { v += 1 }; return v } }

    public var current: Int { value.withLock { $0 } }
}
