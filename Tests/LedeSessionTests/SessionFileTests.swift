import Foundation
import Testing
import LedeArticles
@testable import LedeSession

@Suite final class SessionFileTests {
    let dir: String = {
        let d = NSTemporaryDirectory() + "lede-session-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func sample() -> (Workspace, ResultLog, Settings) {
        let w = Workspace()
        w.add(document("Talks began in Tunxi.\n\nBoth sides pledged ties.", title: "Talks"), name: "talks")
        w.add(document("Talks began in Tunxi.\n\nBoth sides pledged closer ties."), name: "talks")
        w.add(document("Rates held at 3.5%.", source: "Wire"))
        w.article(id: "a2")!.tags = ["economy"]
        let log = ResultLog()
        log.append(LogEntry(command: "stats a1", startedAt: Date(timeIntervalSince1970: 1_700_000_000), durationMs: 1.5,
                            status: .ok, result: .object(["words": .number(9), "title": .string("Talks")])))
        log.append(LogEntry(command: "show a9", startedAt: Date(timeIntervalSince1970: 1_700_000_001), durationMs: 0.1,
                            status: .error, error: "no article matches 'a9'"))
        var settings = Settings()
        settings.format = .csv
        return (w, log, settings)
    }

    @Test func roundTripWithText() throws {
        let (w, log, settings) = sample()
        let path = dir + "/s.json"
        try SessionFile.write(SessionFile.document(workspace: w, log: log, settings: settings, withText: true, ledeVersion: "t"), to: path)
        let doc = try SessionFile.read(path)
        #expect(doc.formatVersion == SessionDocument.currentFormatVersion)
        #expect(doc.settings == settings)
        #expect(doc.log == log.entries)
        #expect(doc.articles.map(\.id) == ["a1", "a2"])
        #expect(doc.articles[0].versions.count == 2)
        #expect(doc.articles[0].versions[1].text == ["Talks began in Tunxi.", "Both sides pledged closer ties."])
        #expect(doc.articles[1].tags == ["economy"])
        #expect(doc.articles[0].versions[0].contentHash == w.articles[0].versions[0].contentHash)
    }

    @Test func withoutTextKeepsNoBodies() throws {
        let (w, log, settings) = sample()
        let path = dir + "/s.json"
        try SessionFile.write(SessionFile.document(workspace: w, log: log, settings: settings, withText: false, ledeVersion: "t"), to: path)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!raw.contains("pledged closer"))
        #expect(raw.contains("\"formatVersion\" : 1"))
    }

    @Test func malformedFilesAreRefusedWithOneLine() throws {
        let cases: [(String, String)] = [
            ("not json", "not a JSON object"),
            ("[1,2]", "not a JSON object"),
            ("{\"articles\": []}", "no formatVersion"),
            ("{\"formatVersion\": 1, \"ledeVersion\": \"x\"}", "createdAt is missing"),
            ("{\"formatVersion\": 1, \"ledeVersion\": \"x\", \"createdAt\": \"2026-01-01T00:00:00Z\", \"settings\": {}, \"articles\": 3, \"log\": []}", "articles: 3 is not an array"),
        ]
        for (i, (text, expected)) in cases.enumerated() {
            let path = dir + "/bad\(i).json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try SessionFile.read(path)
                Issue.record("accepted malformed file \(text)")
            } catch {
                let message = "\(error)"
                #expect(message.contains(expected), "\(message)")
                #expect(message.hasPrefix(path))
                #expect(!message.contains("\n"))
            }
        }
    }

    @Test func newerFormatIsRefused() throws {
        let path = dir + "/new.json"
        try "{\"formatVersion\": 99}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try SessionFile.read(path) }
        do { _ = try SessionFile.read(path) } catch { #expect("\(error)".contains("session format 99 is newer")) }
    }

    @Test func atomicWriteLeavesNoTemporaryFile() throws {
        let path = dir + "/a.json"
        try AtomicFile.write(Data("one".utf8), to: path)
        try AtomicFile.write(Data("two".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.json"])
        #expect(throws: SessionFileError.self) { try AtomicFile.write(Data("x".utf8), to: dir + "/missing/a.json") }
    }

    @Test func settingsValidation() throws {
        var s = Settings()
        try s.set("FORMAT", "JSON")
        #expect(s.format == .json)
        try s.set("bail", "on")
        #expect(s.bail)
        #expect(throws: Settings.SettingError.self) { try s.set("pager", "on") }
        #expect(throws: Settings.SettingError.self) { try s.set("nope", "on") }
    }
}
