import ArgumentParser

/// The command reference, made from the commands' own declarations: `lede -c 'help --markdown'` writes
/// docs/commands.md (Scripts/docs-reference), and a test fails when the two disagree.
enum CommandReference {
    /// Every command in `help`'s order: its abstract, aliases and the parser's help text at 100 columns.
    static func markdown() -> String {
        var out = """
        # Command reference

        Generated from the commands' declarations by `Scripts/docs-reference` (`lede -c 'help --markdown'`);
        a test fails when this page and the declarations disagree. `help VERB` at the prompt prints the same text.

        | command | what it does |
        |---|---|

        """
        for type in CommandRegistry.commands {
            let aliases = type.configuration.aliases
            out += "| [`\(type.verb)`](#\(type.verb)) | \(type.abstract.replacingOccurrences(of: "|", with: "\\|"))"
                + (aliases.isEmpty ? "" : " (also `\(aliases.joined(separator: "`, `"))`)") + " |\n"
        }
        for type in CommandRegistry.commands {
            var help = type.helpMessage(columns: 100)
            while help.hasSuffix("\n") { help.removeLast() }
            out += "\n## \(type.verb)\n\n\(type.abstract)\n\n```\n\(help)\n```\n"
        }
        return out
    }
}
