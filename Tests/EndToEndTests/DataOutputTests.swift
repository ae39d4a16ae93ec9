import Foundation
import Testing

/// The built binary as a script-writer and a data analyst use it: a record per line under --json, failed
/// redirects that fail, CSV that Python's csv module reads with the types it should.
@Suite struct DataOutputTests {
    @Test func jsonPrintsARecordForEveryLine() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = ["load \(Lede.samples)/cup-final.txt", "list", "stat", "list --nope", "kwic", "stats > \(dir)/s.csv",
                     "keywords --top 2", "show a9", "help list", "list --help", "set format csv"]
        let r = try Lede.run(["--no-init", "--json"] + lines.flatMap { ["-c", $0] })
        #expect(r.status == 1)
        let records = try r.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(records.count == lines.count, "\(r.out)")
        #expect(records.map { $0["status"] as? String } == ["ok", "ok", "error", "error", "error", "ok", "ok", "error", "ok", "ok", "ok"])
        #expect(records[2]["command"] as? String == "stat" && (records[2]["error"] as? String)?.contains("unknown command") == true)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/s.csv"))
    }

    @Test func aFailedRedirectFailsTheRunAndBailStops() throws {
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for target in [dir, "\(dir)/no/such/x.txt", "/dev/full"] {
            let r = try Lede.run(["--no-init", "-c", "help > \(target)"])
            #expect(r.status == 1, "\(target): \(r.err)")
            #expect(r.err.hasPrefix("-c[1]:1: error: help: \(target): "), "\(r.err)")
        }
        let bail = try Lede.run(["--no-init", "--bail", "-c", "help > /dev/full", "-c", "help"])
        #expect(bail.status == 1 && bail.out.isEmpty, "--bail stops at the failed redirect")
        let json = try Lede.run(["--no-init", "--json", "-c", "help > /dev/full"])
        let record = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        #expect(record["status"] as? String == "error" && (record["error"] as? String)?.contains("/dev/full") == true)
    }

    @Test func aFullDiskLeavesTheOldFileWhole() throws {
        // ThreadSanitizer's runtime in the child dies under a file-size limit this small (before lede runs).
        if ProcessInfo.processInfo.environment["LEDE_SANITIZER"] == "thread" {
            print("skipped under ThreadSanitizer: its runtime cannot start under a 1 KB file-size limit"); return
        }
        // A file-size limit stands in for a full disk: writing past it fails (EFBIG) as a full disk does (ENOSPC).
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = "\(dir)/out.txt"
        try "the old content\n".write(toFile: out, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" --no-init -c 'help > \(out)' -c 'help load > \(out)'", Lede.binary]
        p.environment = Lede.environment(home: dir)
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1, "\(message)")
        #expect(message.contains("cannot write"), "\(message)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "the old content\n", "not emptied, not half-written")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// Every command's CSV, read by Python's csv module: one header with a name on every column, every row as long,
    /// numbers without separators, units or symbols, and the columns of each kind the type they should be.
    @Test func pythonReadsEveryCommandsCSVWithTheRightTypes() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            print("skipped: /usr/bin/python3 is absent"); return
        }
        let dir = Lede.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let commands = ["list", "stats", "stats --by article", "sentences a5", "keywords --top 5", "keywords --ngram 2 --top 3",
                        "keywords --tfidf --top 3", "keywords --by article --top 2", "keyness talks --min-count 2",
                        "kwic fire", "collocations fire --min-freq 1", "tag", "versions", "diff fire@1 fire@2", "similar --threshold 0.3",
                        "topics --k 2 --iterations 10 --min-df 1", "show a3 --blocks", "show a3", "select source:*wire* --as wire", "history"]
        var args = ["--no-init", "-c", "source \(Lede.samples)/load.lede"]
        for (i, c) in commands.enumerated() { args += ["-c", "\(c) > \(dir)/\(i).csv"] }
        let r = try Lede.run(args)
        #expect(r.status == 0, "\(r.err)")
        let check = """
        import csv, re, sys, json
        expected = json.loads(sys.argv[2])
        problems = []
        thousands = re.compile(r'^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?$')
        symbol = re.compile(r'^(<|>)?-?[\\d.]+ ?(%|words|s|ms|MB|KB)$')
        for i, command in enumerate(expected):
            with open(f"{sys.argv[1]}/{i}.csv", newline="") as f:
                rows = list(csv.reader(f))
            if not rows: problems.append(f"{command}: empty"); continue
            header, body = rows[0], rows[1:]
            if any(not h for h in header): problems.append(f"{command}: a column without a header: {header}")
            if len(set(header)) != len(header): problems.append(f"{command}: repeated header: {header}")
            for r in body:
                if len(r) != len(header): problems.append(f"{command}: a row of {len(r)} cells under {len(header)} columns")
                for c in r:
                    if thousands.match(c) or symbol.match(c): problems.append(f"{command}: a number with a separator or unit: {c!r}")
            for k, name in enumerate(header):
                cells = [r[k] for r in body if k < len(r) and r[k] != ""]
                def number(c):
                    try: float(c); return True
                    except ValueError: return False
                kinds = {number(c) for c in cells}
                if len(kinds) > 1 and "text" not in name.lower() and name not in ("term", "word", "collocate", "left", "right", "match", "title", "value", "group"):
                    problems.append(f"{command}: column {name} mixes numbers and text")
        print("\\n".join(problems))
        """
        let script = "\(dir)/check.py"
        try check.write(toFile: script, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let names = String(decoding: try JSONSerialization.data(withJSONObject: commands), as: UTF8.self)
        p.arguments = [script, dir, names]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let problems = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(problems.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(problems)")
        // Columns a reader relies on, by name.
        let kwic = try String(contentsOfFile: "\(dir)/9.csv", encoding: .utf8)
        #expect(kwic.hasPrefix("left,match,right,article,position,offset\n"))
        let stats = try String(contentsOfFile: "\(dir)/1.csv", encoding: .utf8).split(separator: "\n")
        #expect(stats.count == 2, "one table per output")
    }
}
