import Foundation
import Testing
@testable import LedeShell

@Suite struct ShellTests {
    @Test func unknownVerbSuggestsTheClosest() {
        let h = ShellHarness()
        let (outcome, _, err) = h.run("lst")
        #expect(outcome == .failed)
        #expect(err == "error: unknown command 'lst' (did you mean 'list'?)\n")
        #expect(h.run("hepl").2.contains("did you mean 'help'?"))
        #expect(h.run("zzzzzz").2.contains("unknown command 'zzzzzz'"))
    }

    @Test func badOptionIsOneLineWithHelpHint() {
        let h = ShellHarness()
        let (outcome, out, err) = h.run("list --bogus")
        #expect(outcome == .failed)
        #expect(out.isEmpty)
        #expect(err == "error: list: Unknown option '--bogus' (see 'help list')\n")
        #expect(h.run("set format xml").2 == "error: set: 'xml' is not a value for format (expected table|plain|json|csv|tsv|jsonl)\n")
    }

    @Test func helpComesFromTheDeclaration() {
        let h = ShellHarness()
        let (_, out, _) = h.run("help load")
        #expect(out.contains("--as <as>"))
        #expect(out.contains("--max-size"))
        #expect(h.run("load --help").1 == out)
        #expect(h.run("help").1.contains("quit (exit)"))
    }

    @Test func loadListShowDrop() {
        let h = ShellHarness()
        let path = h.file("fire.txt", ShellHarness.article)
        let (outcome, out, _) = h.run("load \(path) --as fire")
        #expect(outcome == .ok)
        #expect(out.contains("loaded 1 article"))
        #expect(h.shell.workspace.articles.count == 1)
        #expect(h.run("list").1.contains("fire"))
        #expect(h.run("show fire").1.contains("Firefighters fought it"))
        #expect(h.run("drop a1").1.contains("dropped 1 article; 0 left"))
        #expect(h.shell.workspace.articles.isEmpty)
    }

    @Test func showBlocksListsKeptAndDroppedInDocumentOrder() throws {
        let h = ShellHarness()
        let page = "Home\nWorld\n\nHarbour fire kills 12\n · 2026-03-14 · Source: Sample Wire\n\n" + ShellHarness.article
            .components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n") + "\n\nAbout us\nContact\n"
        h.run("load \(h.file("page.txt", page))")
        let rows = h.run("set format csv").1.isEmpty ? [] : h.run("show a1 --blocks").1.split(separator: "\n").map(String.init)
        #expect(rows.first == "id,version,block,kept,reason,text")
        let kinds = rows.dropFirst().filter { $0.hasPrefix("a1,") }.map { $0.split(separator: ",")[3] == "true" ? "body" : "dropped" }
        #expect(kinds.first == "dropped" && kinds.last == "dropped")
        #expect(kinds.contains("body"))
        let firstBody = kinds.firstIndex(of: "body")!, lastBody = kinds.lastIndex(of: "body")!
        #expect(kinds[firstBody...lastBody].allSatisfy { $0 == "body" }, "\(rows)")
        #expect(rows.contains { $0.contains("header line") })
    }

    @Test func exportWritesArticlesThatLoadBack() throws {
        let h = ShellHarness()
        h.run("load \(h.file("v1.txt", ShellHarness.article)) --as fire")
        h.run("load \(h.file("v2.txt", ShellHarness.article.replacingOccurrences(of: "12", with: "15"))) --as fire")
        let (outcome, out, err) = h.run("export \(h.dir)/out.jsonl fire@all")
        #expect(outcome == .ok, "\(err)")
        #expect(out.contains("exported 2 article versions"))
        let lines = try String(contentsOfFile: "\(h.dir)/out.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(first["version"] as? Int == 1 && (first["text"] as? String)?.contains("killed 12") == true)
        #expect(h.run("export \(h.dir)/out.jsonl").2.contains("exists (use --force"))
        h.run("drop all")
        #expect(h.run("load \(h.dir)/out.jsonl").0 == .ok)
        #expect(h.shell.workspace.articles.first?.versions.count == 2)
        #expect(h.run("export \(h.dir)/out.csv --force").1.contains("(csv,"))
        #expect(try String(contentsOfFile: "\(h.dir)/out.csv", encoding: .utf8).hasPrefix("id,name,version,title"))
    }

    @Test func badFilesDoNotLoseLoadedArticles() {
        let h = ShellHarness()
        let good = h.file("good.txt", ShellHarness.article)
        h.run("load \(good)")
        let empty = h.file("empty.txt", "")
        let (outcome, _, err) = h.run("load \(empty) \(h.dir)/missing.txt")
        #expect(outcome == .failed)
        #expect(err.contains("empty.txt: file is empty"))
        #expect(err.contains("missing.txt: no such file or folder"))
        #expect(err.split(separator: "\n").count == 2)
        #expect(h.shell.workspace.articles.count == 1)
    }

    @Test func loadingTheSameNameAddsVersions() {
        let h = ShellHarness()
        let v1 = h.file("v1.txt", ShellHarness.article)
        let v2 = h.file("v2.txt", ShellHarness.article.replacingOccurrences(of: "12", with: "15"))
        h.run("load \(v1) --as fire")
        #expect(h.run("load \(v2) --as fire").1.contains("new version"))
        #expect(h.run("load \(v2) --as fire").1.contains("unchanged"))
        #expect(h.shell.workspace.articles[0].versions.count == 2)
        #expect(h.run("show fire@1").1.contains("killed 12"))
        #expect(h.run("show fire@latest").1.contains("killed 15"))
        #expect(h.run("show fire@3").2.contains("'fire@3' has no version 3 (it has 2 versions)"))
    }

    @Test func redirectionWritesAndAppends() throws {
        let h = ShellHarness()
        h.run("load \(h.file("a.txt", ShellHarness.article))")
        let target = "\(h.dir)/out.csv"
        let (_, out, _) = h.run("set format csv")
        #expect(out.hasPrefix("setting,value\nformat,csv\n"))
        #expect(h.run("list > \(target)").1.isEmpty)
        h.run("list >> \(target)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.components(separatedBy: "id,name,versions,title").count == 3, "\(written)")
        let bad = h.run("list > /nonexistent-dir/x.txt")
        #expect(bad.0 == .failed, "a redirect that cannot be written fails the command")
        #expect(bad.2 == "error: list: /nonexistent-dir/x.txt: no such folder /nonexistent-dir\n")
    }

    @Test func settingsListAndChange() {
        let h = ShellHarness()
        #expect(h.run("set").1.contains(#/format +table/#))
        h.run("set format json")
        let (_, out, _) = h.run("set")
        #expect(out.hasPrefix("{\"changed\":null") || out.hasPrefix("{\"settings\""))
        #expect(h.run("set colour on").2.contains("unknown setting 'colour'"))
        #expect(h.run("set bail").2.contains("give a value"))
    }

    @Test func historyListsAndSearches() {
        let h = ShellHarness()
        h.run("set timer off")
        h.run("list")
        h.run("help load")
        let (_, out, _) = h.run("history -g LOAD")
        #expect(out == "    3  help load\n    4  history -g LOAD\n")
        #expect(h.run("history -n 2").1 == "    4  history -g LOAD\n    5  history -n 2\n")
    }

    @Test func sourceResolvesPathsAgainstTheIncludingFile() {
        let h = ShellHarness()
        h.file("sub/fire.txt", ShellHarness.article)
        h.file("sub/inner.lede", "load fire.txt --as fire\n")
        h.file("sub/outer.lede", "# outer script\nsource inner.lede\nlist\n")
        let (outcome, out, err) = h.run("source \(h.dir)/sub/outer.lede")
        #expect(outcome == .ok, "\(err)")
        #expect(out.contains("fire"))
        #expect(h.shell.workspace.article(named: "fire") != nil)
    }

    @Test func scriptErrorsCarryFileAndLine() {
        let h = ShellHarness()
        let script = h.file("s.lede", "set timer off\n\nlst\nlist \\\n  --bogus\nhelp\n")
        let (outcome, _, err) = h.run("source \(script)")
        #expect(outcome == .failed)
        #expect(err.contains("\(script):3: error: unknown command 'lst'"))
        #expect(err.contains("\(script):4: error: list: Unknown option '--bogus'"))
    }

    @Test func bailStopsAtFirstFailure() {
        let h = ShellHarness()
        h.shell.settings.bail = true
        let outcome = h.shell.runLines(["list", "nope", "help"], source: "t")
        #expect(outcome.failed == 1 && outcome.bailed && outcome.commands == 2)
    }

    @Test func selfSourcingScriptIsStopped() {
        let h = ShellHarness()
        let path = h.file("loop.lede", "source loop.lede\n")
        let (outcome, _, err) = h.run("source \(path)")
        #expect(outcome == .failed)
        #expect(err.contains("nested more than 16 deep"))
    }

    @Test func everyCommandIsLogged() {
        let h = ShellHarness()
        h.run("load \(h.file("a.txt", ShellHarness.article))")
        h.run("list --bogus")
        h.run("show a9")
        let log = h.shell.log.entries
        #expect(log.count == 2, "parse errors never reach a command")
        #expect(log[0].status == .ok && log[0].result != nil)
        #expect(log[1].status == .error && log[1].error == "show: no article matches 'a9'")
        #expect(h.shell.log.unsaved == 1)
    }

    @Test func quitAsksOnceInteractivelyWhenUnsaved() {
        let h = ShellHarness()
        h.shell.terminal = Terminal(stdinIsTTY: true, stdoutIsTTY: false, environment: [:])
        h.run("load \(h.file("a.txt", ShellHarness.article))")
        #expect(h.run("quit").0 == .ok)
        #expect(h.out.contains("not saved"))
        #expect(h.run("quit").0 == .quit)
    }

    @Test func jsonLinesPrintEachResult() throws {
        let h = ShellHarness()
        h.shell.jsonLines = true
        h.run("load \(h.file("a.txt", ShellHarness.article)) --as fire")
        let line = h.out.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(object["status"] as? String == "ok")
        #expect((object["result"] as? [String: Any])?["items"] != nil)
    }

    @Test func loadItemsNameTheFileReadAndTheVersionLoaded() throws {
        // A new article, a new version under the same name, and an unchanged reload from another file: each
        // item names the file it read, the version it stands for and that version's title and word count.
        let h = ShellHarness()
        h.shell.jsonLines = true
        func item(_ line: String) throws -> [String: Any] {
            h.run(line)
            let object = try JSONSerialization.jsonObject(with: Data(h.out.trimmingCharacters(in: .newlines).utf8)) as! [String: Any]
            return ((object["result"] as! [String: Any])["items"] as! [[String: Any]])[0]
        }
        let a = h.file("a.txt", ShellHarness.article)
        let b = h.file("b.txt", ShellHarness.article.replacingOccurrences(of: "six hours", with: "seven hours"))
        let c = h.file("c.txt", ShellHarness.article)
        let first = try item("load \(a) --as fire")
        #expect(first["status"] as? String == "new" && first["path"] as? String == a && first["version"] as? Int == 1)
        #expect(first["title"] as? String == "Harbour fire kills 12" && (first["words"] as? Int ?? 0) > 5)
        let second = try item("load \(b) --as fire")
        #expect(second["status"] as? String == "new version" && second["path"] as? String == b && second["version"] as? Int == 2)
        h.run("load \(a) --as fire")
        let same = try item("load \(c) --as fire")
        #expect(same["status"] as? String == "unchanged" && same["path"] as? String == c && same["version"] as? Int == 3)
    }
}
