import Foundation
import Testing

/// At the terminal: what TAB offers after an option, a question before a screenful of candidates, and a question
/// before `drop all` or retraining a model.
@Suite(.serialized) final class InteractiveQuestionsTests {
    let home = Lede.temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: home) }

    func start(rows: UInt16 = 30) throws -> PseudoTerminal {
        let pty = try PseudoTerminal(arguments: ["--no-init", "-i", Lede.samples + "/load.lede"],
                                     environment: Lede.environment(home: home, extra: ["TERM": "xterm"]), columns: 100, rows: rows)
        try pty.expect("lede> ", "(the prompt)")
        return pty
    }

    @Test func tabAfterAnOptionOffersItsValues() throws {
        let pty = try start()
        try pty.type("keywords --by \t")
        let listing = try pty.expect("article")
        #expect(listing.contains("source") && listing.contains("date") && !listing.contains("a1 "), "\(listing)")
        pty.send("\u{15}")
        try pty.type("keywords --by so\t--top 1\r")
        try pty.expect("Xinhua", "--by source completed")
    }

    @Test func moreThanAScreenfulAsksFirst() throws {
        let pty = try start(rows: 4)
        try pty.type("show \t")
        try pty.expect("Display all", "the question before a listing taller than the screen")
        try pty.type("n")
        pty.send("\u{15}")
        try pty.type("list\r")
        try pty.expect("5 articles")
    }

    @Test func dropAllAsksAndNoKeepsEverything() throws {
        let pty = try start()
        try pty.type("drop all\r")
        try pty.expect("drop every article (5)? [y/N]")
        try pty.type("n\r")
        try pty.expect("nothing dropped")
        try pty.type("list\r")
        try pty.expect("5 articles")
        try pty.type("drop all\r")
        try pty.expect("[y/N]")
        try pty.type("y\r")
        try pty.expect("dropped 5 articles; 0 left")
    }
}
