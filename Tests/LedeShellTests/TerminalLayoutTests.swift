import Foundation
import Testing
@testable import LedeShell
import LedeSession
import LedeEngine

/// What a person reads at 50, 90 and 140 columns: no word broken, no context lost, tables that fit.
@Suite struct TerminalLayoutTests {
    static let prose = """
    A fire that broke out overnight in a storage warehouse at Kessing harbour has killed 15 people, the regional \
    fire service said on Saturday afternoon. Witnesses said the flames could be seen from the old town, two \
    kilometres away, and https://example.org/a/very/long/address/that/cannot/fit/anywhere/on/one/line stays whole where it can.
    """

    /// Every word of `text` appears whole on some line (except a word longer than a line).
    func wordsAreWhole(_ wrapped: String, _ original: String, width: Int) -> Bool {
        let lines = wrapped.split(separator: "\n").map(String.init)
        return original.split(separator: " ").allSatisfy { word in
            TextWidth.of(String(word)) > width || lines.contains { $0.split(separator: " ").contains(word) }
        }
    }

    @Test(arguments: [50, 90, 140]) func textWrapsAtSpacesOnly(width: Int) {
        let wrapped = TextWrap.wrap(Self.prose, width: width)
        for line in wrapped.split(separator: "\n") { #expect(TextWidth.of(String(line)) <= width, "\(line)") }
        #expect(wordsAreWhole(wrapped, Self.prose, width: width))
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == Self.prose || width < 100)
    }

    @Test func bulletsAndIndentationHang() {
        let wrapped = TextWrap.wrap("summary:\n  • At least 12 → 15 people were killed in the fire at the harbour warehouse on Saturday", width: 40)
        let lines = wrapped.split(separator: "\n")
        #expect(lines[1].hasPrefix("  • At least"))
        #expect(lines[2].hasPrefix("    ") && !lines[2].hasPrefix("     "), "\(wrapped)")
    }

    @Test func styledRunsWrapAndKeepTheirStyles() {
        let runs = [StyledRun("The death toll rose from "), StyledRun("twelve", .deleted), StyledRun("fifteen", .inserted),
                    StyledRun(" people in the overnight fire at the harbour warehouse, officials said.")]
        let wrapped = TextWrap.wrap(runs, width: 30)
        #expect(wrapped.filter { $0.style == .deleted }.map(\.text).joined() == "twelve")
        let text = Renderer.styled(wrapped, color: true)
        let plain = text.replacingOccurrences(of: "\u{1B}[31m", with: "").replacingOccurrences(of: "\u{1B}[32m", with: "")
            .replacingOccurrences(of: "\u{1B}[0m", with: "")
        for line in plain.split(separator: "\n") { #expect(TextWidth.of(String(line)) <= 30, "\(line)") }
        // Without colour the markers count in the width and are never split from their word.
        let marked = Renderer.render([.styled(runs)], RenderOptions(format: .table, width: 30, color: false))
        #expect(marked.contains("[-twelve-]{+fifteen+}"))
        for line in marked.split(separator: "\n") { #expect(TextWidth.of(String(line)) <= 30) }
    }

    @Test func filesAndPipesGetNoBarsNoBoxesNoWrapping() {
        let t = Table(columns: [.init("w"), .init("n", .right)], rows: [["a", "10"], ["b", "5"]], bars: [1, 0.5])
        let file = Renderer.render([.table(t), .text(Self.prose)], RenderOptions(format: .table, width: 40, terminal: false))
        #expect(!file.contains("█") && !file.contains("─") && !file.contains("\u{1B}"))
        #expect(file.contains(Self.prose), "text is not wrapped for a file")
        let terminal = Renderer.render([.table(t)], RenderOptions(format: .table, width: 80))
        #expect(terminal.contains("█") && terminal.contains("─"))
    }

    @Test func fieldsWrapUnderThemselvesInsteadOfEndingInAnEllipsis() {
        let title = "Kessing harbour warehouse fire: death toll rises to 15 as investigators question two men"
        let out = Renderer.render([.fields(title: nil, [("title", "Fire at Kessing → \(title)"), ("id", "a2")])],
                                  RenderOptions(format: .table, width: 50))
        #expect(!out.contains("…"))
        let lines = out.split(separator: "\n")
        for line in lines { #expect(TextWidth.of(String(line)) <= 50, "\(line)") }
        #expect(lines[1].hasPrefix("       "), "continuation lines start under the value")
    }

    func keynessTable() throws -> Table {
        let term = #"{"targetCount":12,"referenceCount":1,"targetPerMillion":12000,"referencePerMillion":200,"logLikelihood2":40.123,"#
            + #""logLikelihood4":41.5,"logRatio":5.9,"percentDiff":5900,"p":0.00001,"direction":"over","term":"#
        let json = #"{"target":2,"targetTokens":1000,"reference":3,"referenceTokens":5000,"referenceFiles":[],"shared":0,"terms":["#
            + term + #""harbour"},"# + term + #""firefighters"}]}"#
        let report = try JSONDecoder().decode(KeynessReport.self, from: Data(json.utf8))
        guard case .table(let t) = report.display[0] else { fatalError() }
        return t
    }

    @Test(arguments: [50, 60, 90, 140]) func keynessFitsTheWidth(width: Int) throws {
        let out = Renderer.render([.table(try keynessTable())], RenderOptions(format: .table, width: width))
        for line in out.split(separator: "\n") where !line.hasPrefix("target:") && !line.hasPrefix("left out") {
            #expect(TextWidth.of(String(line)) <= width, "\(width): \(line)")
        }
        #expect(out.contains("harbour") && out.contains("firefighters"))
        if width <= 60 {
            #expect(out.contains("left out to fit \(width) columns: G² (2)"), "\(out)")
            #expect(!out.contains("G² (2)  "))
        } else {
            #expect(!out.contains("left out"))
        }
    }

    @Test(arguments: [50, 90]) func kwicKeepsTheWordsNextToTheMatch(width: Int) {
        let json = #"{"term":"fire","matches":1,"lines":[{"left":"the regional service said on Saturday that the deadly overnight","#
            + #""match":"fire","right":"at the Kessing harbour warehouse had been burning for six hours","article":"harbour-fire@2","#
            + #""position":40,"offset":300}]}"#
        let report = try! JSONDecoder().decode(KwicReport.self, from: Data(json.utf8))
        let out = Renderer.render(report.display, RenderOptions(format: .table, width: width))
        let row = out.split(separator: "\n")[2]
        #expect(TextWidth.of(String(row)) <= width)
        #expect(row.contains("deadly overnight  fire   at the"), "\(row)")
        // The far ends are cut, between words: what is kept of each side is whole words next to the match.
        let left = "the regional service said on Saturday that the deadly overnight"
        let right = "at the Kessing harbour warehouse had been burning for six hours"
        let cells = row.components(separatedBy: "  fire   ")
        let shownLeft = cells[0].split(separator: "…").last.map(String.init) ?? ""
        let shownRight = cells[1].split(separator: "…").first.map(String.init) ?? ""
        #expect(left.hasSuffix(" " + shownLeft) && right.hasPrefix(shownRight + " "), "\(row)")
    }

    @Test func optionValuesCompleteAfterTheirOption() {
        let h = ShellHarness()
        h.run("load \(h.file("a.txt", ShellHarness.article))")
        #expect(Completer.complete("keywords --by ", shell: h.shell).candidates == ["source", "date", "article"])
        #expect(Completer.complete("keywords --by d", shell: h.shell).candidates == ["date"])
        #expect(Completer.complete("keywords --top ", shell: h.shell).candidates.isEmpty, "a number: nothing, not article ids")
        #expect(Completer.complete("keywords --stem ", shell: h.shell).candidates.contains("a1"), "after a flag, selectors again")
        #expect(Completer.complete("kwic fire --sort ", shell: h.shell).candidates.contains("R1"))
        #expect(Completer.complete("list da", shell: h.shell).candidates == ["date:"])
    }
}

