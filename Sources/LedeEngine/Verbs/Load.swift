import Foundation
import LedeText
import LedeArticles
import LedeSession
import LedeArchive

/// `load`: files, folders and globs parsed and added to the workspace; the same name, file or canonical URL
/// again adds a version when the text changed.
public struct LoadRequest: Sendable {
    /// What `--as NAME` names: one article whose versions the files are, or a collection of articles.
    public enum Grouping: String, Sendable, CaseIterable {
        /// Files named one by one, one document each: versions of one article. A folder, a pattern or a file of
        /// several records: a collection.
        case automatic
        case versions, collection
    }

    /// Paths as the user gave them, resolved against the script's folder.
    public var paths: [String]
    public var name: String?
    public var grouping: Grouping
    public var maxFileSize: Int
    public var fieldOverrides: [String: String]

    public init(paths: [String], name: String? = nil, grouping: Grouping = .automatic, maxFileSize: Int = 64 << 20,
                fieldOverrides: [String: String] = [:]) {
        self.paths = paths; self.name = name; self.grouping = grouping; self.maxFileSize = maxFileSize; self.fieldOverrides = fieldOverrides
    }
}

/// How far a load has come, reported from worker threads.
public struct LoadProgress: Sendable {
    public enum Phase: Sendable { case loading, indexing, storing }
    public var phase: Phase
    public var done: Int
    public var bytes: Int
    public var total: Int
}

public struct LoadReport: Encodable, Sendable {
    /// One loaded document. The version's title and word count are read from the version itself when shown
    /// or saved (a version never changes), not copied out for each of tens of thousands of files.
    public struct Item: Encodable, Sendable {
        public var id: String
        public var name: String?
        public var status: String
        /// The file read, when it is not the loaded version's own (an unchanged reload names the version
        /// already there).
        var otherPath: String?
        let loaded: ArticleVersion

        public var version: Int { loaded.number }
        public var title: String? { loaded.document.title }
        public var words: Int { loaded.wordCount }
        public var path: String { otherPath ?? loaded.document.path }

        private enum CodingKeys: String, CodingKey { case id, name, version, status, title, words, path }

        public func encode(to encoder: any Encoder) throws {
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

    public var items: [Item]
    public var files: Int
    public var bytes: Int
    public var seconds: Double
    public var warnings: [LoadProblem]
    public var errors: [LoadProblem]
    /// Files in folders that are not articles (README, LICENSE, …), left out.
    public var skipped: [String]
    /// The collection `--as NAME` made or added to (nil when NAME named one article's versions).
    public var collection: String? = nil
    /// New versions placed before a version already there, because they are dated earlier (`talks@1`).
    public var placedByDate: [String] = []

    /// New articles and new versions, counted in place (copying tens of thousands of items to filter them
    /// costs their strings' retains).
    public var counts: (added: Int, newVersions: Int, unchanged: Int) {
        var added = 0, versions = 0
        items.withUnsafeBufferPointer { items in
            for i in items.indices {
                if items[i].status == "new" { added += 1 } else if items[i].status == "new version" { versions += 1 }
            }
        }
        return (added, versions, items.count - added - versions)
    }
}

extension Engine {
    public func load(_ request: LoadRequest, progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> LoadReport {
        var options = LoadOptions()
        options.maxFileSize = request.maxFileSize
        options.fieldOverrides = request.fieldOverrides
        options.stoplists = stoplists
        options.languages = loaderLanguages
        let start = Date()
        var reading: (@Sendable (Int, Int, Int) -> Void)?
        var indexing: (@Sendable (Int, Int) -> Void)?
        if let progress {
            reading = { @Sendable in progress(LoadProgress(phase: .loading, done: $0, bytes: $1, total: $2)) }
            indexing = { @Sendable in progress(LoadProgress(phase: .indexing, done: $0, bytes: 0, total: $1)) }
        }
        if let name = request.name { try checkName(name) }
        // With an archive, a file whose bytes it already holds from that path is not parsed at all.
        var intake: ArchiveIntake?
        if let link = archiveLink {
            do { intake = try ArchiveIntake(archive: link.archive) } catch { throw EngineError("\(error)") }
            options.beforeParsing = intake!.beforeParsing
            options.afterParsing = intake!.afterParsing
        }
        if let link = archiveLink, let intake, let asCollection = collectionKnownBeforeParsing(request) {
            try checkGrouping(request, asCollection: asCollection)
            return try streamIntoArchive(request, loader: ArticleLoader(options: options), intake: intake, link: link,
                                         asCollection: asCollection, start: start, reading: reading)
        }
        let loaded: LoadedFiles = try ArticleLoader(options: options).load(paths: request.paths, vocabulary: workspace.vocabulary, progress: reading)
        let asCollection = isCollection(request, loaded.documents)
        try checkGrouping(request, asCollection: asCollection)
        if let link = archiveLink, let intake {
            return try loadIntoArchive(request, loaded: loaded, intake: intake, link: link, asCollection: asCollection, start: start,
                                       progress: progress)
        }
        let outcomes = try workspace.add(loaded, name: asCollection ? nil : request.name, progress: indexing)
        var items: [LoadReport.Item] = []
        items.reserveCapacity(outcomes.count)
        for (i, outcome) in outcomes.enumerated() {
            let status: String
            switch outcome {
            case .added: status = "new"
            case .newVersion: status = "new version"
            case .unchanged: status = "unchanged"
            }
            // A new article or version is the document just read: its path is the version's own.
            let unchanged: Bool
            if case .unchanged = outcome { unchanged = true } else { unchanged = false }
            items.append(LoadReport.Item(id: outcome.article.id, name: outcome.article.name, status: status,
                                         otherPath: unchanged ? loaded.documents[i].path : nil, loaded: outcome.version))
        }
        if asCollection, let name = request.name {
            workspace.addToCollection(name, articles: outcomes.map(\.article.id))
        }
        var placed: [String] = []
        for outcome in outcomes {
            if case .newVersion(let a, let v) = outcome, v.number < a.versions.count { placed.append("\(a.displayName)@\(v.number)") }
        }
        return LoadReport(items: items, files: loaded.files, bytes: loaded.bytes, seconds: Date().timeIntervalSince(start),
                          warnings: loaded.problems.filter { $0.severity == LoadProblem.Severity.warning },
                          errors: loaded.problems.filter { $0.severity == LoadProblem.Severity.error }, skipped: loaded.skipped,
                          collection: asCollection ? request.name : nil, placedByDate: placed)
    }

    /// The load's documents stored into the archive (a batch a transaction) and mirrored in the workspace; files
    /// the archive holds byte for byte were not parsed and are reported unchanged.
    private func loadIntoArchive(_ request: LoadRequest, loaded: LoadedFiles, intake: ArchiveIntake, link: ArchiveLink,
                                 asCollection: Bool, start: Date, progress: (@Sendable (LoadProgress) -> Void)?) throws -> LoadReport {
        let pending = pendingDocuments(loaded, request, asCollection: asCollection, intake: intake, loadedAt: Date())
        let storing: (@Sendable (Int, Int) -> Void)? = progress.map { p in { @Sendable in p(LoadProgress(phase: .storing, done: $0, bytes: 0, total: $1)) } }
        let (outcomes, stopped) = storeAndMirror(pending, link: link, batchSize: settings.archiveBatch, progress: storing)
        return try archiveLoadReport(request, outcomes: outcomes, stopped: stopped, read: pending.count, totals: loaded, intake: intake,
                                     link: link, asCollection: asCollection, start: start)
    }

    /// As `loadIntoArchive`, a part of the files at a time: each part is stored and mirrored while the next is
    /// parsed, so the single writer's work overlaps the parsing instead of following it.
    private func streamIntoArchive(_ request: LoadRequest, loader: ArticleLoader, intake: ArchiveIntake, link: ArchiveLink,
                                   asCollection: Bool, start: Date, reading: (@Sendable (Int, Int, Int) -> Void)?) throws -> LoadReport {
        let loadedAt = Date()
        var outcomes: [Workspace.AddOutcome] = []
        var stopped: Error?
        var read = 0
        var index = ArticleIndex()
        var filesDone = 0
        var unchanged: (items: [LoadReport.Item], errors: [LoadProblem]) = ([], [])
        let totals = try loader.load(paths: request.paths, vocabulary: workspace.vocabulary, partSize: settings.archiveBatch,
                                     progress: reading) { part in
            let pending = pendingDocuments(part, request, asCollection: asCollection, intake: intake, loadedAt: loadedAt)
            read += pending.count
            let stored = storeAndMirror(pending, link: link, batchSize: settings.archiveBatch, index: &index)
            outcomes.append(contentsOf: stored.outcomes)
            stopped = stored.stopped
            // The part's files skipped as unchanged are reported now, while the next part is read.
            filesDone += part.files
            if stopped == nil {
                unchangedItems(intake.takeUnchanged(before: filesDone), link: link, index: &index, into: &unchanged.items, errors: &unchanged.errors)
            }
            return stopped == nil
        }
        return try archiveLoadReport(request, outcomes: outcomes, stopped: stopped, read: read, totals: totals, intake: intake,
                                     link: link, asCollection: asCollection, start: start, index: index, unchanged: unchanged)
    }

    private func pendingDocuments(_ loaded: LoadedFiles, _ request: LoadRequest, asCollection: Bool, intake: ArchiveIntake,
                                  loadedAt: Date) -> [PendingDocument] {
        let hasTexts = loaded.texts.count == loaded.documents.count
        let keys = intake.textKeys(for: loaded.documents)
        var pending: [PendingDocument] = []
        pending.reserveCapacity(loaded.documents.count)
        for (i, d) in loaded.documents.enumerated() {
            let text = hasTexts ? loaded.texts[i] : Tokenizer().tokenize(utf8: d.bodyUTF8, vocabulary: workspace.vocabulary)
            pending.append(PendingDocument(document: d, text: text, name: asCollection ? d.name : (request.name ?? d.name),
                                           raw: intake.raw(forPath: d.path), fetch: nil, loadedAt: loadedAt, textKey: keys[i]))
        }
        return pending
    }

    /// Report lines for files skipped as unchanged: the versions the archive holds from them (articles dropped
    /// from the session come back), or why they could not be found.
    private func unchangedItems(_ files: [ArchiveIntake.UnchangedFile], link: ArchiveLink, index: inout ArticleIndex,
                                into items: inout [LoadReport.Item], errors: inout [LoadProblem]) {
        if files.isEmpty { return }
        do {
            index.build(from: workspace)
            var missing: Set<String> = []
            for file in files { for id in file.articles where index[id] == nil { missing.insert(id) } }
            if !missing.isEmpty { for a in try workspaceArticles(for: missing, link: link).values { index.add(a) } }
            for file in files {
                for (id, number) in zip(file.articles, file.numbers) {
                    guard let a = index[id] else { continue }
                    items.append(LoadReport.Item(id: a.id, name: a.name, status: "unchanged", otherPath: file.path,
                                                 loaded: link.version(id, number) ?? a.latest))
                }
            }
        } catch {
            errors.append(LoadProblem(path: link.file, message: "\(error)", severity: .error))
        }
    }

    /// What a load into the archive did: the stored documents' outcomes, then the files skipped as unchanged
    /// (`unchanged`: their lines made while the load went on; the rest are made here), and why storing stopped.
    private func archiveLoadReport(_ request: LoadRequest, outcomes: [Workspace.AddOutcome], stopped: Error?, read: Int,
                                   totals: LoadedFiles, intake: ArchiveIntake, link: ArchiveLink, asCollection: Bool,
                                   start: Date, index: ArticleIndex = ArticleIndex(),
                                   unchanged: (items: [LoadReport.Item], errors: [LoadProblem]) = ([], [])) throws -> LoadReport {
        if stopped is CancelledError { throw CancelledError() }
        var items: [LoadReport.Item] = []
        items.reserveCapacity(outcomes.count + unchanged.items.count)
        for outcome in outcomes {
            switch outcome {
            case .added(let a, let v): items.append(LoadReport.Item(id: a.id, name: a.name, status: "new", otherPath: nil, loaded: v))
            case .newVersion(let a, let v): items.append(LoadReport.Item(id: a.id, name: a.name, status: "new version", otherPath: nil, loaded: v))
            case .unchanged(let a, let v): items.append(LoadReport.Item(id: a.id, name: a.name, status: "unchanged", otherPath: nil, loaded: v))
            }
        }
        items.append(contentsOf: unchanged.items)
        var errors = totals.problems.filter { $0.severity == LoadProblem.Severity.error } + unchanged.errors
        // Files skipped by their hash, in the order the load listed them: those left.
        if stopped == nil {
            var index = index
            unchangedItems(intake.takeUnchanged(before: Int.max), link: link, index: &index, into: &items, errors: &errors)
        }
        var ids: [String] = []
        for item in items { ids.append(item.id) }
        if asCollection, let name = request.name {
            workspace.addToCollection(name, articles: ids)
            keepCollection(name)
        }
        if let stopped {
            // One line: the archive's own message (it names the file), then what the load kept.
            errors.append(LoadProblem(path: "\(stopped)", message: "\(Format.int(outcomes.count)) of the \(Format.plural(read, "document")) read were stored and loaded, the rest not",
                                      severity: .error))
        }
        var placed: [String] = []
        for outcome in outcomes {
            if case .newVersion(let a, let v) = outcome, v.number < a.versions.count { placed.append("\(a.displayName)@\(v.number)") }
        }
        return LoadReport(items: items, files: totals.files, bytes: totals.bytes, seconds: Date().timeIntervalSince(start),
                          warnings: totals.problems.filter { $0.severity == LoadProblem.Severity.warning },
                          errors: errors, skipped: totals.skipped, collection: asCollection ? request.name : nil, placedByDate: placed)
    }

    /// Whether `--as NAME` names a collection, when that is known from the request alone (a folder, a pattern, no
    /// name, or a grouping given); nil when it depends on how many documents the named files hold.
    func collectionKnownBeforeParsing(_ request: LoadRequest) -> Bool? {
        guard request.name != nil else { return false }
        switch request.grouping {
        case .versions: return false
        case .collection: return true
        case .automatic:
            var isFolder: ObjCBool = false
            let named = request.paths.allSatisfy { p in
                !Glob.isPattern(p) && FileManager.default.fileExists(atPath: p, isDirectory: &isFolder) && !isFolder.boolValue
            }
            return named ? nil : true
        }
    }

    /// `--as NAME` may not give an article a collection's name, nor a collection an article's.
    private func checkGrouping(_ request: LoadRequest, asCollection: Bool) throws {
        if asCollection, let name = request.name, workspace.article(named: name) != nil {
            throw EngineError("--as \(name): an article has that name (its versions); name the collection otherwise")
        }
        if !asCollection, let name = request.name, let c = workspace.collection(named: name) {
            throw EngineError("--as \(name): a collection of \(Format.plural(c.members.count, "article")) has that name; "
                              + "name the article otherwise (a folder loaded --as \(name) adds to the collection)")
        }
    }

    /// Whether `--as NAME` names a collection: a folder, a pattern, or a file of several records was loaded (or
    /// `--collection`); files named one by one, one document each, are versions of one article (or `--versions`).
    func isCollection(_ request: LoadRequest, _ documents: [ParsedDocument]) -> Bool {
        if let known = collectionKnownBeforeParsing(request) { return known }
        var perFile: [String: Int] = [:]
        for d in documents { perFile[d.path, default: 0] += 1 }
        return perFile.values.contains { $0 > 1 }
    }

    /// A name for an article or collection: not a word selectors reserve, nor one that reads as a selector.
    func checkName(_ name: String) throws {
        let lower = name.lowercased()
        if lower == "all" || SelectorExpression.keywords.contains(lower) { throw EngineError("'\(name)' is a word selectors reserve; choose another name") }
        if Workspace.idNumber(name) != nil { throw EngineError("'\(name)' reads as an article id; choose another name") }
        if name.isEmpty || name.contains(where: { " \t()@:".contains($0) }) || Glob.isPattern(name) {
            throw EngineError("'\(name)': a name may not hold spaces, parentheses, '@', ':' or pattern characters (* ? [)")
        }
    }
}
