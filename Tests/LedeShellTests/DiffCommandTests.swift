import Testing
import Foundation
import LedeArticles
@testable import LedeShell

@Suite struct DiffCommandTests {
    /// A shell whose output and errors are captured, with an article `story` in two versions.
    final class Captured: @unchecked Sendable {
        let shell = Shell(terminal: Terminal(stdinIsTTY: false, stdoutIsTTY: false, environment: [:]))
        var out = "", err = ""
        init(versions: [String]) {
            shell.writeOut = { [unowned self] in self.out += $0 }
            shell.writeErr = { [unowned self] in self.err += $0 }
            for (k, body) in versions.enumerated() {
                shell.workspace.add(ParsedDocument(path: "/tmp/story\(k).txt", format: .text,
                                                   metadata: ArticleMetadata(title: "Fire kills \(12 + k)"), paragraphs: [body]), name: "story")
            }
        }
    }

    static let v1 = "At least 12 people were killed in the fire. The cause is unknown."
    static let v2 = "At least 15 people were killed in the fire. The cause is unknown."

    @Test func inlineDiffMarksWordsWithoutColour() {
        let c = Captured(versions: [Self.v1, Self.v2])
        #expect(c.shell.run("diff story@1 story@2") == .ok)
        #expect(c.out.contains("At least [-12-]{+15+} people were killed in the fire. The cause is unknown."))
        #expect(c.out.contains("number changed: At least 12 → 15 people were"))
        #expect(c.out.contains("title      Fire kills 12 → Fire kills 13") || c.out.contains("Fire kills 12 → Fire kills 13"))
    }

    @Test func walksConsecutivePairsAndReportsOneVersionClearly() {
        let c = Captured(versions: [Self.v1, Self.v2, Self.v2 + " Police are investigating."])
        #expect(c.shell.run("diff story --summary") == .ok)
        #expect(c.out.components(separatedBy: "diff story@").count - 1 == 2)
        let single = Captured(versions: [Self.v1])
        #expect(single.shell.run("diff story") == .failed)
        #expect(single.err.contains("'story' has only one version"))
        #expect(single.err.split(separator: "\n").count == 1)
        #expect(single.shell.run("diff story --context -1") == .failed)
        #expect(single.shell.run("diff story nothere") == .failed)
        #expect(single.err.contains("no article matches 'nothere'"))
    }

    @Test func jsonEditListHasByteOffsetsIntoBothTexts() throws {
        let c = Captured(versions: [Self.v1, Self.v2])
        c.shell.settings.format = .json
        #expect(c.shell.run("diff story@1 story@2") == .ok)
        let json = try JSONSerialization.jsonObject(with: Data(c.out.utf8)) as! [String: Any]
        let pair = (json["pairs"] as! [[String: Any]])[0]
        let edit = (pair["edits"] as! [[String: Any]])[0]
        let words = edit["words"] as! [[String: Any]]
        #expect(words.map { $0["op"] as! String } == ["delete", "insert"])
        #expect(words[0]["old"] as! [Int] == [9, 11] && words[1]["new"] as! [Int] == [9, 11])
    }

    @Test func unifiedAndSideBySideForms() {
        let c = Captured(versions: [Self.v1, Self.v2])
        #expect(c.shell.run("diff story --unified --context 0") == .ok)
        #expect(c.out.contains("-At least 12 people were killed in the fire.\n+At least 15 people were killed in the fire."))
        c.out = ""
        #expect(c.shell.run("diff story --side-by-side --width 60") == .ok)
        let rows = c.out.split(separator: "\n").filter { $0.contains(" | ") }
        #expect(!rows.isEmpty && rows.allSatisfy { TextWidth.of(String($0)) <= 60 })
    }

    @Test func rewrittenArticlesShowBothTextsWhole() {
        let c = Captured(versions: [Self.v1, "Heavy snow closed the mountain roads overnight."])
        #expect(c.shell.run("diff story") == .ok)
        #expect(c.out.contains("rewritten: only 0 % of the words survive"))
        #expect(c.out.contains("Heavy snow closed the mountain roads overnight."))
    }

    @Test func versionsAndSimilarAndGroup() {
        let c = Captured(versions: [Self.v1, Self.v2])
        #expect(c.shell.run("versions story") == .ok)
        #expect(c.out.contains("50.0 %") && c.out.contains("0.923"))  // 12 of 13 words kept: 24/26
        let long = (0..<60).map { "Sentence number \($0) tells part of the long story about the harbour." }.joined(separator: " ")
        c.shell.workspace.add(ParsedDocument(path: "/tmp/a.txt", format: .text, metadata: ArticleMetadata(), paragraphs: [long]))
        c.shell.workspace.add(ParsedDocument(path: "/tmp/b.txt", format: .text, metadata: ArticleMetadata(), paragraphs: [long + " One more line."]))
        c.out = ""
        #expect(c.shell.run("similar a2 a3 --threshold 0.8") == .ok)
        #expect(c.out.contains("1 cluster among 2 versions"))
        #expect(c.shell.run("group a2 a3 --as harbour") == .ok)
        #expect(c.shell.workspace.article(named: "harbour")?.versions.count == 2)
        #expect(c.shell.run("similar --threshold 2") == .failed)
    }

    @Test func styledRunsRenderMarkersOrColour() {
        let runs: [StyledRun] = [StyledRun("a "), StyledRun("old", .deleted), StyledRun("new", .inserted), StyledRun("\u{1B}[2J", .inserted)]
        let plain = Renderer.render([.styled(runs)], RenderOptions(format: .table, color: false))
        #expect(plain == "a [-old-]{+new+}{+␛[2J+}\n")
        let coloured = Renderer.render([.styled(runs)], RenderOptions(format: .table, color: true))
        #expect(coloured == "a \u{1B}[31mold\u{1B}[0m\u{1B}[32mnew\u{1B}[0m\u{1B}[32m␛[2J\u{1B}[0m\n")
    }
}
