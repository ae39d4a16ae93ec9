import Foundation
import Testing
@testable import LedeShell
import LedeSession

@Suite struct RendererTests {
    let table = Table(columns: [.init("id"), .init("words", .right), .init("title", shrinkable: true)],
                      rows: [["a1", "1,234", "Chinese FM holds talks with Russian counterpart"],
                             ["a2", "7", "京ICP备08005356号 café"]])

    @Test func tableAlignsColumns() {
        let out = Renderer.render([.table(table)], RenderOptions(format: .table, width: 200))
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id  words  title")
        #expect(lines[2].hasPrefix("a1  1,234  Chinese FM"))
        #expect(lines[3].hasPrefix("a2      7  京ICP备"))
    }

    @Test func tableFitsTheTerminalWidth() {
        let out = Renderer.render([.table(table)], RenderOptions(format: .table, width: 30))
        for line in out.split(separator: "\n") { #expect(TextWidth.of(String(line)) <= 30, "\(line)") }
        #expect(out.contains("…"))
        #expect(out.contains("1,234"), "numbers are never cut")
    }

    @Test func cjkCountsDoubleWidth() {
        #expect(TextWidth.of("京ICP备") == 7)
        #expect(TextWidth.of("café") == 4)
        #expect(TextWidth.of("cafe\u{301}") == 4)
        #expect(TextWidth.truncate("京京京京", to: 5) == "京京…")
    }

    @Test func sanitizerNeutralisesEscapes() {
        let hostile = "Title\u{1B}[2J\u{1B}]0;pwned\u{07} end\u{9B}x\u{202E}"
        let clean = Sanitizer.clean(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E })
        #expect(clean.hasPrefix("Title␛[2J"))
        let out = Renderer.render([.table(Table(columns: [.init("t")], rows: [[hostile]]))], RenderOptions(format: .table, width: 80))
        #expect(!out.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func colourOnlyWhenAsked() {
        let plain = Renderer.render([.table(table)], RenderOptions(format: .table, width: 100, color: false))
        let colour = Renderer.render([.table(table)], RenderOptions(format: .table, width: 100, color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(colour.contains("\u{1B}[1m"))
    }

    @Test func csvQuotesFields() {
        let t = Table(columns: [.init("a"), .init("b")], rows: [["x,y", #"say "hi""#], ["line\nbreak", "plain"]])
        let out = Renderer.render([.table(t)], RenderOptions(format: .csv))
        #expect(out == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",plain\n")
    }

    @Test func plainIsTabSeparated() {
        let out = Renderer.render([.table(table)], RenderOptions(format: .plain))
        #expect(out.split(separator: "\n")[1] == "a1\t1,234\tChinese FM holds talks with Russian counterpart")
    }

    @Test func fieldsAndText() {
        let out = Renderer.render([.fields(title: nil, [("id", "a1"), ("title", "T")]), .text("body")], RenderOptions(format: .table))
        #expect(out == "id     a1\ntitle  T\n\nbody\n")
    }

    @Test func barsDrawnBesideTable() {
        let t = Table(columns: [.init("w"), .init("n", .right)], rows: [["a", "10"], ["b", "5"]], bars: [1, 0.5])
        let out = Renderer.render([.table(t)], RenderOptions(format: .table, width: 80))
        let lines = out.split(separator: "\n")
        #expect(lines[2].hasSuffix(String(repeating: "█", count: 20)))
        #expect(lines[3].hasSuffix(String(repeating: "█", count: 10)))
        #expect(!Renderer.render([.table(t)], RenderOptions(format: .csv)).contains("█"))
    }
}

/// Column titles and field names can be data (a confusion matrix's labels are folder names or article fields):
/// every format makes their escapes visible; JSON keeps the data and escapes C1 and bidi characters.
@Suite struct HostileHeaderTests {
    static let label = "pol\u{1B}]52;c;eA==\u{07}\u{9B}2J\u{202E}x"

    func leaks(_ s: String) -> Bool { s.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) } }

    @Test(arguments: [Settings.OutputFormat.table, .plain, .csv])
    func columnTitlesAndFieldNamesAreSanitised(format: Settings.OutputFormat) {
        let matrix = Table(title: "confusion", columns: [.init("true \\ predicted"), .init(Self.label, .right)], rows: [[Self.label, "3"]])
        let out = Renderer.render([.table(matrix), .fields(title: Self.label, [(Self.label, Self.label)])], RenderOptions(format: format, width: 120))
        #expect(!leaks(out), "\(out.debugDescription)")
        #expect(out.contains("pol␛]52;c;eA==␇"))
    }

    @Test func jsonEscapesC1AndBidiAndStillDecodes() throws {
        let encoded = String(decoding: try JSONEncoder.lede.encode(["label": Self.label, "plain": "café 日本 🙂"]), as: UTF8.self)
        let safe = Sanitizer.escapeJSON(encoded)
        #expect(!leaks(safe))
        #expect(safe.contains("\\u009b2J\\u202ex") && safe.contains("café 日本 🙂"))
        let back = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(back["label"] == Self.label)
        #expect(Sanitizer.escapeJSON("{\"a\":1}") == "{\"a\":1}")
    }
}
