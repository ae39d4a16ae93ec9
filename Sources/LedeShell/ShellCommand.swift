import ArgumentParser
import LedeEngine

/// A shell command: its arguments and options are declared with swift-argument-parser (parsing, validation
/// messages and `help VERB` come from that one declaration); `run` turns them into one engine request and
/// returns the engine's report, which knows how to display itself (`CommandResult`).
public protocol ShellCommand: ParsableCommand {
    /// Runs the command with what it may touch: the engine and the output context.
    mutating func run(_ context: CommandContext) throws -> any CommandResult

    /// Whether the result belongs in the session's unsaved work (false for help, list, history, set…).
    static var recordsResult: Bool { get }

    /// What TAB completes for this command's positional arguments.
    static var argumentKind: ArgumentKind { get }
}

/// A command that steers the shell itself (run a script, quit, list the history): it also gets the shell's
/// narrow control surface.
protocol ShellControlCommand: ShellCommand {
    mutating func run(_ context: CommandContext, controls: any ShellControls) throws -> any CommandResult
}

extension ShellControlCommand {
    mutating func run(_ context: CommandContext) throws -> any CommandResult {
        preconditionFailure("\(Self.verb) runs with the shell's controls")
    }
}

/// What commands that steer the shell may do to it.
protocol ShellControls: AnyObject {
    /// Lines of history, oldest first.
    var history: [String] { get }
    /// Runs a script file (relative paths inside it resolve against its folder).
    func runScript(path: String, displayName: String?) throws -> ScriptOutcome
    /// Ends the session's loop after this command.
    func requestQuit()
    /// Whether the user was already told, once, that results are unsaved.
    var quitWarned: Bool { get set }
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

/// An error a command reports itself (beyond the engine's): one line, the session goes on.
public struct CommandError: Error, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}
