/// The version verbs (versions, diff, similar, group), in the order `help` lists them.
extension CommandRegistry {
    static let versionCommands: [any ShellCommand.Type] = [VersionsCommand.self, DiffCommand.self, SimilarCommand.self, GroupCommand.self]
}
