/// The statistics verbs (stats, sentences, keywords, keyness, kwic, collocations), in the order `help` lists them.
extension CommandRegistry {
    static let statisticsCommands: [any ShellCommand.Type] = []
}
