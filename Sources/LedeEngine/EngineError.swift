/// Why a request failed, in one line naming the argument or file and what is wrong. The shell shows it after
/// the verb (`keywords: …`); nothing in the session changed.
public struct EngineError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ message: String) { description = message }
}
