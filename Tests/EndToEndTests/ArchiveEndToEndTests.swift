import CSQLite
import Foundation
import Testing
import LedeArchive

/// `lede --archive FILE` as a user runs it: a fresh process analyses what an earlier one stored, without the
/// files; a load killed mid-way or starved of disk leaves a sound archive with every committed batch; a file that
/// is not a (readable) archive is refused in one line with nothing changed.
@Suite(.serialized) struct ArchiveEndToEndTests {
    func corpus(in dir: String, files: Int, words: Int = 30) throws -> String {
        let folder = dir + "/corpus"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for k in 0..<files {
            let body = (0..<max(1, words / 12)).map { j in "The harbour council discussed item \(k) of the ferry plan, point \(j * 7 + k), with residents. " }.joined()
            try Data("Harbour report \(k)\n\n\(body)".utf8).write(to: URL(fileURLWithPath: folder + String(format: "/%05d.txt", k)))
        }
        return folder
    }

    @Test func aFreshProcessAnalysesTheArchiveWithoutTheFiles() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let samples = dir + "/samples"
        try FileManager.default.copyItem(atPath: Lede.samples, toPath: samples)
        let archive = dir + "/news.lede"
        let first = try Lede.run(["--no-init", "--archive", archive, "-c", "load \(samples) --as samples", "-c", "tag"])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("loaded 7 articles") && !first.out.contains("opened archive"))
        try FileManager.default.removeItem(atPath: samples)

        let second = try Lede.run(["--no-init", "--archive", archive, "-c", "list samples", "-c", "keywords --top 3",
                                   "-c", "search '\"death toll\"'", "-c", "list tag:economy"])
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out.contains("7 articles") && second.out.contains("[death toll]") && second.out.contains("Central bank"), "\(second.out)")
        // Loading the same files again (from where they were) costs a hash each: nothing is new.
        try FileManager.default.copyItem(atPath: Lede.samples, toPath: samples)
        let third = try Lede.run(["--no-init", "--archive", archive, "-c", "load \(samples) --as samples"])
        #expect(third.out.contains("loaded nothing new") && third.out.contains("7 unchanged"), "\(third.out)")
    }

    /// Polls the archive (read-only, beside the writer) until it holds `count` articles or `process` ended.
    func waitForArticles(_ path: String, _ count: Int, while process: Process) -> Int {
        var options = Archive.Options()
        options.readOnly = true
        options.create = false
        while process.isRunning {
            if FileManager.default.fileExists(atPath: path), let archive = try? Archive(path: path, options: options),
               let n = try? archive.summary().articles {
                archive.close()
                if n >= count { return n }
            }
            usleep(2_000)
        }
        return -1
    }

    @Test func aLoadKilledMidwayKeepsEveryCommittedBatch() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = 400, batch = 2
        let folder = try corpus(in: dir, files: files, words: 60)
        let archive = dir + "/a.lede"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Lede.binary)
        p.arguments = ["--no-init", "--archive", archive, "-c", "set archive-batch \(batch)", "-c", "load \(folder)"]
        p.environment = Lede.environment(home: dir)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let seen = waitForArticles(archive, 3 * batch, while: p)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // The kill comes after three batches and long before the last of 200: if the load still finished first,
        // the machine was far faster than this test assumes, and the checks below still hold.
        let killed = p.terminationReason == .uncaughtSignal
        #expect(seen >= 3 * batch || !killed)

        let opened = try Archive(path: archive)
        #expect(try opened.check().isEmpty)
        let stored = try opened.listArticles()
        #expect(stored.count % batch == 0, "a batch was stored in part: \(stored.count)")
        if killed { #expect(stored.count >= seen && stored.count < files) }
        // Every stored article is whole: its text is the file's.
        for a in stored.prefix(50) {
            let path = try #require(a.sourcePath)
            #expect(a.title == "Harbour report \(Int((path as NSString).lastPathComponent.dropLast(4))!)")
        }
        opened.close()
        // Loading again stores the rest; the stored files are skipped by their hash.
        let rest = try Lede.run(["--no-init", "--archive", archive, "-c", "load \(folder)"])
        #expect(rest.status == 0, "\(rest.err)")
        let grouped = { (n: Int) -> String in n >= 1000 ? "\(n / 1000),\(String(format: "%03d", n % 1000))" : "\(n)" }
        if stored.count < files { #expect(rest.out.contains("loaded \(grouped(files - stored.count)) articles"), "\(rest.out)") }
        if stored.count > 0 { #expect(rest.out.contains("\(grouped(stored.count)) unchanged"), "\(rest.out)") }
        #expect(try Archive(path: archive).listArticles().count == files)
    }

    @Test func aFullDiskIsOneLineAndTheArchiveKeepsWhatWasStored() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = try corpus(in: dir, files: 200, words: 2000)
        let archive = dir + "/a.lede"
        // A file size limit of 2 MB (SIGXFSZ ignored, as a full disk looks to the process): the load stops at the
        // first batch that does not fit.
        let script = "trap '' XFSZ; ulimit -f 2048; exec \"$0\" --no-init --archive \"$1\" -c 'set archive-batch 20' -c \"load $2\""
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script, Lede.binary, archive, folder]
        p.environment = Lede.environment(home: dir)
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        let lines = errText.split(separator: "\n")
        #expect(lines.count == 1, "\(errText)")
        #expect(errText.contains("the file size limit was reached") && errText.contains("stored and loaded, the rest not"), "\(errText)")
        let opened = try Archive(path: archive)
        #expect(try opened.check().isEmpty)
        let count = try opened.listArticles().count
        #expect(count > 0 && count < 200 && count % 20 == 0, "\(count)")
    }

    func expectRefused(_ path: String, saying: String) throws {
        let before = FileManager.default.contents(atPath: path)
        let r = try Lede.run(["--no-init", "--archive", path, "-c", "list"])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1 && r.err.contains(saying), "\(r.err)")
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") || (FileManager.default.contents(atPath: path + "-wal")?.isEmpty ?? true))
    }

    @Test func filesThatAreNotReadableArchivesAreRefusedInOneLine() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = dir + "/notes.txt"
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: text))
        try expectRefused(text, saying: "is not a lede archive (not an SQLite file); not opened, nothing changed")

        let other = dir + "/other.db"
        var db: OpaquePointer?
        #expect(sqlite3_open(other, &db) == SQLITE_OK)
        #expect(sqlite3_exec(db, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Ann');", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        try expectRefused(other, saying: "an SQLite database of another program")

        // A real archive, then a newer schema, then cut in half.
        let good = dir + "/good.lede"
        let made = try Lede.run(["--no-init", "--archive", good, "-c", "load \(Lede.samples)"])
        #expect(made.status == 0)
        let newer = dir + "/newer.lede"
        try FileManager.default.copyItem(atPath: good, toPath: newer)
        #expect(sqlite3_open(newer, &db) == SQLITE_OK)
        #expect(sqlite3_exec(db, "PRAGMA user_version = 99", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        try expectRefused(newer, saying: "was written by a newer lede (schema 99")

        let truncated = dir + "/truncated.lede"
        let bytes = try #require(FileManager.default.contents(atPath: good))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        try expectRefused(truncated, saying: "is truncated")
    }
}
