import Foundation
import ArgumentParser
import LedeText
import LedeArticles
import LedeSession
import LedeEngine

/// The shell: parses a line, dispatches it to its command with the engine, renders and logs the result.
/// The line editor, the script runner and the tests all drive it through `run(_:at:)`.
public final class Shell {
    public static let version = Engine.version

    public let engine = Engine()
    public var terminal: Terminal
    /// Print each result as one JSON line (`--json`).
    public var jsonLines = false
    /// Where rendered output and errors go (replaceable in tests).
    public var writeOut: (String) -> Void = { _ in }
    public var writeErr: (String) -> Void = { StandardStream.write($0, to: STDERR_FILENO) }
    /// Standard output was closed by its reader (`lede … | head -1`): the run stops as a SIGPIPE would stop it,
    /// and anything asked to be saved at exit is still saved.
    public private(set) var outputClosed = false
    /// The history `history` lists: the line editor's when interactive, else the lines run so far.
    public var historySource: (() -> [String])?
    public private(set) var linesRun: [String] = []
    /// Set by `quit`; the caller's loop ends.
    public var quitRequested = false
    /// Interactive quit with unsaved results asks once.
    public var quitWarned = false
    /// The folder relative paths in `source` resolve against (the including script's).
    public var scriptDirectory: String?
    var sourceDepth = 0
    /// The location of the line being run, for commands that report several problems.
    public internal(set) var currentLocation: Location?

    public init(terminal: Terminal = Terminal()) {
        self.terminal = terminal
        writeOut = { [unowned self] text in
            if !outputClosed && !StandardStream.write(text, to: STDOUT_FILENO) {
                outputClosed = true
                quitRequested = true
            }
        }
    }

    public var workspace: Workspace { engine.workspace }
    public var log: ResultLog { engine.log }
    public var settings: Settings {
        get { engine.settings }
        set { engine.settings = newValue }
    }

    /// Where a line came from, for error messages (`script.lede:12: error: …`).
    public struct Location: Sendable, Equatable {
        public var file: String
        public var line: Int
        public init(file: String, line: Int) { self.file = file; self.line = line }
    }

    public enum Outcome: Equatable { case ok, failed, cancelled, quit }

    // MARK: running one line

    @discardableResult
    public func run(_ line: String, at location: Location? = nil) -> Outcome {
        let parsed: ParsedLine
        do { parsed = try LineSyntax.split(line) } catch {
            reportError("\(error)", at: location)
            return .failed
        }
        if parsed.isEmpty { return .ok }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        linesRun.append(trimmed)
        let verb = parsed.words[0]
        guard let type = CommandRegistry.lookup(verb) else {
            let hint = CommandRegistry.suggestion(for: verb).map { " (did you mean '\($0)'?)" } ?? " (type 'help' for the list)"
            reportError("unknown command '\(verb)'\(hint)", at: location)
            return .failed
        }
        var command: any ShellCommand
        do {
            guard let parsedCommand = try type.parseAsRoot(Array(parsed.words.dropFirst())) as? any ShellCommand else {
                // `VERB --help`: the parser hands back its own help command instead of ours.
                let help = type.helpMessage(columns: terminal.size.columns)
                emit(help.hasSuffix("\n") ? help : help + "\n", redirect: parsed.redirect, location: location)
                return .ok
            }
            command = parsedCommand
        } catch {
            if let help = helpText(for: type, error: error) {
                emit(help.hasSuffix("\n") ? help : help + "\n", redirect: parsed.redirect, location: location)
                return .ok
            }
            let message = type.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            reportError("\(type.verb): \(message) (see 'help \(type.verb)')", at: location)
            return .failed
        }
        if settings.echo { writeErr("\(Sanitizer.clean(trimmed, keepNewlines: false))\n") }
        Cancellation.reset()
        let started = Date()
        let clock = ContinuousClock.now
        var result: (any CommandResult)?
        var status = LogEntry.Status.ok
        var errorMessage: String?
        currentLocation = location
        defer { currentLocation = nil }
        do {
            let context = CommandContext(engine: engine, output: output())
            if var control = command as? any ShellControlCommand {
                result = try control.run(context, controls: self)
            } else {
                result = try command.run(context)
            }
            if let failure = result?.failure { status = .error; errorMessage = failure }
        } catch is CancelledError {
            status = .cancelled
            errorMessage = "cancelled"
        } catch {
            status = .error
            errorMessage = "\(error)"
        }
        // Every failure names its verb, once.
        if status == .error, let message = errorMessage, !message.hasPrefix("\(type.verb): ") { errorMessage = "\(type.verb): \(message)" }
        Cancellation.reset()
        let elapsed = ContinuousClock.now - clock
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let entry = LogEntry(command: trimmed, startedAt: started, durationMs: (ms * 1000).rounded() / 1000,
                             status: status, error: errorMessage, typedResult: result)
        log.append(entry, changesSession: type.recordsResult)
        if log.unsaved == 0 { quitWarned = false }

        if jsonLines {
            emitJSON(entry, redirect: parsed.redirect, location: location)
        } else if let result {
            emit(render(result), redirect: parsed.redirect, location: location)
        }
        if let errorMessage, !jsonLines || status != .ok {
            if status == .cancelled { writeErr("cancelled\n") } else { reportError(errorMessage, at: location) }
        }
        if settings.timer { writeErr(String(format: "(%.1f ms)\n", ms)) }
        switch status {
        case .ok: return quitRequested ? .quit : .ok
        case .cancelled: return .cancelled
        case .error: return quitRequested ? .quit : .failed
        }
    }

    /// What a running command may print around its result.
    func output() -> CommandOutput {
        CommandOutput(terminal: terminal, scriptDirectory: scriptDirectory, writeErr: writeErr,
                      warnLine: { [unowned self] in warn($0) },
                      errorLine: { [unowned self] in reportError($0, at: currentLocation) })
    }

    /// Renders a result in the current format (JSON format: the result itself, one line).
    public func render(_ result: any CommandResult, forFile: Bool = false) -> String {
        if settings.format == .json {
            guard let data = try? JSONEncoder.lede.encode(result) else { return "" }
            return Sanitizer.escapeJSON(String(decoding: data, as: UTF8.self)) + "\n"
        }
        let size = terminal.size
        let color = !forFile && terminal.colorEnabled(settings.color)
        let width = forFile || !terminal.stdoutIsTTY ? max(size.columns, 200) : size.columns
        return Renderer.render(result.display, RenderOptions(format: settings.format, width: width, color: color))
    }

    private func helpText(for type: any ShellCommand.Type, error: Error) -> String? {
        let text = type.fullMessage(for: error)
        let isHelp = type.exitCode(for: error) == .success && !text.isEmpty
        return isHelp ? type.helpMessage(columns: terminal.size.columns) : nil
    }

    func emit(_ text: String, redirect: ParsedLine.Redirect?, location: Location?) {
        guard !text.isEmpty else { return }
        if let redirect {
            let path = resolvePath(redirect.path)
            do { try OutputFile.write(text, to: path, append: redirect.append) } catch {
                reportError("\(redirect.path): cannot write (\(error.localizedDescription))", at: location)
            }
            return
        }
        Pager.show(text, shell: self)
    }

    func emitJSON(_ entry: LogEntry, redirect: ParsedLine.Redirect?, location: Location?) {
        guard let data = try? JSONEncoder.lede.encode(entry) else { return }
        let line = Sanitizer.escapeJSON(String(decoding: data, as: UTF8.self)) + "\n"
        if let redirect {
            try? OutputFile.write(line, to: resolvePath(redirect.path), append: redirect.append)
        } else {
            writeOut(line)
        }
    }

    public func reportError(_ message: String, at location: Location?) {
        let clean = Sanitizer.clean(message, keepNewlines: false)
        let prefix = location.map { "\($0.file):\($0.line): error: " } ?? "error: "
        let colored = terminal.colorEnabled(settings.color) && terminal.stdinIsTTY
        writeErr(colored ? "\u{1B}[31m\(prefix)\u{1B}[0m\(clean)\n" : "\(prefix)\(clean)\n")
    }

    public func warn(_ message: String) {
        writeErr("warning: \(Sanitizer.clean(message, keepNewlines: false))\n")
    }

    /// A user path: `~` expanded, relative paths against the including script's folder when sourcing.
    public func resolvePath(_ path: String) -> String { Shell.resolve(path, scriptDirectory: scriptDirectory) }

    static func resolve(_ path: String, scriptDirectory: String?) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        if let dir = scriptDirectory { return (dir as NSString).appendingPathComponent(expanded) }
        return expanded
    }

    /// Lines of history for the `history` command, oldest first.
    public var history: [String] { historySource?() ?? linesRun }
}

extension Shell: ShellControls {
    func requestQuit() { quitRequested = true }
}
