import ArgumentParser
import LedeSession
import LedeEngine

struct OpenCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a saved session: its articles, settings and result log replace the current ones.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The session file.") var file: String

    func run(_ context: CommandContext) throws -> any CommandResult {
        let progress = context.output.progressLine()
        defer { progress?.finish() }
        let report = try context.engine.open(OpenRequest(file: file, path: context.output.resolvePath(file)),
                                             progress: progress.map { line in { @Sendable p in
                                                 line.update(p.done, 0, p.total, phase: p.phase == .loading ? "reading" : "indexing") } })
        for w in report.warnings { context.output.warn(w) }
        return report
    }
}

extension OpenReport: CommandResult {
    public var display: [DisplayBlock] {
        [.text("opened \(file): \(Format.plural(articles, "article")) (\(Format.plural(versions, "version")))"
               + (models > 0 ? ", \(Format.plural(models, "model"))" : "") + ", \(Format.plural(results, "result"))"
               + (warnings.isEmpty ? "" : "; \(Format.plural(warnings.count, "warning"))")
               + (closedArchive.map { "; archive \($0) closed" } ?? ""))]
    }
}
