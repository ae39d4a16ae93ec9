

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
    /// A chart drawn to the width on a terminal (table format); in plain and CSV, the table of its numbers.
    case chart(any TerminalChart, data: Table)
}

/// A chart drawn with text characters. It sanitises any article text it draws itself.
public protocol TerminalChart: Sendable {
    /// The chart's lines, at most `width` columns each; escape sequences for colour only when `color`.
    func lines(width: Int, color: Bool) -> [String]
}

public struct StyledRun: Sendable, Equatable {
    /// `removedLine`/`addedLine` colour whole lines (unified form) and carry no markers without colour. `match`
    /// (a search hit) is bold and underlined in colour, and in [brackets] without.
    public enum Style: Sendable { case plain, deleted, inserted, removedLine, addedLine, strong, dim, match }
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}
