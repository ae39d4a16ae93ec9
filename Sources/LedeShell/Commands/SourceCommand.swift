import ArgumentParser
import LedeSession

struct SourceCommand: ShellControlCommand {
    static let configuration = CommandConfiguration(commandName: "source", abstract: "Run the commands in a script file (nested; paths relative to the including file).", aliases: ["."])
    static let recordsResult = false
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The script file.") var file: String

    struct Result: CommandResult {
        var file: String
        var commands: Int
        var failed: Int
        var display: [DisplayBlock] { [] }
        var failure: String? { failed > 0 ? "\(file): \(Format.plural(failed, "command")) failed" : nil }
    }

    func run(_ context: CommandContext, controls: any ShellControls) throws -> any CommandResult {
        let outcome = try controls.runScript(path: context.output.resolvePath(file), displayName: file)
        if outcome.quit { controls.requestQuit() }
        return Result(file: file, commands: outcome.commands, failed: outcome.failed)
    }
}
