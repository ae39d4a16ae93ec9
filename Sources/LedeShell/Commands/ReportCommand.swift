import ArgumentParser
import LedeSession
import LedeEngine
import LedeReport

/// `report FILE.html [SEL]`: a self-contained HTML report of the selection and of the session's results.
struct ReportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML file: an overview of the articles with charts, and the session's logged results.",
        discussion: """
        The overview (for SEL, default all): the articles with title, source, date, words, top topic and readability; \
        readability histograms; keywords and keyness by source (or folder) with bars; dispersion strips of the top \
        keywords; trends over time; topic shares by source; the last LDA run; and for every article with versions \
        its timeline and side-by-side diffs with the change summary. The log: every result the session logged, \
        oldest first, charted where lede knows the result. No network, no script; each chart's numbers are in a \
        table beside it. docs/report.md describes it.
        """)

    @Argument(help: "The HTML file to write.") var file: String
    @Argument(help: "Articles for the overview (default: all).") var selectors: [String] = []
    @Option(help: "overview, log or both.") var content: ReportRequest.Content = .both
    @Option(help: "Keywords in the overview (1–200; default 20).") var keywords = 20
    @Option(help: "The page's title.") var title: String?

    static let argumentKind = ArgumentKind.paths

    func validate() throws {
        try OptionLimits.check(keywords, in: 1...200, "--keywords")
        if file.isEmpty { throw ValidationError("name the HTML file to write") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.report(ReportRequest(path: context.output.resolvePath(file), selectors: selectors, content: content,
                                                keywords: keywords, title: title))
    }
}

extension ReportRequest.Content: ExpressibleByArgument {}

extension ReportReport: CommandResult {
    public var display: [DisplayBlock] {
        [.fields(title: nil, [("wrote", path), ("size", Format.int(bytes) + " bytes"), ("articles", Format.int(articles)),
                              ("sections", sections.joined(separator: ", ")), ("charts", String(charts)),
                              ("logged results", String(loggedResults)), ("time", Format.seconds(seconds))])]
    }
}
