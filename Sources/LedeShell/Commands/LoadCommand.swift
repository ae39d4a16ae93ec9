import ArgumentParser
import Foundation
import LedeArticles
import LedeSession

struct LoadCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load articles from files, folders or glob patterns (text dumps, HTML, JSON/JSONL).",
        discussion: "Loading a NAME again (--as) adds a new version of that article when its text changed.")
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "Files, folders (read recursively) or glob patterns.") var paths: [String]
    @Option(name: .customLong("as"), help: "Name the article; loading the same name again adds a version.") var name: String?
    @Option(name: .customLong("max-size"), help: "Skip files larger than this many megabytes.") var maxSizeMB: Int = 64
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

    /// One loaded document. The version's title and word count are read from the version itself when shown or
    /// saved (a version never changes), not copied out for each of tens of thousands of files at load time.
    struct Item: Encodable {
        var id: String
        var name: String?
        var status: String
        /// The file read, when it is not the loaded version's own (an unchanged reload names the version
        /// already there).
        var otherPath: String?
        let loaded: ArticleVersion

        var version: Int { loaded.number }
        var title: String? { loaded.document.title }
        var words: Int { loaded.wordCount }
        var path: String { otherPath ?? loaded.document.path }

        private enum CodingKeys: String, CodingKey { case id, name, version, status, title, words, path }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encodeIfPresent(name, forKey: .name)
            try c.encode(version, forKey: .version)
            try c.encode(status, forKey: .status)
            try c.encodeIfPresent(title, forKey: .title)
            try c.encode(words, forKey: .words)
            try c.encode(path, forKey: .path)
        }
    }

    struct Result: CommandResult {
        var items: [Item]
        var files: Int
        var bytes: Int
        var seconds: Double
        var warnings: [LoadProblem]
        var errors: [LoadProblem]
        /// Files in folders that are not articles (README, LICENSE, …), left out.
        var skipped: [String]

        /// `loaded 2,225 articles (5.0 MB) in 0.21 s; 1 warning`, with new versions and unchanged reloads named apart.
        var summary: String {
            // Counted in place: copying tens of thousands of items to filter them costs their strings' retains.
            var added = 0, versions = 0
            items.withUnsafeBufferPointer { items in
                for i in items.indices {
                    if items[i].status == "new" { added += 1 } else if items[i].status == "new version" { versions += 1 }
                }
            }
            let unchanged = items.count - added - versions
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

        var failure: String? { errors.last?.description }

        var display: [DisplayBlock] {
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

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        var options = LoadOptions()
        options.maxFileSize = maxSizeMB << 20  // at most 4,095 MB: checked in validate()
        for f in fields { let o = try Self.fieldOverride(f); options.fieldOverrides[o.name] = o.field }
        let start = Date()
        let progress = shell.terminal.stdinIsTTY ? ProgressLine(start: start, shell: shell) : nil
        let report = try ArticleLoader(options: options).load(paths: paths.map { shell.resolvePath($0) },
                                                              vocabulary: shell.workspace.vocabulary,
                                                              progress: progress.map { p in { p.update($0, $1, $2) } })
        let outcomes = try shell.workspace.add(report, name: name,
                                               progress: progress.map { p in { p.update($0, 0, $1, phase: "indexing") } })
        progress?.finish()
        var items: [Item] = []
        items.reserveCapacity(outcomes.count)
        for (i, outcome) in outcomes.enumerated() {
            let a = outcome.article
            let (status, version): (String, Int) = {
                switch outcome {
                case .added: return ("new", 1)
                case .newVersion(_, let n): return ("new version", n)
                case .unchanged(let a): return ("unchanged", a.versions.count)
                }
            }()
            // A new article or version is the document just read: its path is the version's own.
            let unchanged: Bool
            if case .unchanged = outcome { unchanged = true } else { unchanged = false }
            items.append(Item(id: a.id, name: a.name, status: status, otherPath: unchanged ? report.documents[i].path : nil,
                              loaded: a.versions[version - 1]))
        }
        let warnings = report.problems.filter { $0.severity == .warning }
        let errors = report.problems.filter { $0.severity == .error }
        for w in warnings.prefix(20) { shell.warn(w.description) }
        if warnings.count > 20 { shell.warn("… and \(warnings.count - 20) more warnings") }
        let result = Result(items: items, files: report.files, bytes: report.bytes,
                            seconds: Date().timeIntervalSince(start), warnings: warnings, errors: errors,
                            skipped: report.skipped)
        // Everything that loaded stays loaded; each bad file gets its own line (the last as the failure).
        for e in errors.dropLast() { shell.reportError(e.description, at: shell.currentLocation) }
        return result
    }
}

/// A progress line on the terminal (stderr) for loads that take more than half a second.
final class ProgressLine: @unchecked Sendable {
    let start: Date
    let lock = NSLock()
    var lastDraw = Date.distantPast
    var drawn = false
    let write: (String) -> Void

    init(start: Date, shell: Shell) {
        self.start = start
        let w = shell.writeErr
        self.write = w
    }

    func update(_ done: Int, _ bytes: Int, _ total: Int, phase: String = "loading") {
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        lock.lock(); defer { lock.unlock() }
        guard elapsed > 0.5, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        let rate = Double(bytes) / 1_048_576 / elapsed
        let eta = done > 0 ? elapsed * Double(total - done) / Double(done) : 0
        if phase == "loading" {
            write(String(format: "\r\u{1B}[Kloading %@/%@ files, %.1f MB/s, ETA %.0f s", Format.int(done), Format.int(total), rate, eta))
        } else {
            write("\r\u{1B}[K\(phase) \(Format.int(done))/\(Format.int(total)) articles")
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { write("\r\u{1B}[K") }
    }
}
