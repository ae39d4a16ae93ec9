import ArgumentParser
import LedeEngine
import LedeSession

struct SetCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Show settings, or change one: format, color, pager, bail, echo, timer.",
        discussion: "format table|plain|json|csv|tsv|jsonl (a redirect to .csv, .tsv, .json or .jsonl picks its own unless the format is set) · color auto|on|off · pager auto|off · bail on|off · echo on|off · timer on|off")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.settings

    @Argument(help: "The setting to change.") var option: String?
    @Argument(help: "Its new value.") var value: String?

    func validate() throws {
        if option != nil && value == nil { throw ValidationError("give a value: set \(option!) VALUE") }
    }

    struct Result: CommandResult {
        var settings: [String: String]
        var changed: String?
        /// One row per setting.
        var dataTable: DataTable? {
            DataTable(columns: ["setting", "value"], rows: Settings.options.map { [.string($0.name), .string(settings[$0.name] ?? "")] })
        }
        var display: [DisplayBlock] {
            if let changed { return [.text(changed)] }
            return [.fields(title: nil, Settings.options.map { ($0.name, settings[$0.name] ?? "") })]
        }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        if let option, let value {
            do { try context.engine.settings.set(option, value) } catch { throw CommandError("\(error)") }
        }
        let all = Dictionary(uniqueKeysWithValues: context.engine.settings.values.map { ($0.name, $0.value) })
        return Result(settings: all, changed: option.map { "\($0) = \(all[$0.lowercased()] ?? "")" })
    }
}
