import CSQLite
import Foundation
import Testing
import LedeArticles
@testable import LedeArchive

/// One writer at a time, readers alongside; a writer killed mid-load or starved of disk leaves a sound archive
/// holding exactly the batches it committed. The killed and starved writers are child processes
/// (`lede-archive-tool write`).
@Suite(.serialized) struct ProcessFaultTests {
    @Test func aSecondWriterIsToldTheArchiveIsBusyWhileReadersGoOn() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.lede"
        let first = try Archive(path: path)
        _ = try first.store([ArchiveDocument(document("/n/1.txt", title: "One", paragraphs: ["the first story"]))])
        try first.updateSearchIndex()

        // Another connection holds the write lock (as another lede storing a large load would).
        var holder: OpaquePointer?
        #expect(sqlite3_open(path, &holder) == SQLITE_OK)
        defer { sqlite3_close(holder) }
        #expect(sqlite3_exec(holder, "BEGIN IMMEDIATE; INSERT INTO archive_info VALUES ('holder', 'x');", nil, nil, nil) == SQLITE_OK)

        var options = Archive.Options()
        options.busyTimeout = .milliseconds(200)
        options.indexing = .onSearch
        let second = try Archive(path: path, options: options)
        // The refusal comes back (after the 200 ms busy timeout) instead of the call blocking until the lock is freed.
        do {
            _ = try second.store([ArchiveDocument(document("/n/2.txt", title: "Two", paragraphs: ["the second story"]))])
            Issue.record("the second writer was not refused")
        } catch let error as ArchiveError {
            #expect(error == .busy(path: path))
            #expect(error.description == "archive \(path) is busy (another process is writing to it); nothing stored, try again")
        }
        // A reader meanwhile sees the committed state.
        let reader = try Archive(path: path, options: options)
        #expect(try reader.listArticles().map(\.id) == ["a1"])
        #expect(try reader.readArticles().first?.versions.first?.document.paragraphs == ["the first story"])
        #expect(try reader.search("story").hits.map(\.articleID) == ["a1"])

        // A search meanwhile does not wait for the writer: it searches what is indexed and says what it left out.
        var patient = Archive.Options()
        patient.busyTimeout = .seconds(600)
        let searcher = try Archive(path: path, options: patient)
        #expect(sqlite3_exec(holder, "ROLLBACK", nil, nil, nil) == SQLITE_OK)
        _ = try second.store([ArchiveDocument(document("/n/3.txt", title: "Three", paragraphs: ["the third story"]))])
        #expect(sqlite3_exec(holder, "BEGIN IMMEDIATE; INSERT INTO archive_info VALUES ('holder', 'x');", nil, nil, nil) == SQLITE_OK)
        let partial = try searcher.search("story")
        #expect(partial.hits.map(\.articleID) == ["a1"] && partial.unindexedTexts == 1)
        #expect(sqlite3_exec(holder, "ROLLBACK", nil, nil, nil) == SQLITE_OK)
        #expect(Set(try searcher.search("story").hits.map(\.articleID)) == ["a1", "a2"])
        #expect(try second.store([ArchiveDocument(document("/n/2.txt", title: "Two", paragraphs: ["the second story"]))]) == [.added(id: "a3")])
    }

    /// Runs the tool with `args`, reads its "committed N" lines, and SIGKILLs it once it has committed `until`
    /// documents (so it dies storing the next batch, not at a chosen moment in time). Returns what it reported.
    func killAfterCommits(_ args: [String], until: Int) throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Tool.binary)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        var committed = 0
        var buffer = Data()
        let reader = out.fileHandleForReading
        while committed < until {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") where line.hasPrefix("committed ") {
                committed = max(committed, Int(line.dropFirst("committed ".count)) ?? 0)
            }
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        return committed
    }

    @Test func aWriterKilledMidLoadLeavesEveryCommittedBatch() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.lede"
        let batchSize = 200
        let committed = try killAfterCommits(["write", path, "--batches", "1000", "--batch-size", "\(batchSize)"], until: 3 * batchSize)
        #expect(committed >= 3 * batchSize)

        let archive = try Archive(path: path)
        #expect(try archive.check().isEmpty)
        let articles = try archive.readArticles()
        // Every batch reported committed is there; a batch is there whole or not at all.
        #expect(articles.count >= committed)
        #expect(articles.count % batchSize == 0)
        for (n, a) in articles.enumerated() {
            #expect(a.versions.first?.document.metadata.title == Tool.title(batch: n / batchSize, index: n % batchSize))
        }
    }

    /// The same through the whole load path (files read, fingerprinted, compressed, parsed, stored in batches).
    @Test func aLoadOfFilesKilledMidwayLeavesEveryCommittedBatch() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let corpus = dir + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let files = 600, batchSize = 50
        for k in 0..<files {
            let text = "Harbour report \(k)\n\n" + String(repeating: "The council discussed item \(k) of the harbour plan with the ferry operators. ", count: 6)
            try Data(text.utf8).write(to: URL(fileURLWithPath: corpus + "/\(k).txt"))
        }
        let path = dir + "/a.lede"
        let committed = try killAfterCommits(["archive-load", path, corpus, "--batch", "\(batchSize)", "--progress"], until: 3 * batchSize)
        #expect(committed >= 3 * batchSize)

        let archive = try Archive(path: path)
        #expect(try archive.check().isEmpty)
        let articles = try archive.readArticles()
        #expect(articles.count >= committed && articles.count % batchSize == 0 && articles.count < files)
        for a in articles {
            let v = try #require(a.versions.first)
            let k = (v.document.path as NSString).lastPathComponent.dropLast(4)
            #expect(v.document.body.contains("item \(k) of the harbour plan"))
            #expect(try archive.rawBytes(articleID: a.id, version: 1) == fileBytes(v.document.path))
        }
        // Loading the folder again stores the rest, and skips every file already stored by its hash.
        let rest = try runProcess(Tool.binary, ["archive-load", path, corpus])
        #expect(rest.status == 0)
        #expect(rest.out.contains("(\(articles.count) skipped unchanged by hash), \(files - articles.count) added"))
    }

    /// A write refused by the file size limit (a full disk as the process sees it) is one line; the archive
    /// keeps every batch before it and passes the integrity check.
    @Test func aFullDiskIsOneLineAndTheArchiveStaysIntact() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.lede"
        let batchSize = 100
        let r = try runProcess(Tool.binary, ["write", path, "--batches", "1000", "--batch-size", "\(batchSize)",
                                             "--fsize-limit", "\(3 << 20)"])
        #expect(r.status == 1)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "\(r.err)")
        #expect(r.err.contains("archive \(path): the file size limit was reached; the last change was not stored, the archive is intact"))
        let committed = r.out.split(separator: "\n").compactMap { Int($0.dropFirst("committed ".count)) }.max() ?? 0
        #expect(committed > 0)

        let archive = try Archive(path: path)
        #expect(try archive.check().isEmpty)
        let articles = try archive.listArticles()
        #expect(articles.count == committed)
        #expect(articles.last?.title == Tool.title(batch: committed / batchSize - 1, index: batchSize - 1))
    }
}
