import LedeEngine

/// A trend with the style it is drawn in; its JSON is the report's.
struct TrendPlot: CommandResult {
    let report: TrendReport
    let style: TrendChart.Style
    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
    var display: [DisplayBlock] { report.display(style: style) }
}
