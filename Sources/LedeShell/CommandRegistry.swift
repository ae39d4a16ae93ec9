

/// Every verb of the shell, in the order `help` lists them.
public enum CommandRegistry {
    public static let commands: [any ShellCommand.Type] = [
        // The session
        HelpCommand.self, LoadCommand.self, ListCommand.self, SelectCommand.self, ShowCommand.self, DropCommand.self,
        SetCommand.self, HistoryCommand.self, SourceCommand.self, SaveCommand.self, OpenCommand.self, ExportCommand.self,
        // The archive and the web
        ArchiveCommand.self, SearchCommand.self, FetchCommand.self, FeedCommand.self, FeedsCommand.self, RefreshCommand.self,
        // Statistics and keywords
        StatsCommand.self, SentencesCommand.self, KeywordsCommand.self, KeynessCommand.self, KwicCommand.self, CollocationsCommand.self,
        // Charts
        PlotCommand.self, ReportCommand.self,
        // Topics
        TagCommand.self, TrainCommand.self, EvaluateCommand.self, TopicsCommand.self,
        // Versions
        VersionsCommand.self, DiffCommand.self, SimilarCommand.self, GroupCommand.self,
        QuitCommand.self,
    ]

    /// All names a command answers to (verb and aliases).
    public static func names(of type: any ShellCommand.Type) -> [String] {
        [type.verb] + type.configuration.aliases
    }

    public static func lookup(_ verb: String) -> (any ShellCommand.Type)? {
        let v = verb.lowercased()
        return commands.first { names(of: $0).contains(v) }
    }

    public static var allNames: [String] { commands.flatMap { names(of: $0) } }

    /// The closest verb to a mistyped one, for "did you mean".
    public static func suggestion(for verb: String) -> String? {
        let v = verb.lowercased()
        let scored = allNames.map { ($0, EditDistance.levenshtein(v, $0)) }
        if let prefix = allNames.filter({ $0.hasPrefix(v) }).sorted().first, v.count >= 2 { return prefix }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(2, v.count / 3)) else { return nil }
        return best.0
    }
}
