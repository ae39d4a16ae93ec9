/// What a command shows, independent of the output format: renderers turn these into a terminal table,
/// plain text or CSV; JSON output encodes the command's result itself instead.
public enum DisplayBlock: Sendable {
    case table(Table)
    /// Label/value pairs, shown as a two-column table.
    case fields(title: String?, [(String, String)])
    /// Free text (already laid out); article text inside is sanitised by the renderer.
    case text(String)
    /// Text with styled runs (diffs): coloured on a colour terminal, otherwise deletions and insertions are
    /// marked `[-old-]{+new+}` as git --word-diff and wdiff do.
    case styled([StyledRun])
}

public struct StyledRun: Sendable, Equatable {
    /// `removedLine`/`addedLine` colour whole lines (unified form) and carry no markers without colour.
    public enum Style: Sendable { case plain, deleted, inserted, removedLine, addedLine, strong, dim }
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

public struct Table: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        /// Column that may be cut to fit the terminal (text), rather than a number that must stay whole.
        public var shrinkable: Bool
        public init(_ title: String, _ alignment: Alignment = .left, shrinkable: Bool = false) {
            self.title = title; self.alignment = alignment; self.shrinkable = shrinkable
        }
    }

    public var title: String?
    public var columns: [Column]
    public var rows: [[String]]
    /// Optional bar lengths in [0, 1] per row, drawn beside the table on a terminal.
    public var bars: [Double]?
    public var footer: String?

    public init(title: String? = nil, columns: [Column], rows: [[String]], bars: [Double]? = nil, footer: String? = nil) {
        self.title = title; self.columns = columns; self.rows = rows; self.bars = bars; self.footer = footer
    }
}

/// A command's answer: the Codable result (for JSON, the session log and `--json`) and how to show it.
public protocol CommandResult: Encodable, Sendable {
    var display: [DisplayBlock] { get }
    /// Set when the command did part of its work but failed overall (e.g. some files did not load):
    /// the result is still shown and logged, and the command counts as failed.
    var failure: String? { get }
}

extension CommandResult {
    public var failure: String? { nil }
}

/// A result with nothing to show but a line of text.
public struct MessageResult: CommandResult {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var display: [DisplayBlock] { message.isEmpty ? [] : [.text(message)] }
}
