import Foundation
import Testing
@testable import LedeShell
import LedeArticles
import LedeSession

/// Output is data: redirects choose their format by extension and never carry colour or bars; CSV, TSV and
/// JSONL are one table of plain values; and the first-day rough edges.
@Suite struct OutputAsDataTests {
    func loaded() -> ShellHarness {
        let h = ShellHarness()
        h.run("load \(h.file("v1.txt", ShellHarness.article)) --as fire")
        h.run("load \(h.file("v2.txt", ShellHarness.article.replacingOccurrences(of: "12 people", with: "15 people"))) --as fire")
        h.run("load \(h.file("other.txt", "Rates held\n\nThe central bank held interest rates at 3.5% on Thursday, saying inflation of 1,200 basis points was cooling."))")
        return h
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func theExtensionChoosesTheFormat() throws {
        let h = loaded()
        h.run("keywords --top 3 > \(h.dir)/k.csv")
        h.run("keywords --top 3 > \(h.dir)/k.tsv")
        h.run("keywords --top 3 > \(h.dir)/k.json")
        h.run("keywords --top 3 > \(h.dir)/k.jsonl")
        h.run("keywords --top 3 > \(h.dir)/k.txt")
        #expect(try read("\(h.dir)/k.csv").hasPrefix("group,articles,tokens,term,count,perMillion,documentFrequency,rangePercent\n"))
        #expect(try read("\(h.dir)/k.tsv").hasPrefix("group\tarticles\ttokens\tterm\tcount\t"))
        let json = try JSONSerialization.jsonObject(with: Data(try read("\(h.dir)/k.json").utf8)) as? [String: Any]
        #expect(json?["groups"] != nil)
        let lines = try read("\(h.dir)/k.jsonl").split(separator: "\n")
        #expect(lines.count == 3)
        let row = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(row?["count"] as? Int != nil && row?["term"] as? String != nil)
        let text = try read("\(h.dir)/k.txt")
        #expect(text.contains("word") && !text.contains("█") && !text.contains("─") && !text.contains("\u{1B}"))
        // A format chosen with `set format` wins over the extension.
        h.run("set format plain")
        h.run("keywords --top 3 > \(h.dir)/plain.csv")
        #expect(try read("\(h.dir)/plain.csv").contains("#\tword\t"))
    }

    @Test func aRedirectNeverWritesColour() throws {
        let h = loaded()
        h.run("set color on")
        h.run("keywords --top 3 > \(h.dir)/k.txt")
        h.run("diff fire > \(h.dir)/d.txt")
        #expect(!(try read("\(h.dir)/k.txt")).contains("\u{1B}"))
        let diff = try read("\(h.dir)/d.txt")
        #expect(!diff.contains("\u{1B}") && diff.contains("[-12-]{+15+}"))
    }

    @Test func csvCellsArePlainNumbers() throws {
        let h = loaded()
        h.run("set format csv")
        let stats = h.run("stats").1
        let lines = stats.split(separator: "\n")
        #expect(lines.count == 2, "one table: the selection's row")
        #expect(!stats.contains("%") && !stats.contains(" words") && !stats.contains("<"))
        let byArticle = h.run("stats --by article").1.split(separator: "\n")
        #expect(byArticle.count == 3 && byArticle[0].hasPrefix("id,article,title,path,characters,"))
        let keyness = h.run("keyness fire --min-count 1").1.split(separator: "\n")
        #expect(keyness[0].split(separator: ",").allSatisfy { !$0.isEmpty }, "every column has a header")
        #expect(keyness[0].hasSuffix(",p,direction"))
        let kwic = h.run("kwic fire").1
        #expect(kwic.hasPrefix("left,match,right,article,position,offset\n"), "the byte offset help promises")
        let list = h.run("list").1.split(separator: "\n")
        #expect(list[0] == "id,name,versions,title,source,published,words,tags,path")
        #expect(list.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 9 })
    }

    @Test func aRedirectThatFailsFailsTheCommand() throws {
        let h = loaded()
        for target in [h.dir, "\(h.dir)/missing/x.csv", "/dev/full"] {
            let (outcome, _, err) = h.run("list > \(target)")
            #expect(outcome == .failed, "\(target)")
            #expect(err.hasPrefix("error: list: \(target): "), "\(err)")
        }
        // The file that was there stays as it was.
        let kept = "\(h.dir)/kept.csv"
        try "old\n".write(toFile: kept, atomically: true, encoding: .utf8)
        h.shell.jsonLines = true
        let (_, out, _) = h.run("list > \(h.dir)")
        let record = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        #expect(record?["status"] as? String == "error" && (record?["error"] as? String)?.contains("is a folder") == true)
        #expect(try read(kept) == "old\n")
    }

    @Test func jsonRecordsForLinesThatNeverRan() throws {
        let h = loaded()
        h.shell.jsonLines = true
        for line in ["stat", "list --nope", "kwic", "load \"unclosed"] {
            let (outcome, out, _) = h.run(line)
            #expect(outcome == .failed)
            let record = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
            #expect(record?["status"] as? String == "error", "\(line): \(out)")
        }
        let (_, help, _) = h.run("list --help")
        #expect((try JSONSerialization.jsonObject(with: Data(help.utf8)) as? [String: Any])?["status"] as? String == "ok")
        let (_, redirected, _) = h.run("list > \(h.dir)/l.csv")
        #expect((try JSONSerialization.jsonObject(with: Data(redirected.utf8)) as? [String: Any])?["command"] as? String == "list > \(h.dir)/l.csv")
        #expect(try read("\(h.dir)/l.csv").hasPrefix("id,name,versions"))
    }

    @Test func warningsOfOneKindAreCounted() {
        let warnings = (1...20).map { LoadProblem(path: "/c/\($0).txt", message: "not valid UTF-8; read as windows-1252", severity: .warning) }
            + [LoadProblem(path: "/c/x.json", message: "3 records without text skipped (line 2)", severity: .warning),
               LoadProblem(path: "/c/y.json", message: "5 records without text skipped (line 9)", severity: .warning)]
        let lines = LoadCommand.groupedWarnings(warnings)
        #expect(lines == ["not valid UTF-8; read as windows-1252 — 20 files, the first /c/1.txt (all: load --verbose)",
                          "3 records without text skipped (line 2) — 2 files, the first /c/x.json (all: load --verbose)"])
    }

    @Test func firstDayRoughEdges() throws {
        let h = loaded()
        // Nothing new: no empty count.
        let again = h.run("load \(h.dir)/other.txt").1
        #expect(again.contains("loaded nothing new (") && again.contains("; 1 unchanged"), "\(again)")
        // Plurals.
        h.run("load \(h.file("one.txt", "Short note\n\nOne line of text only."))")
        #expect(h.run("show a3 --meta").1.contains("1 paragraph") || h.run("show a3 --meta").1.contains("paragraphs"))
        #expect(!h.run("show a3 --meta").1.contains("1 paragraphs"))
        // The diff's share is the same both ways.
        let forward = h.run("diff fire@1 fire@2 --summary").1, backward = h.run("diff fire@2 fire@1 --summary").1
        func share(_ s: String) -> String? { s.range(of: #"[0-9.]+ % of sentences changed"#, options: .regularExpression).map { String(s[$0]) } }
        #expect(share(forward) != nil && share(forward) == share(backward))
        #expect(forward.contains("both versions"))
    }

    @Test func statsPutsTheSelectionFirst() {
        let h = loaded()
        let out = h.run("stats").1
        #expect(out.hasPrefix("selection: 2 articles"))
        #expect(!out.contains("MTLD  FRE"), "no per-article table without --by article")
        let by = h.run("stats --by article").1
        #expect(by.hasPrefix("selection: 2 articles") && by.contains("article") && by.contains("FRE"))
    }

    @Test func tagsShowInListAndShowAndNotesSayWhatANameMeant() {
        let h = loaded()
        h.run("tag")
        #expect(h.run("list").1.contains("tags"))
        #expect(h.run("show a2 --meta").1.contains("tags "))
        let (_, _, err) = h.run("list tag:business")
        #expect(err.isEmpty || err.contains("note: tag:business is the IPTC topic economy"))
    }

    @Test func droppingEverythingAsks() {
        let h = loaded()
        let (outcome, _, err) = h.run("drop all")
        #expect(outcome == .failed && err.contains("add --force"))
        #expect(h.shell.workspace.articles.count == 2)
        h.shell.confirmAnswer = { _ in false }
        #expect(h.run("drop all").1.contains("nothing dropped"))
        h.shell.confirmAnswer = { question in question == "drop every article (2)?" }
        #expect(h.run("drop all").1.contains("dropped 2 articles; 0 left"))
    }

    @Test func aJSONRecordsFieldsShowAndSelect() {
        let h = ShellHarness()
        h.run("load \(h.file("r.jsonl", #"{"title": "A", "text": "Shares fell.", "section": "World"}"# + "\n" + #"{"title": "B", "text": "Rates held.", "section": "Business"}"# + "\n"))")
        #expect(h.run("show a1 --meta").1.contains("field:section  World"))
        #expect(h.run("list field:section=business").1.contains("a2"))
    }
}

@Suite struct RedirectFileTests {
    @Test func aReplacedFileKeepsItsPermissions() throws {
        let h = ShellHarness()
        let path = h.dir + "/private.txt"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        h.run("help > \(path)")
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("what it does"))
    }

    @Test func appendingAddsAndASymbolicLinkIsFollowed() throws {
        let h = ShellHarness()
        let target = h.dir + "/target.txt", link = h.dir + "/link.txt"
        try "first\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        h.run("set > \(link)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target, "the link stays a link")
        h.run("set >> \(target)")
        #expect(try String(contentsOfFile: target, encoding: .utf8).components(separatedBy: "format").count == 3)
    }
}
