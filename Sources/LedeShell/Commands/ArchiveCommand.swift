import ArgumentParser
import Foundation
import LedeArticles
import LedeSession
import LedeEngine

struct ArchiveCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Open or create an archive (one SQLite file) that keeps what you load and fetch; alone, show what it holds.",
        discussion: """
        With an archive open, load and fetch store every article and version in it (an unchanged file costs a \
        hash check), tag and train keep their tags and models there, and every command is logged. Opening an \
        archive fills the session with its articles (the same ids), so a new lede analyses them without the \
        original files. drop takes articles out of the session only: the archive keeps everything. \
        'lede --archive FILE' opens one at start. Format and faults: docs/archive.md.
        """)
    static let recordsResult = false
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The archive file (created when it does not exist).") var file: String?
    @Flag(help: "Replace loaded articles that are not in an archive without asking.") var force = false
    @Flag(help: "Check the open archive's integrity (SQLite's integrity_check).") var check = false
    @Flag(help: "Close the open archive (the session keeps its articles).") var close = false

    func validate() throws {
        if [file != nil, check, close].filter({ $0 }).count > 1 { throw ValidationError("give a FILE, --check or --close, not several") }
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        let action: ArchiveRequest.Action
        if let file { action = .open(file: file, path: context.output.resolvePath(file)) }
        else if check { action = .check }
        else if close { action = .close }
        else { action = .summary }
        let progress = context.output.progressLine()
        defer { progress?.finish() }
        let report = try context.confirming(force: force) { force in
            try context.engine.archive(ArchiveRequest(action: action, force: force), progress: progress.map { line in { @Sendable p in
                line.update(p.done, 0, p.total, phase: p.phase == .loading ? "reading" : "tokenising") } })
        }
        guard let report else { return MessageResult("archive not opened") }
        for w in report.warnings { context.output.warn(w) }
        return report
    }
}

extension ArchiveReport: CommandResult {
    public var failure: String? {
        guard let problems, !problems.isEmpty else { return nil }
        return "archive \(file ?? ""): integrity check found \(Format.plural(problems.count, "problem")): \(problems[0])"
    }

    public var display: [DisplayBlock] {
        let name = file ?? ""
        switch action {
        case "none":
            return [.text("no archive is open ('archive FILE' opens or creates one)")]
        case "closed":
            return [.text("closed archive \(name); the session keeps its \(Format.plural(inWorkspace ?? 0, "article")), and loads are no longer stored")]
        case "opened", "created":
            guard let c = opened else { return [] }
            var line = "\(action) archive \(name): \(Format.plural(c.articles, "article")) (\(Format.plural(c.versions, "version")))"
            if c.models > 0 { line += ", \(Format.plural(c.models, "model"))" }
            if c.collections > 0 { line += ", \(Format.plural(c.collections, "collection"))" }
            if c.feeds > 0 { line += ", \(Format.plural(c.feeds, "feed"))" }
            if let seconds { line += " in \(Format.seconds(seconds))" }
            if c.unindexedTexts > 0 { line += "; \(Format.plural(c.unindexedTexts, "text")) not in the search index yet (the next search adds them)" }
            return [.text(line)]
        default:
            guard let c = contents else { return [] }
            var fields: [(String, String)] = [
                ("archive", name),
                ("schema", String(c.schemaVersion)),
                ("created", c.created.map { ISO8601DateFormatter().string(from: $0) } ?? ""),
                ("articles", Format.int(c.articles) + (inWorkspace.map { $0 != c.articles ? " (\(Format.int($0)) in this session)" : "" } ?? "")),
                ("versions", Format.int(c.versions)),
                ("distinct texts", Format.int(c.texts)),
                ("raw files", "\(Format.int(c.rawFiles)) (\(ByteCount.format(c.rawBytes)), stored in \(ByteCount.format(c.storedRawBytes)))"),
                ("tags", Format.int(c.tags)),
                ("models", Format.int(c.models)),
                ("collections", Format.int(c.collections)),
                ("feeds", Format.int(c.feeds)),
                ("log entries", Format.int(c.logEntries)),
                ("not in the search index", c.unindexedTexts == 0 ? "0" : "\(Format.int(c.unindexedTexts)) (the next search adds them)"),
                ("file size", ByteCount.format(c.fileBytes)),
            ]
            if let problems { fields.append(("integrity", problems.isEmpty ? "ok" : problems.joined(separator: "; "))) }
            return [.fields(title: nil, fields)]
        }
    }
}
