/// The topic verbs (tag, train, evaluate, topics), in the order `help` lists them.
extension CommandRegistry {
    static let topicCommands: [any ShellCommand.Type] = [
        TagCommand.self, TrainCommand.self, EvaluateCommand.self, TopicsCommand.self,
    ]
}
