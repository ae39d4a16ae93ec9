import ArgumentParser

struct SourceCommand: ShellCommand {
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

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let path = shell.resolvePath(file)
        let outcome = try shell.runScript(path: path, displayName: file)
        if outcome.quit { shell.quitRequested = true }
        return Result(file: file, commands: outcome.commands, failed: outcome.failed)
    }
}
