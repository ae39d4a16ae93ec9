import Synchronization

/// A value worked out on first use and kept, read from any thread without a lock: an empty atomic reference until
/// then (no allocation, unlike a lock per value — tens of thousands of article versions each hold two). Two
/// threads asking at once may both work it out; one result is kept, so it must not depend on who computes it.
/// Store it as a `let` of a class (the reference inside must not be copied). Inlinable, so that callers in other
/// modules get it specialised (a generic box's metadata was looked up at every allocation).
public struct Computed<Value: Sendable>: ~Copyable, Sendable {
    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let value: Value
        @usableFromInline init(_ value: Value) { self.value = value }
    }

    @usableFromInline let box = AtomicLazyReference<Box>()

    @inlinable public init() {}

    /// Already known (a value passed in).
    @inlinable public init(_ value: Value) { _ = box.storeIfNil(Box(value)) }

    /// Whether the value was worked out (or passed in) already.
    @inlinable public var isKnown: Bool { box.load() != nil }

    /// The value if it was worked out (or passed in) already.
    @inlinable public var known: Value? { box.load()?.value }

    /// The value, worked out by `compute` the first time.
    @inlinable public func value(_ compute: () -> Value) -> Value {
        if let known = box.load() { return known.value }
        return box.storeIfNil(Box(compute())).value
    }
}
