import Foundation
import Testing

/// Inputs that crashed or hung lede when it was probed from outside (issue 17). Each must now end in one
/// clear error line, exit status 1, and never a signal.
@Suite struct FaultRegressionTests {
    static let load = "source \(Lede.samples)/load.lede"

    /// Runs the samples plus `command`; returns (status, stderr).
    func afterSamples(_ command: String) throws -> Lede.Run {
        try Lede.run(["--no-init", "-c", Self.load, "-c", command])
    }

    @Test(arguments: [
        ("keywords --top 9223372036854775807", "--top 9223372036854775807: give 1 to 1000000"),
        ("keywords --tfidf --top 9223372036854775807", "--top 9223372036854775807: give 1 to 1000000"),
        ("keywords --min-count 4294967295", "--min-count 4294967295: give 1 to 2147483647"),
        ("collocations said --top 9223372036854775807", "--top 9223372036854775807: give 1 to 1000000"),
        ("keyness talks@2 --vs talks@1 --top 9223372036854775807", "--top 9223372036854775807: give 1 to 1000000"),
        ("diff talks --unified --context 9223372036854775807", "--context 9223372036854775807: give 0 to 1000"),
        ("diff talks --side-by-side --width 9223372036854775807", "--width 9223372036854775807: give 40 to 1000"),
        ("load x.txt --max-size 9000000000000", "--max-size 9000000000000: give 1 to 4095"),
        ("load x.json --field text=", "--field takes NAME=JSONFIELD, got 'text='"),
        ("load x.json --field =x", "--field takes NAME=JSONFIELD, got '=x'"),
        ("load x.json --field =", "--field takes NAME=JSONFIELD, got '='"),
        ("topics --alpha nan", "--alpha nan: give a positive number"),
    ])
    func outOfRangeOptionsAreOneLine(command: String, message: String) throws {
        let r = try afterSamples(command)
        #expect(r.status == 1, "\(command): status \(r.status)")
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(message), "\(command): \(r.err)")
    }

    /// libxml2 printed "encoding error : input conversion failed…" and "I/O error" lines of its own for a page
    /// with a byte its declared charset does not allow (from worker threads too), and the page was lost.
    @Test func libxml2PrintsNothingAndTheBadCharsetPageLoads() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = Array("The council met on Tuesday to discuss the harbour budget, and members voted for it.".utf8)
        for k in 0..<4 {
            let page = Array("<html><head><meta charset=\"shift_jis\"><title>Page \(k)</title></head><body><article><p>".utf8)
                + [0x41, 0x81, 0x20] + text + Array("</p></article></body></html>".utf8)
            try Data(page).write(to: URL(fileURLWithPath: dir + "/page\(k).html"))
        }
        let r = try Lede.run(["--no-init", "-c", "load \(dir)", "-c", "list"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.err.contains("encoding error") && !r.err.contains("I/O error"), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains("invalid shift_jis"), "\(r.err)")
        #expect(r.out.contains("4 articles"), "\(r.out)")
    }

    @Test func largeButAllowedValuesWork() throws {
        let r = try afterSamples("keywords --top 1000000 --min-count 2147483647")
        #expect(r.status == 0, "\(r.err)")
    }

    @Test func aClosedOutputPipeEndsTheRunWithoutACrash() throws {
        // SIGPIPE ignored, as under systemd: writes to the closed pipe fail with EPIPE instead of killing lede. The
        // output (about 250 KB) is larger than a pipe's buffer, so lede is still writing when `head` has gone.
        let script = "trap '' PIPE; \"$0\" --no-init -c 'load \(Lede.samples)' \(String(repeating: "-c 'show all' ", count: 20))| head -c 1 > /dev/null; exit ${PIPESTATUS[0]}"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script, Lede.binary]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 1, "status \(p.terminationStatus)")
    }

    @Test func sessionFilesWithImpossibleArticlesAreRefused() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func session(_ articles: String, formatVersion: Int = 1) -> String {
            """
            {"formatVersion":\(formatVersion),"ledeVersion":"0","createdAt":"2026-01-01T00:00:00Z","settings":{},"articles":[\(articles)],"log":[]}
            """
        }
        func article(_ id: String, versions: String? = nil) -> String {
            let v = versions ?? """
            [{"number":1,"sourcePath":"x.txt","format":"text","metadata":{},"contentHash":"0123456789abcdef","loadedAt":"2026-01-01T00:00:00Z","words":2,"paragraphs":1,"text":["hello world"]}]
            """
            return "{\"id\":\"\(id)\",\"tags\":[],\"versions\":\(v)}"
        }
        let cases: [(String, String)] = [
            (session(article("a9223372036854775806")), "articles[0].id is not an article id"),
            (session(article("a9223372036854775807")), "articles[0].id is not an article id"),
            (session(article("") ), "articles[0].id: '' does not match ^a[0-9]+$"),
            (session(article("a-3")), "articles[0].id: 'a-3' does not match ^a[0-9]+$"),
            (session(article("a1") + "," + article("a1")), "articles[1].id a1 appears twice"),
            (session(article("a1", versions: "[]")), "articles[0].versions has 0 items; at least 1 expected"),
            (session(article("a1"), formatVersion: 0), "formatVersion 0 is not a version lede wrote"),
            (session(article("a1"), formatVersion: -7), "formatVersion -7 is not a version lede wrote"),
        ]
        for (k, (text, message)) in cases.enumerated() {
            let path = dir + "/s\(k).json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let r = try Lede.run(["--no-init", "-c", "open \(path)", "-c", "load \(Lede.samples)/cup-final.txt", "-c", "list"])
            #expect(r.status == 1)
            #expect(r.err.split(separator: "\n").count == 1 && r.err.contains(message), "case \(k): \(r.err)")
            #expect(r.out.contains(" a1 ") || r.out.contains("a1  "), "the session went on: \(r.out)")
        }
    }

    @Test func aLineOfFortyThousandWordsIsRefusedAtOnce() throws {
        let line = "list " + Array(repeating: "a1", count: 40_000).joined(separator: " ")
        let r = try Lede.run(["--no-init", "-c", line, "-c", "help"])
        #expect(r.status == 1)
        #expect(r.err.contains("the line has 40001 words; a command takes at most 4096"), "\(r.err)")
        #expect(r.out.contains("what it does"), "the next command still ran")
    }

    @Test func aMixedHTMLFolderLoadsWithoutDeadlock() throws {
        // Parallel first use of libxml2 without xmlInitParser deadlocked in about 1 % of fresh processes.
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = { (n: Int) in "<html><head><title>Story \(n)</title></head><body><article><p>"
            + String(repeating: "The council met on Tuesday to discuss the harbour and the budget for next year. ", count: 6)
            + "</p></article></body></html>" }
        for n in 0..<2 { try page(n).write(toFile: dir + "/p\(n).html", atomically: true, encoding: .utf8) }
        for n in 2..<4 {
            try page(n).write(toFile: dir + "/p\(n).html", atomically: true, encoding: .utf8)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-f", dir + "/p\(n).html"]
            try gzip.run(); gzip.waitUntilExit()
        }
        let runs = 500
        let hung = Hangs()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for _ in stride(from: worker, to: runs, by: 2) {
                if !Lede.finishes(["--no-init", "-c", "load \(dir)"], within: 30) { hung.add() }
            }
        }
        #expect(hung.count == 0, "\(hung.count) of \(runs) loads hung")
    }
}

private final class Hangs: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return n }
}

extension Lede {
    /// Runs lede with output discarded; false when it was still running after `seconds` (it is then killed).
    static func finishes(_ args: [String], within seconds: Double) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { usleep(2_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit(); return false }
        return true
    }
}
