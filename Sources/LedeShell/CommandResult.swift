

/// A command's answer: the Codable result (for JSON, the session log and `--json`) and how to show it.
public protocol CommandResult: Encodable, Sendable {
    var display: [DisplayBlock] { get }
    /// Set when the command did part of its work but failed overall (e.g. some files did not load):
    /// the result is still shown and logged, and the command counts as failed.
    var failure: String? { get }
    /// The one table `> x.csv`, `> x.tsv` and `> x.jsonl` write, when the result's own choice is not its largest
    /// list of records (`DataTable.from`); nil for that default.
    var dataTable: DataTable? { get }
    /// What an archive's session log keeps as the result, when not the whole result (a load of tens of
    /// thousands of files keeps its counts, not a row per file); nil for the result itself.
    var archiveLogValue: (any Encodable & Sendable)? { get }
}

extension CommandResult {
    public var failure: String? { nil }
    public var archiveLogValue: (any Encodable & Sendable)? { nil }
    /// A chart's own table of numbers when the result draws one; else nil (the default: `DataTable.from`).
    public var dataTable: DataTable? {
        for case .chart(_, let data) in display { return DataTable(cells: data) }
        return nil
    }
}

/// A result with nothing to show but a line of text.
public struct MessageResult: CommandResult {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var display: [DisplayBlock] { message.isEmpty ? [] : [.text(message)] }
}
