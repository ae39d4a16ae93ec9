import Foundation
import LedeEngine

/// What a command may touch while it runs: the engine, and the output around its result (warnings, progress
/// lines, the terminal's size, paths resolved as the user meant them).
public struct CommandContext {
    public let engine: Engine
    public let output: CommandOutput

    /// Runs a request that may need the user's word (`ConfirmationNeeded`): asked on a terminal and run again with
    /// `force` when the answer is yes; nil when it is no. Without a terminal the refusal is the command's error.
    public func confirming<T>(force: Bool, _ request: (Bool) throws -> T) throws -> T? {
        do { return try request(force) } catch let needed as ConfirmationNeeded {
            guard let yes = output.confirmOnTerminal(needed.question) else { throw CommandError(needed.refusal) }
            return yes ? try request(true) : nil
        }
    }
}

/// The shell's output around a command's result. Untrusted text in messages is made visible, never sent raw.
public struct CommandOutput {
    let terminal: Terminal
    let scriptDirectory: String?
    let writeErr: (String) -> Void
    let warnLine: (String) -> Void
    let errorLine: (String) -> Void
    let confirm: (String) -> Bool?

    /// The terminal's width when output goes to one; for a file or pipe, a wide page.
    public var columns: Int { terminal.stdoutIsTTY ? terminal.size.columns : 160 }
    public var stdoutIsTerminal: Bool { terminal.stdoutIsTTY }
    public var isInteractive: Bool { terminal.isInteractive }
    /// The width `help` lays its text out to.
    public var helpColumns: Int { terminal.size.columns }

    /// One warning line (`warning: …`).
    public func warn(_ message: String) { warnLine(message) }

    /// One error line (`FILE:LINE: error: …`) for a problem that does not end the command.
    public func error(_ message: String) { errorLine(message) }

    /// Asks before something that cannot be undone: true to go on. Without a terminal to ask on (a script, a pipe)
    /// a command needs its `--force` flag instead.
    public func confirmOnTerminal(_ question: String) -> Bool? { confirm(question) }

    /// A `--stopwords` value: a path-like one resolved as the user meant it; `none` or a language as it is.
    public func resolveStoplist(_ spec: String) -> String {
        spec.contains("/") || spec.hasPrefix("~") || spec.hasPrefix(".") ? resolvePath(spec) : spec
    }

    /// A progress line on the terminal (stderr) for work that takes more than half a second; nil in scripts.
    public func progressLine() -> ProgressLine? { terminal.stdinIsTTY ? ProgressLine(write: writeErr) : nil }

    /// A user path: `~` expanded, relative paths against the including script's folder when sourcing.
    public func resolvePath(_ path: String) -> String { Shell.resolve(path, scriptDirectory: scriptDirectory) }
}
