import ArgumentParser
import Foundation
import LedeArticles
import LedeSession
import LedeEngine

struct LoadCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load articles from files, folders or glob patterns (text dumps, HTML, JSON/JSONL).",
        discussion: "Loading a NAME again (--as) adds a new version of that article when its text changed.")
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "Files, folders (read recursively) or glob patterns.") var paths: [String]
    @Option(name: .customLong("as"), help: "Name the article; loading the same name again adds a version.") var name: String?
    @Option(name: .customLong("max-size"), help: "Skip files larger than this many megabytes (1–4,095).") var maxSizeMB: Int = 64
    @Option(name: .customLong("field"), help: "JSON field override, e.g. text=article_body (repeatable).") var fields: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        try OptionLimits.check(maxSizeMB, in: OptionLimits.megabytes, "--max-size")
        for f in fields { _ = try Self.fieldOverride(f) }
    }

    /// `--field NAME=JSONFIELD`: both sides given, NAME one of the fields lede reads.
    static func fieldOverride(_ spec: String) throws -> (name: String, field: String) {
        guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex, spec.index(after: eq) != spec.endIndex else {
            throw ValidationError("--field takes NAME=JSONFIELD, got '\(spec)'")
        }
        let name = String(spec[..<eq]), field = String(spec[spec.index(after: eq)...])
        guard JSONRecordParser.fieldNames[name] != nil else {
            throw ValidationError("--field \(name)=…: unknown field (use one of \(JSONRecordParser.fieldNames.keys.sorted().joined(separator: ", ")))")
        }
        return (name, field)
    }

    func run(_ context: CommandContext) throws -> any CommandResult {
        var overrides: [String: String] = [:]
        for f in fields { let o = try Self.fieldOverride(f); overrides[o.name] = o.field }
        let progress = context.output.progressLine()
        let report = try context.engine.load(
            LoadRequest(paths: paths.map { context.output.resolvePath($0) }, name: name, maxFileSize: maxSizeMB << 20, fieldOverrides: overrides),
            progress: progress.map { line in { @Sendable p in line.update(p.done, p.bytes, p.total, phase: p.phase == .loading ? "loading" : "indexing") } })
        progress?.finish()
        for w in report.warnings.prefix(20) { context.output.warn(w.description) }
        if report.warnings.count > 20 { context.output.warn("… and \(report.warnings.count - 20) more warnings") }
        // Everything that loaded stays loaded; each bad file gets its own line (the last as the failure).
        for e in report.errors.dropLast() { context.output.error("load: \(e.description)") }
        return report
    }
}

extension LoadReport: CommandResult {
    /// `loaded 2,225 articles (5.0 MB) in 0.21 s; 1 warning`, with new versions and unchanged reloads named apart.
    var summary: String {
        let (added, versions, unchanged) = counts
        var parts: [String] = []
        if added > 0 || items.isEmpty { parts.append(Format.plural(added, "article")) }
        if versions > 0 { parts.append(Format.plural(versions, "new version")) }
        var s = "loaded " + parts.joined(separator: " and ") + " (\(ByteCount.format(bytes))) in \(Format.seconds(seconds))"
        if unchanged > 0 { s += "; \(unchanged) unchanged" }
        if !skipped.isEmpty {
            let names = skipped.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            s += "; skipped \(Format.plural(skipped.count, "non-article file")) (\(names)\(skipped.count > 3 ? ", …" : ""))"
        }
        if !warnings.isEmpty { s += "; \(Format.plural(warnings.count, "warning"))" }
        if !errors.isEmpty { s += "; \(Format.plural(errors.count, "file")) not loaded" }
        return s
    }

    public var failure: String? { errors.last?.description }

    public var display: [DisplayBlock] {
        var blocks: [DisplayBlock] = []
        if items.count <= 20 && !items.isEmpty {
            blocks.append(.table(Table(columns: [.init("id"), .init("name"), .init("version", .right), .init("status"),
                                                 .init("words", .right), .init("title", shrinkable: true)],
                                       rows: items.map { [$0.id, $0.name ?? "", String($0.version), $0.status, Format.int($0.words), $0.title ?? ""] })))
        }
        blocks.append(.text(summary))
        return blocks
    }
}
