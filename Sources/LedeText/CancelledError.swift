import Synchronization

public struct CancelledError: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "cancelled" }
}
