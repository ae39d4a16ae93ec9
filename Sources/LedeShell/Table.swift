

public struct Table: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        /// Column that may be cut to fit the terminal (text), rather than a number that must stay whole.
        public var shrinkable: Bool
        /// Cut at the start instead of the end (`…the words nearest the match`, for KWIC's left context).
        public var cutsStart: Bool
        /// When the table is too wide once text columns are cut: the title shown instead (`ref.` for `reference`),
        /// then the column is left out, lowest `dropOrder` first (nil: never left out).
        public var short: String?
        public var dropOrder: Int?
        /// A shrinkable column is not cut below this many columns (other columns are left out first).
        public var minWidth: Int
        /// Cut between words, not inside one (context, where a half word misleads).
        public var wholeWords: Bool
        public init(_ title: String, _ alignment: Alignment = .left, shrinkable: Bool = false, cutsStart: Bool = false,
                    short: String? = nil, dropOrder: Int? = nil, minWidth: Int = 8, wholeWords: Bool = false) {
            self.title = title; self.alignment = alignment; self.shrinkable = shrinkable; self.cutsStart = cutsStart
            self.short = short; self.dropOrder = dropOrder; self.minWidth = minWidth; self.wholeWords = wholeWords || cutsStart
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
