import Foundation
@testable import LedeShell
import LedeSession
#if canImport(Glibc)
import Glibc
#endif

/// The command language: each input is up to three lines run through the shell's parser and dispatcher, against a
/// workspace preloaded with the sample articles (two of them with two versions, one JSONL and one HTML file, tags
/// and a trained model), in a sandbox folder. Paths may only be relative and inside the sandbox (words starting
/// with `/` or holding `~` or `..` are skipped), so `save`, `export`, `> FILE` and `load` stay there.
/// Files an input wrote are removed before the next; the session is built again after an input that changed the
/// number of articles or versions (or replaced a sandbox file), and every 500 inputs. Tags, models and settings
/// may carry over between builds (a build costs ~40 inputs), so a finding that does not show alone is replayed
/// with the inputs before it.
final class CommandsTarget: FuzzTarget {
    let sandbox: String
    /// The sandbox's own files and their inodes (a write that replaced one restores the sandbox).
    private var initial: [String: ino_t] = [:]
    private var shell: Shell
    private var runsSinceBuild = 0
    private var dirty = false

    /// Lines run per input: few, so that the fuzzer runs many inputs (the batch fuzzer runs long scripts).
    static let maxLines = 3

    /// Articles and versions right after a build: an input that changed them makes the next input build again.
    private var baseline = (articles: 0, versions: 0)
    /// An input wrote files (save, export, a redirect): they are removed before the next input.
    private var wroteFiles = false

    init() {
        sandbox = NSTemporaryDirectory() + "lede-fuzz-commands-\(getpid())"
        shell = Shell(terminal: Terminal(stdinIsTTY: false, stdoutIsTTY: false, environment: [:]))
        makeSandbox()
        shell = Self.build()
        baseline = shape()
    }

    private func shape() -> (articles: Int, versions: Int) {
        (shell.workspace.articles.count, shell.workspace.articles.reduce(0) { $0 + $1.versions.count })
    }

    /// The sample articles (from the repository), a JSONL file, an HTML page, a script and a taxonomy.
    private func makeSandbox() {
        try? FileManager.default.removeItem(atPath: sandbox)
        let fm = FileManager.default
        try? fm.createDirectory(atPath: sandbox + "/news/world", withIntermediateDirectories: true)
        try? fm.createDirectory(atPath: sandbox + "/news/local", withIntermediateDirectories: true)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/samples").path
        for (name, folder) in [("talks-v1.txt", "world"), ("talks-v2.txt", "world"), ("central-bank-rates.txt", "world"),
                               ("chip-plant.txt", "world"), ("harbour-fire-0900.txt", "local"), ("harbour-fire-1400.txt", "local"),
                               ("cup-final.txt", "local")] {
            try? fm.copyItem(atPath: samples + "/" + name, toPath: sandbox + "/news/\(folder)/" + name)
        }
        let records = (0..<4).map { i in
            "{\"title\": \"Record \(i)\", \"text\": \"The council met on Tuesday to discuss item \(i) of the harbour budget. Members voted for it.\", \"source\": \"Wire \(i % 2)\", \"date\": \"2026-03-0\(i + 1)\"}"
        }
        try? records.joined(separator: "\n").write(toFile: sandbox + "/records.jsonl", atomically: false, encoding: .utf8)
        try? "<html><head><title>Harbour page</title></head><body><nav>Home | News</nav><article><p>The fire at the harbour burned for hours near the docks, and the council met on Tuesday to discuss the damage.</p></article></body></html>"
            .write(toFile: sandbox + "/page.html", atomically: false, encoding: .utf8)
        try? "list\nstats a1\nkeywords --top 5\n".write(toFile: sandbox + "/script.lede", atomically: false, encoding: .utf8)
        try? #"{"format": "lede-taxonomy", "version": 1, "name": "beats", "topics": [{"code": "FIRE", "terms": {"fire": 2, "harbour": 1}}, {"code": "MONEY", "terms": {"rates": 2, "bank": 2}}]}"#
            .write(toFile: sandbox + "/beats.json", atomically: false, encoding: .utf8)
        _ = FileManager.default.changeCurrentDirectoryPath(sandbox)
        initial = [:]
        if let walker = fm.enumerator(atPath: sandbox) {
            for case let path as String in walker {
                var info = stat()
                if lstat(sandbox + "/" + path, &info) == 0 { initial[path] = info.st_ino }
            }
        }
    }

    static let setup = [
        "load news/world/talks-v1.txt news/world/talks-v2.txt --as talks",
        "load news/local/harbour-fire-0900.txt news/local/harbour-fire-1400.txt --as fire",
        "load news records.jsonl page.html",
        "tag all --taxonomy beats.json",      // the built-in taxonomy costs more to set up than most inputs
        "train model all --label-from folder",
    ]

    static func build() -> Shell {
        let shell = Shell(terminal: Terminal(stdinIsTTY: false, stdoutIsTTY: false, environment: ["PAGER": "", "NO_COLOR": "1"]))
        shell.writeOut = { _ in }
        shell.writeErr = { _ in }
        for line in setup { shell.run(line) }
        return shell
    }

    /// Words that would reach outside the sandbox.
    static func leavesSandbox(_ word: String) -> Bool {
        word.hasPrefix("/") || word.contains("~") || word.contains("..") || word.contains("=/")
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        if wroteFiles {
            if restoreSandbox() { dirty = true }
            wroteFiles = false
        }
        if dirty || runsSinceBuild >= 500 {
            shell = Self.build()
            baseline = shape()
            runsSinceBuild = 0
            dirty = false
        }
        runsSinceBuild += 1
        shell.settings = Settings()
        // The log would grow with every input, and `save` writes all of it.
        shell.log.replace(with: [])
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(Self.maxLines) {
            let line = String(line)
            guard let parsed = try? LineSyntax.split(line) else { shell.run(line); continue }
            if parsed.words.contains(where: Self.leavesSandbox) { continue }
            if let redirect = parsed.redirect, Self.leavesSandbox(redirect.path) { continue }
            if parsed.redirect != nil || parsed.words.contains(where: { ["save", "export", "--save", "--export-counts", "source", "."].contains($0.lowercased()) }) {
                wroteFiles = true
            }
            shell.run(line)
            shell.quitRequested = false
        }
        let now = shape()
        if now.articles != baseline.articles || now.versions != baseline.versions { dirty = true }
    }

    /// Removes what inputs wrote; makes the sandbox again when one of its files was replaced (then true: the session
    /// must be built again from the fresh files).
    private func restoreSandbox() -> Bool {
        var replaced = false
        for (path, inode) in initial {
            var info = stat()
            if lstat(sandbox + "/" + path, &info) != 0 || info.st_ino != inode { replaced = true; break }
        }
        if replaced {
            makeSandbox()
            return true
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sandbox)) ?? [] where initial[name] == nil {
            try? FileManager.default.removeItem(atPath: sandbox + "/" + name)
        }
        for folder in ["news", "news/world", "news/local"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: sandbox + "/" + folder)) ?? [] where initial[folder + "/" + name] == nil {
                try? FileManager.default.removeItem(atPath: sandbox + "/" + folder + "/" + name)
            }
        }
        return false
    }
}
