import ArgumentParser
import LedeSession
import LedeEngine

struct SelectCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Show what a selection picks; --as NAME keeps it as a collection usable wherever articles are named.",
        discussion: """
        Selectors combine with and, or, not and parentheses: select tag:politics and not source:bbc --as home. \
        Prefixes: \(SelectorField.allCases.map { $0.rawValue + ":" }.joined(separator: " ")). \
        A collection's members are fixed when it is made (a whole article follows its new versions); \
        --forget NAME removes the name and keeps the articles. Details: docs/selections.md.
        """)
    static let recordsResult = true

    @Argument(help: "The selection (default: all).") var selectors: [String] = []
    @Option(name: .customLong("as"), help: "Keep the selection under this name.") var name: String?
    @Option(help: "Forget the collection with this name (its articles stay).") var forget: String?

    func validate() throws {
        if forget != nil && (name != nil || !selectors.isEmpty) { throw ValidationError("--forget NAME takes nothing else") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.select(SelectRequest(selectors: selectors, name: name, forget: forget))
    }
}

extension SelectReport: CommandResult {
    public var display: [DisplayBlock] {
        if let forgotten { return [.text("forgot the collection \(forgotten); its articles stay loaded")] }
        var summary = "\(expression): \(Format.plural(articles.count, "article"))"
        if versions != articles.count { summary += " (\(Format.plural(versions, "version")))" }
        if let name { summary += "; kept as \(name)" }
        let shown = Array(articles.prefix(20))
        let footer = articles.count > shown.count ? "first \(shown.count) of \(Format.int(articles.count)) (list \(name ?? "SEL") shows all)" : nil
        return [.table(ListReport.table(shown, footer: footer)), .text(summary)]
    }
}
