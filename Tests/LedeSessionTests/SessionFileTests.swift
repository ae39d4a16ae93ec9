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

    @Test func roundTrip() throws {
        let (w, log, settings) = sample()
        let path = dir + "/s.json"
        try SessionFile.write(SessionFile.document(workspace: w, log: log, settings: settings, models: [], ledeVersion: "t"), to: path)
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

    @Test func oneJSONDocumentWithALinePerEntryAndArticle() throws {
        let (w, log, settings) = sample()
        let path = dir + "/s.json"
        try SessionFile.write(SessionFile.document(workspace: w, log: log, settings: settings, models: [], ledeVersion: "t"), to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let whole = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "any JSON reader reads it")
        #expect(whole["formatVersion"] as? Int == 2)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 + 2 + 1 + 2 + 1, "header, two log entries, the articles line, two articles, the end")
        #expect(String(decoding: data, as: UTF8.self).contains("pledged closer ties"), "the text is always saved")
        // A file laid out otherwise (pretty-printed by another tool) reads the same, through the whole-document path.
        let pretty = try JSONSerialization.data(withJSONObject: whole, options: [.prettyPrinted])
        try pretty.write(to: URL(fileURLWithPath: dir + "/pretty.json"))
        let fast = try SessionFile.read(path), slow = try SessionFile.read(dir + "/pretty.json")
        #expect(fast.articles.map(\.id) == slow.articles.map(\.id))
        #expect(fast.articles[0].versions[1].text == slow.articles[0].versions[1].text)
        #expect(fast.log == slow.log)
    }

    @Test func largeResultsAreStoredCompactlyAndReadBackTheSame() throws {
        let (w, _, settings) = sample()
        let rows = (0..<5_000).map { i in JSONValue.object(["article": .string("a\(i % 7)"), "left": .string("the talks in"),
                                                            "match": .string("Tunxi"), "position": .number(Double(i))]) }
        let log = ResultLog()
        log.append(LogEntry(command: "kwic Tunxi", startedAt: Date(timeIntervalSince1970: 1_700_000_000), durationMs: 3,
                            status: .ok, result: .object(["lines": .array(rows), "matches": .number(5_000)])))
        let path = dir + "/big.json"
        try SessionFile.write(SessionFile.document(workspace: w, log: log, settings: settings, models: [], ledeVersion: "t"), to: path)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(raw.contains("\"$rows\"") && raw.components(separatedBy: "\"position\"").count == 2, "keys written once")
        let back = try SessionFile.read(path)
        #expect(back.log[0].result == log.entries[0].result)
        // Saved again, the entry is written as it was read.
        try SessionFile.write(SessionDocument(ledeVersion: "t", createdAt: Date(), settings: settings, models: [], log: back.log,
                                              articles: back.articles), to: dir + "/again.json")
        #expect(try SessionFile.read(dir + "/again.json").log[0].result == log.entries[0].result)
    }

    @Test func formatOneFilesStillRead() throws {
        let path = dir + "/v1.json"
        try """
        {"formatVersion": 1, "ledeVersion": "0.1.0", "createdAt": "2026-01-01T00:00:00Z", "settings": {}, "log": [],
         "articles": [{"id": "a1", "tags": [], "versions": [{"number": 1, "sourcePath": "x.txt", "format": "text", "metadata": {},
          "contentHash": "0123456789abcdef", "loadedAt": "2026-01-01T00:00:00Z", "words": 2, "paragraphs": 1, "text": ["hello world"]}]}]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let doc = try SessionFile.read(path)
        #expect(doc.formatVersion == 1 && doc.models.isEmpty && doc.articles[0].versions[0].text == ["hello world"])
    }

    @Test func malformedFilesAreRefusedWithOneLine() throws {
        let cases: [(String, String)] = [
            ("not json", "not a JSON object"),
            ("[1,2]", "not a JSON object"),
            ("{\"articles\": []}", "no formatVersion"),
            ("{\"formatVersion\": 1, \"ledeVersion\": \"x\"}", "createdAt is missing"),
            ("{\"formatVersion\": 1, \"ledeVersion\": \"x\", \"createdAt\": \"2026-01-01T00:00:00Z\", \"settings\": {}, \"articles\": 3, \"log\": []}", "articles: 3 is not an array"),
            ("{\"formatVersion\":2,\"ledeVersion\":\"x\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"settings\":{},\"models\":[],\"log\":[\n],\"articles\":[\n{\"id\":\"a1\",\"tags\":[],\"versions\":[{\"number\":1}]}\n]}\n", "missing 'sourcePath' at articles[0].versions[0]"),
            ("{\"formatVersion\":2,\"ledeVersion\":\"x\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"settings\":{},\"models\":[],\"log\":[\n],\"articles\":[\n{\"id\":\"a1\",\"tags\":[],\"versions\":[{\"number\":1,\"sourcePath\":\"x\",\"format\":\"text\",\"metadata\":{},\"contentHash\":\"0\",\"loadedAt\":\"2026-01-01T00:00:00Z\",\"words\":1,\"paragraphs\":1}]}\n]}\n", "articles[0].versions[0].text is missing"),
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
