import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Escape sequences hidden in article text, titles, sources, bylines, folder names (labels), file names and article
/// names reach the terminal only as visible characters: through every command that prints them, in every format,
/// in errors, in `set echo on`, in the TAB completion list, and in `--json`.
@Suite(.serialized) final class HostileTextTests {
    /// OSC 0 (window title), OSC 52 (clipboard write), ESC[2J (clear screen), C1 CSI (U+009B) and a bidi override.
    static let hostile = "X\u{1B}]0;TITLE\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J\u{9B}31m\u{202E}Y"
    /// Byte sequences that must never reach the terminal from data.
    static let forbidden: [(String, [UInt8])] = [
        ("OSC", [0x1B, 0x5D]), ("ESC[2J", Array("\u{1B}[2J".utf8)), ("C1 CSI", [0xC2, 0x9B]),
        ("RIGHT-TO-LEFT OVERRIDE", [0xE2, 0x80, 0xAE]), ("BEL", [0x07]),
    ]

    let dir = Lede.temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Two labelled folders of text dumps (hostile folder and file names, titles, sources, bodies) and JSONL
    /// records with hostile titles, sources and bylines.
    func makeCorpus() throws {
        let h = Self.hostile
        let politics = ["The harbour fire burned for hours near the docks and the council met on Tuesday to discuss the damage and the budget.",
                        "Firefighters said the blaze started in a warehouse \(h) and spread to two ships before it was brought under control.",
                        "Residents were told to keep their windows closed while the smoke cleared over the harbour and the old town."]
        let sport = ["The Rovers won the cup final on Sunday after a late penalty in the last minute of a tense match \(h) at the stadium.",
                     "The coach praised his players and said the team had waited many years for a trophy like this one.",
                     "About sixty thousand fans watched the match and celebrated in the streets of the city until late at night."]
        for (label, paragraphs) in [(h + "politics", politics), ("sport" + h, sport)] {
            let folder = dir + "/corpus/" + label
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for i in 0..<4 {
                let text = "Headline \(h) number \(i)\n  ·  2026-03-08  ·   Source: Wire \(h)\n\n"
                    + paragraphs.enumerated().map { "\($0.element) Extra words \(i * $0.offset)." }.joined(separator: "\n\n") + "\n"
                try text.write(toFile: folder + "/\(h)\(i).txt", atomically: false, encoding: .utf8)
            }
        }
        var lines: [String] = []
        for i in 0..<6 {
            let record: [String: String] = ["title": "T\(h)\(i)", "text": (i % 2 == 0 ? sport : politics).joined(separator: " "),
                                            "source": "src\(h)\(i % 2)", "author": h]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/recs.jsonl", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/named", withIntermediateDirectories: true)
        for i in 0..<2 { try "\(politics[0])\n".write(toFile: dir + "/named/\(h)\(i).txt", atomically: false, encoding: .utf8) }
    }

    /// Every command that prints article text, names, labels or paths, and errors that quote them.
    func script(format: String) -> String {
        let h = Self.hostile
        return """
        set format \(format)
        set echo on
        load corpus
        load recs.jsonl
        load "corpus/\(h)politics/\(h)0.txt" "corpus/\(h)politics/\(h)1.txt" --as "\(h)name"
        list
        show a1 --meta
        show a1 --blocks
        show "\(h)name@2"
        stats
        sentences a1
        keywords
        kwic harbour
        collocations harbour
        keyness a1 a2 --vs a3 a4
        tag all
        train m all --label-from folder --force
        evaluate m --folds 2
        train m2 all --label-from field:source --force
        evaluate m2 --folds 2
        train m3 all --label-from field:author
        topics --k 2 --label-from folder
        versions
        diff "\(h)name"
        diff "\(h)name" --unified
        diff "\(h)name" --side-by-side
        diff "\(h)name" --json
        similar all
        history
        load "\(h)missing.txt"
        \(h)verb
        show "\(h)"
        set format "\(h)"
        export "out/\(h)-\(format).jsonl"
        export "out/\(h)-\(format)"
        save "out/\(h)-\(format).json"
        open "out/\(h)-\(format).json"
        list

        """
    }

    static func problems(in bytes: [UInt8]) -> [String] {
        var out: [String] = []
        for (name, needle) in forbidden {
            guard bytes.count >= needle.count else { continue }
            for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle {
                let context = String(decoding: bytes[max(0, i - 80)..<min(bytes.count, i + 20)], as: UTF8.self)
                out.append("\(name) at byte \(i): …\(context.debugDescription)…")
                break
            }
        }
        return out
    }

    @Test func escapesReachThePseudoTerminalOnlyAsVisibleCharacters() throws {
        try makeCorpus()
        let scriptPath = dir + "/hostile.lede"
        try ["table", "plain", "csv", "json"].map(script(format:)).joined().write(toFile: scriptPath, atomically: false, encoding: .utf8)
        var environment = Lede.environment(home: dir + "/home", extra: ["TERM": "xterm"])
        environment["PWD"] = dir
        let pty = try PseudoTerminal(arguments: ["--no-init", "-i", scriptPath], environment: environment, columns: 300)
        try pty.expect("lede> ", timeout: 120, "(the prompt after the script)")
        // Completion lists: selectors (a name with escapes is refused by `load --as`, so ids), then folder and file names.
        try pty.type("show \t")
        try pty.expect("a14", "(the selector list)")
        pty.send("\u{15}")
        try pty.type("load \(dir)/corpus/\t")
        try pty.expect("politics", "(the folder list)")
        pty.send("\u{15}")
        try pty.type("load \(dir)/named/\t\t")
        try pty.expect("1.txt", "(the file list)")
        // A unique name with escapes is not typed into the line: its safe part is, and it is listed.
        pty.send("\u{15}")
        try pty.type("load \(dir)/corpus/sp\t")
        try pty.expect("sportX␛]0;TITLE", "(the unique folder, listed)")
        pty.send("\u{15}")
        try pty.type("quit\r")
        if pty.waitForExit(timeout: 5) == nil {
            try pty.type("quit\r")    // quit asks once when results are unsaved
            _ = pty.waitForExit()
        }
        let problems = Self.problems(in: pty.output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let screen = String(decoding: pty.output, as: UTF8.self)
        // The text was shown, made visible: every kind of output carried it.
        let visible = "X␛]0;TITLE␇␛]52;c;cHduZWQ=␇␛[2J"
        #expect(screen.contains(visible))
        for mark in ["confusion matrix", "true \\ predicted", "\(visible)", "hostile.lede:", "unknown command 'X␛]0;TITLE"] {
            #expect(screen.contains(mark), "missing \(mark.debugDescription)")
        }
    }

    @Test func jsonLinesEscapeC1AndBidiControls() throws {
        try makeCorpus()
        let r = try Lede.run(["--no-init", "--json", "-c", "load \(dir)/corpus \(dir)/recs.jsonl", "-c", "show all --meta",
                              "-c", "list", "-c", "train m all --label-from folder", "-c", "evaluate m --folds 2"])
        #expect(r.status == 0, "\(r.err)")
        let problems = Self.problems(in: Array(r.out.utf8)) + Self.problems(in: Array(r.err.utf8))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(r.out.contains("\\u009b31m\\u202eY"), "C1 and bidi characters escaped, not dropped")
        // Still the same data: every line decodes, with the characters in it.
        for line in r.out.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(object is [String: Any])
        }
        #expect(r.out.split(separator: "\n").contains { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))).map { "\($0)".contains("\u{9B}31m\u{202E}Y") } ?? false
        })
    }
}
