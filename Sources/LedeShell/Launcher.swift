import Foundation
import LedeArticles
import LedeSession
import LedeEngine
#if canImport(Glibc)
import Glibc
#endif

/// What the `lede` executable was asked to do (parsed there with swift-argument-parser).
public struct LaunchOptions: Sendable {
    public var scripts: [String] = []
    public var commands: [String] = []
    public var interactiveScripts: [String] = []
    public var json = false
    public var savePath: String?
    public var noInit = false
    public var bail = false
    /// `--archive FILE`: opened (or created) before anything else runs.
    public var archivePath: String?
    public init() {}
}

/// Starts a session in the mode the options and the terminal call for, and returns the exit status:
/// 0 when every command succeeded, 1 when one failed.
public enum Launcher {
    /// The process's arguments after the program name, with bytes that are not UTF-8 kept (RawPath): a file name
    /// given on the command line opens as it was named.
    public static var arguments: [String] {
        (1..<Int(CommandLine.argc)).compactMap { CommandLine.unsafeArgv[$0].map { RawPath.decode(UnsafePointer($0)) } }
    }

    /// Writes to standard error (a usage error before any session starts); arguments in it are made visible.
    public static func writeError(_ text: String) { StandardStream.write(Sanitizer.clean(text), to: STDERR_FILENO) }

    /// Ends the process when done: freeing a large workspace object by object only costs time at exit.
    public static func run(_ options: LaunchOptions) -> Never {
        let shell = Shell()
        shell.jsonLines = options.json
        shell.settings.bail = options.bail
        InterruptHandler.install()
        var failed = 0

        // The archive first, so the init file and every command see (and store into) it. A file that cannot be
        // opened ends the run: a cron job must not go on against an empty session.
        if let archive = options.archivePath, !shell.openArchive(atLaunch: archive) {
            fflush(nil)
            exit(1)
        }

        let env = ProcessInfo.processInfo.environment
        let home = env["HOME"] ?? NSHomeDirectory()
        if !options.noInit {
            let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
            let initFile = "\(config)/lede/init.lede"
            if FileManager.default.fileExists(atPath: initFile) {
                do { failed += try shell.runScript(path: initFile).failed } catch { shell.reportError("\(error)", at: nil); failed += 1 }
            }
        }

        let batch = !options.scripts.isEmpty || !options.commands.isEmpty
        var stop = false
        for script in options.scripts + options.interactiveScripts where !stop {
            do {
                let outcome = try shell.runScript(path: script)
                failed += outcome.failed
                stop = outcome.quit || outcome.bailed
            } catch {
                shell.reportError("\(error)", at: nil)
                failed += 1
                stop = options.bail
            }
        }
        for (i, command) in options.commands.enumerated() where !stop {
            let outcome = shell.runLines([command], source: "-c[\(i + 1)]")
            failed += outcome.failed
            stop = outcome.quit || outcome.bailed
        }
        if !batch && !shell.quitRequested {
            if shell.terminal.stdinIsTTY {
                let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/state"
                Repl.run(shell: shell, historyPath: "\(state)/lede/history")
            } else {
                failed += shell.runLines(AnyIterator { readLine(strippingNewline: true) }, source: "<stdin>").failed
            }
        }
        if shell.outputClosed { failed += 1 }
        if let savePath = options.savePath {
            do { _ = try shell.engine.save(SaveRequest(file: savePath, path: shell.resolvePath(savePath))) }
            catch { shell.reportError("\(error)", at: nil); failed += 1 }
        }
        shell.engine.closeArchive()
        fflush(nil)
        exit(failed > 0 ? 1 : 0)
    }
}

extension Shell {
    /// `lede --archive FILE`: the archive opened before anything runs, quietly (a cron job prints only what its
    /// commands print); a refusal is one error line.
    func openArchive(atLaunch file: String) -> Bool {
        let progress = output().progressLine()
        defer { progress?.finish() }
        do {
            let report = try engine.archive(ArchiveRequest(action: .open(file: file, path: resolvePath(file)), force: true),
                                            progress: progress.map { line in { @Sendable p in
                                                line.update(p.done, 0, p.total, phase: p.phase == .loading ? "reading" : "tokenising") } })
            for w in report.warnings { warn(w) }
            return true
        } catch {
            reportError("\(error)", at: nil)
            return false
        }
    }
}
