import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The interactive shell through a pseudo-terminal: prompt, completion, history, editing, Ctrl-C, Ctrl-D.
@Suite(.serialized) final class InteractiveTests {
    let home = Lede.temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: home) }

    func start(_ extra: [String] = [], env: [String: String] = [:]) throws -> PseudoTerminal {
        var environment = Lede.environment(home: home, extra: ["TERM": "xterm"])
        for (k, v) in env { environment[k] = v }
        let pty = try PseudoTerminal(arguments: ["--no-init"] + extra, environment: environment)
        try pty.expect("lede> ", "(the prompt)")
        return pty
    }

    @Test func promptAndACommand() throws {
        let pty = try start()
        try pty.type("help\r")
        try pty.expect("what it does")
        try pty.expect("lede> ")
        try pty.type("quit\r")
        #expect(pty.waitForExit() == 0)
    }

    @Test func tabCompletesVerbsOptionsAndArticles() throws {
        let pty = try start(["-i", Lede.samples + "/load.lede"])
        // A unique verb completes with a trailing space (libedit redraws, so check the effect).
        try pty.type("hel\tloa\t\r")
        try pty.expect("USAGE: load", "help load after two completions")
        try pty.expect("lede> ")
        // An ambiguous prefix lists the candidates.
        try pty.type("s\t")
        let listing = try pty.expect("source")
        #expect(listing.contains("save") && listing.contains("show") && listing.contains("set"))
        pty.send("\u{15}")   // Ctrl-U: clear the line
        // Article names complete where a selector goes; options of the verb after '-'.
        try pty.type("show fi\t@1 --me\t\r")
        try pty.expect("1 of 2")
        try pty.expect("lede> ")
        // File paths after load.
        try pty.type("load \(Lede.samples)/cup-f\t\r")
        try pty.expect("unchanged")
    }

    @Test func historyRecallPersistenceAndMode() throws {
        do {
            let pty = try start()
            try pty.type("help list\r")
            try pty.expect("USAGE: list")
            try pty.expect("lede> ")
            try pty.type("help list\r")      // a consecutive duplicate: stored once
            try pty.expect("USAGE: list")
            try pty.expect("lede> ")
            try pty.type("\u{1B}[A\r")       // up arrow recalls it
            try pty.expect("USAGE: list", "after the up arrow")
            try pty.type("history\r")
            let shown = try pty.expect("history\r\n")
            _ = shown
            try pty.expect("lede> ")
            try pty.type("quit\r")
            #expect(pty.waitForExit() == 0)
        }
        let file = home + "/state/lede/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        #expect(stored.hasPrefix("_HiStOrY_V2_"))
        #expect(stored.components(separatedBy: "help\\040list").count == 2, "consecutive duplicates dropped: \(stored)")
        // A new session recalls the previous one's history.
        let pty = try start()
        try pty.type("\u{1B}[A\u{1B}[A\r")
        try pty.expect("history", "recalled from the history file")
    }

    @Test func editsUTF8AndCJK() throws {
        let pty = try start(["-i", Lede.samples + "/load.lede"])
        // Type, then move left over a Latin accent and the space, insert inside a CJK word.
        try pty.type("show 京ICP备 café")
        try pty.type("\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D")   // five times left: before the space
        try pty.type("X")
        try pty.type("\u{01}\u{1B}[C\u{1B}[C\u{1B}[C\u{1B}[C\u{1B}[C")  // Ctrl-A, then right past 'show '
        try pty.type("\u{04}")                                   // Ctrl-D deletes 京 under the cursor
        try pty.type("中\r")
        try pty.expect("no article matches '中ICP备X'")
        try pty.expect("lede> ")
        try pty.type("history -g café\r")
        try pty.expect("show 中ICP备X café")
    }

    @Test func ctrlCClearsTheLineAndCancelsACommand() throws {
        // Enough files that loading them takes well over the half second before the progress line shows.
        let corpus = Lede.temporaryDirectory()
        let body = String(repeating: "The council met on Tuesday to discuss the harbour budget. ", count: 20)
        for i in 0..<6_000 {
            _ = FileManager.default.createFile(atPath: "\(corpus)/\(i).txt", contents: Data("Title \(i)\n\n\(body)\n".utf8))
        }
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        let pty = try start(["-i", Lede.samples + "/load.lede"])
        try pty.type("this line is abandoned\u{03}")
        try pty.expect("lede> ", "a fresh prompt after Ctrl-C on a line")
        try pty.type("load \(corpus)\r")
        try pty.expect("\r\u{1B}[K", "the progress line of a long load")
        pty.send("\u{03}")
        try pty.expect("cancelled")
        try pty.expect("lede> ")
        // After Ctrl-C the terminal may discard pending output: probe with a fresh command.
        try pty.type("list\r")
        try pty.expect("5 articles", "the workspace is intact and nothing of the cancelled load was added")
    }

    @Test func ctrlDAsksOnceWhenUnsavedThenRestoresTheTerminal() throws {
        let pty = try start(["-i", Lede.samples + "/load.lede"])
        try pty.type("\u{04}")
        try pty.expect("not saved")
        try pty.expect("lede> ")
        try pty.type("\u{04}")
        #expect(pty.waitForExit() == 0)
        #expect(pty.isCanonical && pty.echoes, "terminal back in cooked mode with echo")
    }

    @Test func pagerOnlyForOutputTallerThanTheScreen() throws {
        var environment = Lede.environment(home: home, extra: ["TERM": "xterm", "PAGER": "sed -e s/^/PAGED:/"])
        environment["NO_COLOR"] = "1"
        let pty = try PseudoTerminal(arguments: ["--no-init"], environment: environment, columns: 100, rows: 12)
        try pty.expect("lede> ")
        try pty.type("set timer off\r")           // one line: fits, no pager
        let short = try pty.expect("timer")
        #expect(!short.contains("PAGED:"))
        try pty.expect("lede> ")
        try pty.type("help\r")                    // taller than 12 rows: through $PAGER
        try pty.expect("PAGED:command")
        try pty.expect("lede> ")
        try pty.type("set pager off\r")
        try pty.expect("lede> ")
        try pty.type("help\r")
        let unpaged = try pty.expect("what it does")
        #expect(!unpaged.contains("PAGED:"))
    }

    @Test func colourUnlessNoColor() throws {
        var environment = Lede.environment(home: home, extra: ["TERM": "xterm"])
        environment.removeValue(forKey: "NO_COLOR")
        let coloured = try PseudoTerminal(arguments: ["--no-init"], environment: environment)
        try coloured.expect("lede>")
        try coloured.type("set\r")
        try coloured.expect("\u{1B}[2mformat", "dim setting names in colour")
        let plain = try start()
        try plain.type("set\r")
        let text = try plain.expect("timer")
        #expect(!text.contains("\u{1B}[2m") && !text.contains("\u{1B}[1m"))
    }

    @Test func tablesFitANarrowTerminal() throws {
        let pty = try PseudoTerminal(arguments: ["--no-init", "-i", Lede.samples + "/load.lede"],
                                     environment: Lede.environment(home: home, extra: ["TERM": "xterm"]), columns: 60, rows: 40)
        try pty.expect("lede> ")
        try pty.type("list\r")
        let table = try pty.expect("5 articles")
        let lines = table.components(separatedBy: "\r\n").filter { $0.hasPrefix("a") && $0.count > 3 }
        #expect(lines.count == 5)
        for line in lines { #expect(line.count <= 60, "\(line)") }
        #expect(table.contains("…"))
    }

    @Test func ctrlDExitsAtOnceWithNothingUnsaved() throws {
        let pty = try start()
        try pty.type("\u{04}")
        #expect(pty.waitForExit() == 0)
    }
}
