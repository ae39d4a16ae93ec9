import ArgumentParser
import Foundation
import LedeArticles
import LedeSession
import LedeEngine

struct LoadCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load articles from files, folders or glob patterns (text dumps, HTML, JSON/JSONL).",
        discussion: """
        --as NAME names what was loaded. Files named one by one (one article each) become versions of the article \
        NAME, in date order (modified, else published) when their dates are known; loading NAME again adds a \
        version when the text changed. A folder, a pattern or a file of many records becomes the collection NAME: \
        each file its own article, the group selectable as NAME. --versions and --collection choose explicitly.
        """)
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "Files, folders (read recursively) or glob patterns.") var paths: [String]
    @Option(name: .customLong("as"), help: "Name the article (files: its versions) or the collection (a folder).") var name: String?
    @Flag(help: "With --as: every document is a version of one article, even from a folder.") var versions = false
    @Flag(help: "With --as: the documents are a collection of articles, even files named one by one.") var collection = false
    @Flag(help: "Print every warning, not one line per kind.") var verbose = false
    @Option(name: .customLong("max-size"), help: "Skip files larger than this many megabytes (1–4,095).") var maxSizeMB: Int = 64
    @Option(name: .customLong("field"), help: "JSON field override, e.g. text=article_body (repeatable).") var fields: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        try OptionLimits.check(maxSizeMB, in: OptionLimits.megabytes, "--max-size")
        for f in fields { _ = try Self.fieldOverride(f) }
        if versions && collection { throw ValidationError("give --versions or --collection, not both") }
        if (versions || collection) && name == nil { throw ValidationError("--versions and --collection name what --as NAME is") }
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
            LoadRequest(paths: paths.map { context.output.resolvePath($0) }, name: name,
                        grouping: versions ? .versions : collection ? .collection : .automatic,
                        maxFileSize: maxSizeMB << 20, fieldOverrides: overrides),
            progress: progress.map { line in { @Sendable p in line.update(p.done, p.bytes, p.total, phase: p.phase == .loading ? "loading" : p.phase == .storing ? "storing" : "indexing") } })
        progress?.finish()
        if verbose {
            for w in report.warnings { context.output.warn(w.description) }
        } else {
            for line in Self.groupedWarnings(report.warnings) { context.output.warn(line) }
        }
        // Everything that loaded stays loaded; each bad file gets its own line (the last as the failure).
        for e in report.errors.dropLast() { context.output.error("load: \(e.description)") }
        return report
    }
}

extension LoadCommand {
    /// One line per kind of warning: the same message from many files is counted, with the first file named
    /// (all of them with --verbose, and in --json). Messages that differ only in their numbers are one kind.
    static func groupedWarnings(_ warnings: [LoadProblem]) -> [String] {
        var order: [String] = []
        var groups: [String: [LoadProblem]] = [:]
        for w in warnings {
            let kind = String(w.message.map { $0.isNumber ? "#" : $0 })
            if groups[kind] == nil { order.append(kind) }
            groups[kind, default: []].append(w)
        }
        return order.map { kind in
            let list = groups[kind]!
            if list.count == 1 { return list[0].description }
            return "\(list[0].message) — \(Format.int(list.count)) files, the first \(list[0].path) (all: load --verbose)"
        }
    }
}

extension LoadReport: CommandResult {
    /// `loaded 2,225 articles (5.0 MB) in 0.21 s; 1 warning`, with new versions and unchanged reloads named apart.
    var summary: String {
        let (added, versions, unchanged) = counts
        var parts: [String] = []
        if added > 0 { parts.append(Format.plural(added, "article")) }
        if versions > 0 { parts.append(Format.plural(versions, "new version")) }
        if parts.isEmpty { parts.append(unchanged > 0 ? "nothing new" : "no article") }
        var s = "loaded " + parts.joined(separator: " and ") + " (\(ByteCount.format(bytes))) in \(Format.seconds(seconds))"
        if unchanged > 0 { s += "; \(Format.int(unchanged)) unchanged" }
        if let collection { s += "; collection \(collection)" }
        if !placedByDate.isEmpty { s += "; placed by date: \(placedByDate.joined(separator: ", ")) (dated before a version already loaded)" }
        if !skipped.isEmpty {
            var seen = Set<String>()
            let distinct = skipped.map { RawPath.lastComponent(of: $0) }.filter { seen.insert($0).inserted }
            let names = distinct.prefix(3).joined(separator: ", ")
            s += "; skipped \(Format.plural(skipped.count, "non-article file")) (\(names)\(distinct.count > 3 ? ", …" : ""))"
        }
        if !warnings.isEmpty { s += "; \(Format.plural(warnings.count, "warning"))" }
        if !errors.isEmpty { s += "; \(Format.plural(errors.count, "file")) not loaded" }
        return s
    }

    public var failure: String? { errors.last?.description }

    /// The archive's log keeps a load's counts, problems and collection: a row per file would be megabytes.
    public var archiveLogValue: (any Encodable & Sendable)? {
        struct Logged: Encodable, Sendable {
            var files: Int, bytes: Int, seconds: Double, added: Int, newVersions: Int, unchanged: Int
            var warnings: Int, errors: [LoadProblem], skipped: Int, collection: String?
        }
        let (added, versions, unchanged) = counts
        return Logged(files: files, bytes: bytes, seconds: seconds, added: added, newVersions: versions, unchanged: unchanged,
                      warnings: warnings.count, errors: errors, skipped: skipped.count, collection: collection)
    }

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
