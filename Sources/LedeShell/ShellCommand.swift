import ArgumentParser

/// A shell command: its arguments and options are declared with swift-argument-parser, so parsing,
/// validation messages and `help VERB` come from that one declaration.
public protocol ShellCommand: ParsableCommand {
    /// Runs the command against the session and returns its typed result.
    mutating func execute(in shell: Shell) throws -> any CommandResult

    /// Whether the result belongs in the session's unsaved work (false for help, list, history, set…).
    static var recordsResult: Bool { get }

    /// What TAB completes for this command's positional arguments.
    static var argumentKind: ArgumentKind { get }
}

/// The kind of positional argument a command takes, for completion.
public enum ArgumentKind: Sendable {
    case none, selectors, paths, verbs, settings, words
}

extension ShellCommand {
    public static var recordsResult: Bool { true }
    public static var argumentKind: ArgumentKind { .selectors }
    public static var verb: String { configuration.commandName ?? String(describing: self).lowercased() }
    public static var abstract: String { configuration.abstract }
}

/// An error a command reports to the user: one line, the session goes on.
public struct CommandError: Error, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}
