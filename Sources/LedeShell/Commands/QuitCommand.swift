import ArgumentParser

struct QuitCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "quit", abstract: "Leave lede (asks once if results are not saved).", aliases: ["exit"])
    static let recordsResult = false
    static let argumentKind = ArgumentKind.none

    @Flag(name: .shortAndLong, help: "Quit even if results are not saved.") var force = false

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        if shell.terminal.isInteractive, !force, !shell.quitWarned, shell.log.unsaved > 0 {
            shell.quitWarned = true
            return MessageResult("\(Format.plural(shell.log.unsaved, "result")) not saved ('save FILE' keeps them); quit again to leave.")
        }
        shell.quitRequested = true
        return MessageResult("")
    }
}
