import Foundation
import Testing
import LedeSession
@testable import LedeEngine

/// `export` writes one file per version whatever the names are, never a hidden one, never past the file system's
/// name limit, and never over something that is not a regular file (issue 17).
@Suite final class ExportFaultTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "lede-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// An article text whose words depend on `n`, so each load is a new version.
    func story(_ n: Int) -> String {
        "Story \(n)\n\nThe council met on Tuesday to discuss item number \(n) of the harbour budget at great length. "
            + "Members said item \(n) would be decided next week after a vote in the chamber.\n"
    }

    func engineWithCollidingNames() throws -> Engine {
        let engine = Engine()
        var n = 0
        func load(_ name: String?, versions: Int) throws {
            for _ in 0..<versions {
                n += 1
                let path = dir + "/in/\(n).txt"
                try story(n).write(toFile: path, atomically: false, encoding: .utf8)
                let report = try engine.load(LoadRequest(paths: [path], name: name))
                #expect(report.errors.isEmpty)
            }
        }
        try load("talks", versions: 3)                 // talks@1, @2, @3
        try load("Talks", versions: 1)                 // the same file name where case is ignored
        try load("a/b", versions: 1)                   // a_b
        try load("a_b", versions: 1)
        try load(".", versions: 1)                     // would be the hidden ".txt"
        try load("..", versions: 1)
        try load(String(repeating: "n", count: 300), versions: 1)
        return engine
    }

    @Test func everyVersionGetsItsOwnVisibleFile() throws {
        let engine = try engineWithCollidingNames()
        let out = dir + "/out"
        let report = try engine.export(ExportRequest(destination: "out", path: out, selectors: ["talks@all", "all"]))
        #expect(report.articles == 9)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.count == 9, "\(files)")
        #expect(files.allSatisfy { !$0.hasPrefix(".") && $0.hasSuffix(".txt") && $0.utf8.count <= 255 }, "\(files)")
        #expect(Set(files.map { $0.lowercased() }).count == 9)
        #expect(files.contains("talks@1.txt") && files.contains("talks@3.txt") && files.contains("Talks.txt"))
        #expect(files.contains("a_b.txt") && files.contains("a_b-2.txt"))
        #expect(files.contains(String(repeating: "n", count: ExportFaultTests.maxNameBytes) + ".txt"))
        // Every text is there once.
        let bodies = try files.map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }
        for n in 1...9 { #expect(bodies.filter { $0.contains("item number \(n) of") }.count == 1, "story \(n)") }
    }

    static var maxNameBytes: Int { 200 }

    @Test func fileNamesAreSettledBeforeAnyIsWritten() {
        let records = ["x", "X", "x", "", "...", "/", String(repeating: "é", count: 150)].enumerated().map { i, name in
            ExportRecord(id: "a\(i + 1)", name: name.isEmpty ? nil : name, version: 1, title: nil, published: nil, modified: nil,
                         source: nil, author: nil, url: nil, language: nil, path: "", text: "")
        }
        let names = Engine.textFileNames(records, multipleVersions: [])
        #expect(names == ["x.txt", "X-2.txt", "x-3.txt", "a4.txt", "a5.txt", "_.txt", String(repeating: "é", count: 100) + ".txt"])
    }

    @Test func nonRegularTargetsAreRefused() throws {
        let engine = try engineWithCollidingNames()
        try "precious".write(toFile: dir + "/real.jsonl", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.jsonl", withDestinationPath: dir + "/real.jsonl")
        #expect(throws: EngineError("\(dir)/link.jsonl: cannot write (is a symbolic link, not a regular file; left as it is)")) {
            _ = try engine.export(ExportRequest(destination: "link.jsonl", path: dir + "/link.jsonl", force: true))
        }
        #expect(try String(contentsOfFile: dir + "/real.jsonl", encoding: .utf8) == "precious")
        // A text export onto a file.
        #expect(throws: EngineError("real.txt is a file; text export writes a folder (name a folder, or use --format)")) {
            try "x".write(toFile: self.dir + "/real.txt", atomically: false, encoding: .utf8)
            _ = try engine.export(ExportRequest(destination: "real.txt", path: self.dir + "/real.txt", format: .text, force: true))
        }
    }
}
