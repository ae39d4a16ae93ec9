/// Why a request failed, in one line naming the argument or file and what is wrong. The shell shows it after
/// the verb (`keywords: …`); nothing in the session changed.
public struct EngineError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ message: String) { description = message }
}

/// A request that would undo work the session cannot get back (every article dropped, a model replaced): the
/// shell asks `question` on a terminal and repeats the request with `force`; a script must say `--force`.
public struct ConfirmationNeeded: Error, CustomStringConvertible {
    public var question: String
    /// What the refusal says without a terminal to ask on.
    public var refusal: String
    public init(question: String, refusal: String) { self.question = question; self.refusal = refusal }
    public var description: String { refusal }
}
