import Foundation
import Testing

/// The README's claims run: every ```lede block in README.md is a session of its own, started from the repository
/// root, and every line of it must succeed. (A line may carry the `lede> ` prompt; blocks fenced otherwise are not run.)
@Suite struct ReadmeExamplesTests {
    /// The ```lede blocks of a Markdown text, each as its lines without the prompt.
    static func blocks(in markdown: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for raw in markdown.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if current == nil {
                if line == "```lede" { current = [] }
            } else if line.hasPrefix("```") {
                blocks.append(current!)
                current = nil
            } else {
                var command = raw
                if command.hasPrefix("lede> ") { command.removeFirst(6) }
                current!.append(command)
            }
        }
        return blocks
    }

    @Test func blocksAreFound() {
        let md = "text\n```lede\nlede> list\nstats --by article\n```\n```sh\nls\n```\n```lede\nhelp\n```\n"
        #expect(Self.blocks(in: md) == [["list", "stats --by article"], ["help"]])
    }

    @Test func everyReadmeExampleRuns() throws {
        let readme = try String(contentsOfFile: Lede.packageRoot + "/README.md", encoding: .utf8)
        let blocks = Self.blocks(in: readme)
        #expect(!blocks.isEmpty, "the README has ```lede examples")
        for (i, block) in blocks.enumerated() {
            let r = try Lede.run(["--no-init"], stdin: block.joined(separator: "\n") + "\n", cwd: Lede.packageRoot)
            #expect(r.status == 0, "README ```lede block \(i + 1) failed:\n\(block.joined(separator: "\n"))\n\(r.err)")
        }
    }
}
