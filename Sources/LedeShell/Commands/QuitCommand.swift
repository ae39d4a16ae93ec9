import ArgumentParser
import LedeSession

struct QuitCommand: ShellControlCommand {
    static let configuration = CommandConfiguration(commandName: "quit", abstract: "Leave lede (asks once if results are not saved).", aliases: ["exit"])
    static let recordsResult = false
    static let argumentKind = ArgumentKind.none

    @Flag(name: .shortAndLong, help: "Quit even if results are not saved.") var force = false

    func run(_ context: CommandContext, controls: any ShellControls) throws -> any CommandResult {
        let unsaved = context.engine.log.unsaved
        if context.output.isInteractive, !force, !controls.quitWarned, unsaved > 0 {
            controls.quitWarned = true
            return MessageResult("\(Format.plural(unsaved, "result")) not saved ('save FILE' keeps them); quit again to leave.")
        }
        controls.requestQuit()
        return MessageResult("")
    }
}
