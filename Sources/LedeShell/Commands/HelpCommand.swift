import ArgumentParser
import LedeEngine

struct HelpCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "help", abstract: "List the commands, or show one command's arguments and options.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.verbs

    @Argument(help: "The command to explain.") var verb: String?
    @Flag(help: "Every command's help as Markdown (the reference in docs/commands.md is made with it).") var markdown = false

    struct Result: CommandResult {
        var commands: [Entry]?
        var usage: String?
        struct Entry: Codable { var verb: String; var aliases: [String]; var summary: String }
        var display: [DisplayBlock] {
            if let usage { return [.text(usage)] }
            let rows = (commands ?? []).map { [$0.verb + ($0.aliases.isEmpty ? "" : " (\($0.aliases.joined(separator: ", ")))"), $0.summary] }
            return [
                .table(Table(columns: [.init("command"), .init("what it does", shrinkable: true)], rows: rows)),
                .text("""
                Selectors: a3 (id), NAME, NAME@2, NAME@latest, NAME@all, all, tag:TOPIC, source:NAME, globs (talks*).
                Any command may end in '> FILE' or '>> FILE'. 'help VERB' shows a command's options.
                """),
            ]
        }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        if markdown { return Result(usage: CommandReference.markdown()) }
        if let verb {
            guard let type = CommandRegistry.lookup(verb) else {
                let hint = CommandRegistry.suggestion(for: verb).map { " (did you mean '\($0)'?)" } ?? ""
                throw CommandError("unknown command '\(verb)'\(hint)")
            }
            return Result(usage: type.helpMessage(columns: context.output.helpColumns))
        }
        return Result(commands: CommandRegistry.commands.map {
            .init(verb: $0.verb, aliases: $0.configuration.aliases, summary: $0.abstract)
        })
    }
}
