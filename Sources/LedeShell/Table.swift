

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
