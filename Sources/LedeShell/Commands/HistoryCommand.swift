import ArgumentParser
import Foundation

struct HistoryCommand: ShellControlCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List the command history, or search it with -g PATTERN.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.none

    @Option(name: .customShort("g"), help: "Only lines containing this text (case-insensitive).") var pattern: String?
    @Option(name: [.customShort("n"), .long], help: "Only the last N lines.") var count: Int?

    func validate() throws { if let count { try OptionLimits.check(count, in: OptionLimits.count, "-n") } }

    struct Entry: Codable { var number: Int; var line: String }
    struct Result: CommandResult {
        var entries: [Entry]
        var display: [DisplayBlock] {
            [.text(entries.map { String(repeating: " ", count: max(0, 5 - String($0.number).count)) + "\($0.number)  \($0.line)" }.joined(separator: "\n"))]
        }
    }

    func run(_ context: CommandContext, controls: any ShellControls) throws -> any CommandResult {
        var entries = controls.history.enumerated().map { Entry(number: $0.offset + 1, line: $0.element) }
        if let pattern { entries = entries.filter { $0.line.range(of: pattern, options: .caseInsensitive) != nil } }
        if let count { entries = Array(entries.suffix(count)) }
        return Result(entries: entries)
    }
}
