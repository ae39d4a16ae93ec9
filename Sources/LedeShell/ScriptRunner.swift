import Foundation
import LedeArticles

/// How a run of script lines ended.
public struct ScriptOutcome: Equatable, Sendable {
    public var commands = 0
    public var failed = 0
    /// Stopped at the first failure (`--bail` / `set bail on`).
    public var bailed = false
    /// A `quit` ended the run.
    public var quit = false
}

extension Shell {
    /// Runs commands line by line: `#` comments and blank lines skipped, `\`-continued lines joined,
    /// errors reported as `NAME:LINE: error: …`. Goes on after errors unless bail is on.
    public func runLines<S: Sequence>(_ lines: S, source name: String) -> ScriptOutcome where S.Element == String {
        var outcome = ScriptOutcome()
        var pending: String?
        var pendingStart = 0
        var number = 0
        func runOne(_ line: String, at lineNumber: Int) -> Bool {
            let location = Location(file: name, line: lineNumber)
            outcome.commands += 1
            switch run(line, at: location) {
            case .ok: return true
            case .quit: outcome.quit = true; return false
            case .cancelled:
                // Ctrl-C stops the whole script, not only the running command.
                outcome.failed += 1; outcome.bailed = true; return false
            case .failed:
                outcome.failed += 1
                if settings.bail { outcome.bailed = true; return false }
                return true
            }
        }
        for raw in lines {
            number += 1
            var line = raw
            if line.hasSuffix("\r") { line.removeLast() }
            if let p = pending {
                line = LineSyntax.join(p, line)
            } else {
                pendingStart = number
            }
            if LineSyntax.continues(line) { pending = line; continue }
            pending = nil
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if !runOne(line, at: pendingStart) { return outcome }
        }
        if let p = pending, !runOne(String(p.dropLast()), at: pendingStart) { return outcome }
        return outcome
    }

    /// Runs a script file. Relative paths inside it (including nested `source`) resolve against its folder.
    public func runScript(path: String, displayName: String? = nil) throws -> ScriptOutcome {
        guard sourceDepth < 16 else { throw CommandError("\(path): scripts nested more than 16 deep (does it source itself?)") }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CommandError("\(path): no such file") }
        guard !isDir.boolValue else { throw CommandError("\(path): is a folder, not a script") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("\(path): cannot read file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError("\(path): script is not valid UTF-8") }
        let savedDirectory = scriptDirectory
        scriptDirectory = RawPath.parent(of: path)
        if scriptDirectory?.isEmpty == true { scriptDirectory = "." }
        sourceDepth += 1
        defer { sourceDepth -= 1; scriptDirectory = savedDirectory }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return runLines(lines, source: displayName ?? path)
    }
}

