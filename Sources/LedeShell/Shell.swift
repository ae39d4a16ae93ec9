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
            return refuse(line, "\(error)", at: location)
        }
        if parsed.isEmpty { return .ok }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        linesRun.append(trimmed)
        let verb = parsed.words[0]
        guard let type = CommandRegistry.lookup(verb) else {
            let hint = CommandRegistry.suggestion(for: verb).map { " (did you mean '\($0)'?)" } ?? " (type 'help' for the list)"
            return refuse(trimmed, "unknown command '\(verb)'\(hint)", at: location)
        }
        var command: any ShellCommand
        do {
            guard let parsedCommand = try type.parseAsRoot(Array(parsed.words.dropFirst())) as? any ShellCommand else {
                // `VERB --help`: the parser hands back its own help command instead of ours.
                return showHelp(type.helpMessage(columns: terminal.size.columns), line: trimmed, redirect: parsed.redirect, at: location)
            }
            command = parsedCommand
        } catch {
            if let help = helpText(for: type, error: error) {
                return showHelp(help, line: trimmed, redirect: parsed.redirect, at: location)
            }
            let message = type.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            return refuse(trimmed, "\(type.verb): \(message) (see 'help \(type.verb)')", at: location)
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
        for note in engine.workspace.takeSelectionNotes() { writeErr("note: \(Sanitizer.clean(note, keepNewlines: false))\n") }
        // Written before the result is logged: a redirect that fails fails the command (status, --bail, exit 1).
        var rendered: String?
        if let result {
            if let redirect = parsed.redirect {
                if let failure = writeRedirect(render(result, format: redirectFormat(redirect.path), toFile: true), redirect) {
                    status = .error
                    errorMessage = errorMessage.map { "\($0); \(failure)" } ?? failure
                }
            } else if !jsonLines {
                rendered = render(result)
            }
        }
        // Every failure names its verb, once.
        if status == .error, let message = errorMessage, !message.hasPrefix("\(type.verb): ") { errorMessage = "\(type.verb): \(message)" }
        Cancellation.reset()
        let elapsed = ContinuousClock.now - clock
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let entry = LogEntry(command: trimmed, startedAt: started, durationMs: (ms * 1000).rounded() / 1000,
                             status: status, error: errorMessage, typedResult: result)
        // Only session results are kept: what show, list or help printed is not saved with the session.
        log.append(type.recordsResult ? entry : entry.withoutResult, changesSession: type.recordsResult)
        if log.unsaved == 0 { quitWarned = false }
        if engine.archiveLink != nil {
            let json = type.recordsResult && status != .error
                ? result.flatMap { r in r.archiveLogValue.map { Shell.jsonLine($0) } ?? Shell.jsonLine(r) }.map { String($0.dropLast()) } : nil
            engine.recordInArchive(entry, resultJSON: json)
        }

        if jsonLines {
            emitJSON(entry)
        } else if let rendered, !rendered.isEmpty {
            Pager.show(rendered, shell: self)
        }
        if let errorMessage, !jsonLines || status != .ok {
            if status == .cancelled { writeErr("cancelled\n") } else { reportError(errorMessage, at: location) }
        }
        for w in engine.takeArchiveWarnings() { warn(w) }
        if settings.timer { writeErr(String(format: "(%.1f ms)\n", ms)) }
        switch status {
        case .ok: return quitRequested ? .quit : .ok
        case .cancelled: return .cancelled
        case .error: return quitRequested ? .quit : .failed
        }
    }

    /// A line that never ran (bad quoting, an unknown verb, bad options): one error line, and under `--json` its
    /// record, so every line gets one.
    private func refuse(_ line: String, _ message: String, at location: Location?) -> Outcome {
        if jsonLines {
            emitJSON(LogEntry(command: line.trimmingCharacters(in: .whitespacesAndNewlines), startedAt: Date(), durationMs: 0,
                              status: .error, error: message))
        }
        reportError(message, at: location)
        return .failed
    }

    /// `VERB --help` and `VERB -h`: the command's help, where its output would have gone.
    private func showHelp(_ help: String, line: String, redirect: ParsedLine.Redirect?, at location: Location?) -> Outcome {
        let text = help.hasSuffix("\n") ? help : help + "\n"
        var status = LogEntry.Status.ok
        var error: String?
        if let redirect, let failure = writeRedirect(text, redirect) { status = .error; error = failure }
        if jsonLines {
            emitJSON(LogEntry(command: line, startedAt: Date(), durationMs: 0, status: status, error: error,
                              typedResult: MessageResult(help)))
        } else if redirect == nil {
            Pager.show(text, shell: self)
        }
        if let error { reportError(error, at: location); return .failed }
        return .ok
    }

    /// What a running command may print around its result.
    func output() -> CommandOutput {
        CommandOutput(terminal: terminal, scriptDirectory: scriptDirectory, writeErr: writeErr,
                      warnLine: { [unowned self] in warn($0) },
                      errorLine: { [unowned self] in reportError($0, at: currentLocation) },
                      confirm: { [unowned self] in confirm($0) })
    }

    /// Answers `confirm` questions instead of the terminal (tests).
    public var confirmAnswer: ((String) -> Bool?)?
    /// Reads one line at a prompt through the interactive line editor (set while it runs).
    var lineReader: ((String) -> String?)?

    /// Asks a yes/no question on the terminal (stderr, the answer read from stdin); nil when there is no one to ask
    /// (a script, a pipe).
    func confirm(_ question: String) -> Bool? {
        if let confirmAnswer { return confirmAnswer(question) }
        guard terminal.stdinIsTTY else { return nil }
        let answer: String?
        if let lineReader { answer = lineReader("\(question) [y/N] ") } else {
            writeErr("\(question) [y/N] ")
            answer = readLine(strippingNewline: true)
        }
        guard let answer else { writeErr("\n"); return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The format a redirect writes: the session's when `set format` chose one, else the file name's (`.csv`,
    /// `.tsv`, `.json`, `.jsonl`), else a plain table (or, under `--json`, the result as JSON).
    func redirectFormat(_ path: String) -> Settings.OutputFormat {
        if settings.format != .table { return settings.format }
        return Settings.OutputFormat(fileName: path) ?? (jsonLines ? .json : .table)
    }

    /// Renders a result in a format (the session's by default). Terminal output may have colour, bars and
    /// wrapped text; a file or pipe gets none of them. CSV, TSV and JSONL write the result's data table.
    public func render(_ result: any CommandResult, format: Settings.OutputFormat? = nil, toFile: Bool = false) -> String {
        let format = format ?? settings.format
        switch format {
        case .json:
            return Shell.jsonLine(result) ?? ""
        case .csv, .tsv, .jsonl:
            guard let table = result.dataTable ?? (try? DataNode.encode(result)).map(DataTable.from) else {
                return Renderer.render(result.display, RenderOptions(format: .csv, terminal: false))
            }
            let clean: (String) -> String = { Sanitizer.clean($0) }
            return format == .csv ? table.csv(clean: clean) : format == .tsv ? table.tsv(clean: clean) : table.jsonLines(clean: clean)
        case .table, .plain:
            let size = terminal.size
            let onTerminal = !toFile && terminal.stdoutIsTTY
            let color = !toFile && terminal.colorEnabled(settings.color)
            let width = onTerminal ? size.columns : max(size.columns, 200)
            return Renderer.render(result.display, RenderOptions(format: format, width: width, color: color, terminal: onTerminal))
        }
    }

    private func helpText(for type: any ShellCommand.Type, error: Error) -> String? {
        let text = type.fullMessage(for: error)
        let isHelp = type.exitCode(for: error) == .success && !text.isEmpty
        return isHelp ? type.helpMessage(columns: terminal.size.columns) : nil
    }

    /// Writes a redirect's text; the failure, as one line, when it could not.
    func writeRedirect(_ text: String, _ redirect: ParsedLine.Redirect) -> String? {
        do {
            try OutputFile.write(text, to: resolvePath(redirect.path), append: redirect.append)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: resolvePath(redirect.path), with: redirect.path)
        }
    }

    /// One `--json` record on standard output.
    func emitJSON(_ entry: LogEntry) {
        if let line = Shell.jsonLine(entry) { writeOut(line) }
    }

    /// A value as one line of JSON: every JSON the shell prints (`--json` records, `set format json`, `> x.json`)
    /// goes through here, so escaping what a terminal must not see inside JSON strings belongs here too.
    static func jsonLine(_ value: some Encodable) -> String? {
        guard let data = try? JSONEncoder.lede.encode(value) else { return nil }
        return Sanitizer.escapeJSON(String(decoding: data, as: UTF8.self)) + "\n"
    }

    public func reportError(_ message: String, at location: Location?) {
        let prefix = location.map { "\($0.file):\($0.line): error: " } ?? "error: "
        let clean = wrappedForTerminal(Sanitizer.clean(message, keepNewlines: false), indent: TextWidth.of(prefix))
        let colored = terminal.colorEnabled(settings.color) && terminal.stdinIsTTY
        writeErr(colored ? "\u{1B}[31m\(prefix)\u{1B}[0m\(clean)\n" : "\(prefix)\(clean)\n")
    }

    public func warn(_ message: String) {
        writeErr("warning: \(wrappedForTerminal(Sanitizer.clean(message, keepNewlines: false), indent: 9))\n")
    }

    /// At an interactive terminal a long message wraps between words (a script's stderr keeps one line a message,
    /// for grep). `indent`: the width of the label before it.
    func wrappedForTerminal(_ message: String, indent: Int) -> String {
        guard terminal.stdinIsTTY, isatty(STDERR_FILENO) == 1 else { return message }
        // The label takes the first line's start; every line is kept that much narrower.
        return TextWrap.wrap(message, width: max(20, terminal.size.columns - indent))
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
