import LedeText

/// jusText's block classes and the reason a block ended up in its class (shown by `show --blocks`).
enum BlockClass: Equatable { case good, nearGood, short, bad }

/// Why a block ended up in its class: kept as values and put into words only for the blocks a loader drops
/// (formatting a reason for every block of every file was a tenth of a text dump's allocations).
struct BlockReason: CustomStringConvertible {
    enum Initial {
        case linkDensity(Double, max: Double), copyright, shortWithLink(Int), short(Int), longText, mediumText
        case prose, proseMedium, stopwordDensity(Double), fewStopwords(Double, low: Double), headingBeforeBody
    }
    /// What the context passes added, in order.
    enum Note { case shortArticle, betweenBody, betweenBoilerplate, nextToNearBody, nextToBoilerplate }

    var initial: Initial
    private var notes: (Note?, Note?) = (nil, nil)

    init(_ initial: Initial) { self.initial = initial }

    mutating func add(_ note: Note) {
        if notes.0 == nil { notes.0 = note } else { notes.1 = note }
    }

    var description: String {
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        var s: String
        switch initial {
        case .linkDensity(let d, let max): s = "link density \(percent(d)) > \(percent(max))"
        case .copyright: s = "copyright notice"
        case .shortWithLink(let n): s = "short (\(n) chars) with a link"
        case .short(let n): s = "short (\(n) chars)"
        case .longText: s = "long text"
        case .mediumText: s = "medium-length text"
        case .prose: s = "prose"
        case .proseMedium: s = "prose, medium length"
        case .stopwordDensity(let d): s = "stopword density \(percent(d))"
        case .fewStopwords(let d, let low): s = "few stopwords (\(percent(d)) < \(percent(low)))"
        case .headingBeforeBody: s = "heading before body text"
        }
        for note in [notes.0, notes.1].compactMap({ $0 }) {
            switch note {
            case .shortArticle: s += " (short article: no longer block)"
            case .betweenBody: s += ", between body blocks"
            case .betweenBoilerplate: s += ", between boilerplate"
            case .nextToNearBody: s += ", next to near-body text"
            case .nextToBoilerplate: s += ", next to boilerplate"
            }
        }
        return s
    }
}
