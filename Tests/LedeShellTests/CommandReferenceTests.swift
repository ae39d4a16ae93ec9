import Foundation
import Testing
@testable import LedeShell

/// docs/commands.md is generated from the declarations; this fails when one changed without the other.
@Suite struct CommandReferenceTests {
    @Test func docsCommandsMatchesTheDeclarations() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/commands.md"), encoding: .utf8)
        let made = CommandReference.markdown()
        #expect(page.trimmingCharacters(in: .newlines) == made.trimmingCharacters(in: .newlines),
                "docs/commands.md is out of date: run Scripts/docs-reference")
        for type in CommandRegistry.commands { #expect(page.contains("\n## \(type.verb)\n"), "\(type.verb) is missing") }
    }
}
