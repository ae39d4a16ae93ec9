import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession
import LedeArchive

/// The session's archive (docs/archive.md): opening one fills the workspace with its articles (their ids kept,
/// each stored text tokenised once, when first needed); loads and fetches store into it; tags, models, collections and every
/// command line are kept there as they happen.
extension Engine {
    /// The open archive, if any.
    public var archive: Archive? { archiveLink?.archive }

    /// Model-table kinds lede writes besides trained models: a collection is named state like a model.
    static let collectionKind = "collection"
    static let modelKind = "naive-bayes"
    static func collectionKey(_ name: String) -> String { "collection:\(name)" }

    /// Opens (or creates) the archive at `path` and puts its articles, models and collections in place of the
    /// session's; the log and settings stay. Everything is read before anything is replaced: a refused file or
    /// Ctrl-C leaves the session as it was.
    func attachArchive(file: String, path: String, force: Bool,
                       progress: (@Sendable (LoadProgress) -> Void)?) throws -> (created: Bool, warnings: [String]) {
        if archiveLink == nil, !workspace.articles.isEmpty, !force {
            let what = Format.plural(workspace.articles.count, "loaded article")
            throw ConfirmationNeeded(
                question: "replace the \(what) with the archive's? (they are not stored in it)",
                refusal: "\(what) would be replaced by the archive's; add --force to do that (or open the archive first, then load)")
        }
        let existed = FileManager.default.fileExists(atPath: path)
        let opened: Archive
        do { opened = try Archive(path: path) } catch { throw EngineError("\(error)") }
        let link = ArchiveLink(archive: opened, file: file)
        let fresh = Workspace()
        var warnings: [String] = []
        do {
            let total = progress == nil ? 0 : ((try? opened.summary().articles) ?? 0)
            let made = try readArchived(from: link, into: fresh, ids: nil, total: total, progress: progress)
            fresh.adopt(made.articles, waiting: made.waiting)
            var saved: [SessionDocument.SavedModel] = []
            for m in try opened.models() {
                switch m.kind {
                case Engine.collectionKind:
                    if let c = try? JSONDecoder().decode(ArticleCollection.self, from: Data(m.json.utf8)) { fresh.setCollection(c) }
                    else { warnings.append("collection \(m.name) in the archive could not be read; left out") }
                case Engine.modelKind:
                    if let model = try? JSONDecoder().decode(SessionDocument.SavedModel.self, from: Data(m.json.utf8)) { saved.append(model) }
                    else { warnings.append("model \(m.name) in the archive could not be read; left out") }
                default: break
                }
            }
            closeArchive()
            replaceWorkspace(with: fresh)
            models.replace(with: saved)
            archiveLink = link
        } catch {
            opened.close()
            if !existed { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
            if let e = error as? CancelledError { throw e }
            if let e = error as? ArchiveError { throw EngineError(e.description) }
            throw error
        }
        return (!existed, warnings)
    }

    /// Closes the archive, if one is open (the workspace keeps its articles). Done at exit.
    public func closeArchive() {
        archiveLink?.archive.close()
        archiveLink = nil
    }

    /// Warnings about the archive since the last call, for the shell to show.
    public func takeArchiveWarnings() -> [String] {
        defer { archiveWarnings = [] }
        return archiveWarnings
    }

    /// Articles read from the archive (all, or those with `ids`), built for `workspace` with their ids: every
    /// version, in date order as a workspace keeps them. Their texts are tokenised when a command first needs
    /// them (versions that share a stored text share it; `waiting` lists them), so opening an archive costs
    /// reading it.
    func readArchived(from link: ArchiveLink, into workspace: Workspace, ids: [String]?, total: Int = 0,
                      progress: (@Sendable (LoadProgress) -> Void)?) throws -> (articles: [Article], waiting: [DeferredText]) {
        let read = Locked(0)
        // Versions that share a stored text share one deferred text, whichever reader met it first.
        let texts = Locked<[Int64: DeferredText]>([:])
        let vocabulary = workspace.vocabulary
        // Each reader builds the articles of the batches it reads, so building overlaps reading.
        let reader: @Sendable (Archive, ClosedRange<Int64>?) throws -> [BuiltArticles] = { archive, rows in
            var built: [BuiltArticles] = []
            try archive.readArticles(ids: ids, rows: rows, batchSize: 2048) { batch in
                try Cancellation.check()
                built.append(BuiltArticles(batch, texts: texts, vocabulary: vocabulary))
                let done = read.withLock { $0 += batch.count; return $0 }
                progress?(LoadProgress(phase: .loading, done: done, bytes: 0, total: max(total, done)))
            }
            return built
        }
        let parts: [BuiltArticles]
        // A large archive is read by two connections at once, each half of the articles.
        if ids == nil, link.archive.path != ":memory:", let rows = try link.archive.articleRows(), rows.upperBound - rows.lowerBound >= 8192 {
            var options = Archive.Options()
            options.readOnly = true
            options.create = false
            let second = try Archive(path: link.archive.path, options: options)
            defer { second.close() }
            let middle = rows.lowerBound + (rows.upperBound - rows.lowerBound) / 2
            final class Half: @unchecked Sendable { var built: [BuiltArticles] = []; var error: Error? }
            let later = Half()
            let group = DispatchGroup()
            group.enter()
            Thread.detachNewThread {
                do { later.built = try reader(second, (middle + 1)...rows.upperBound) } catch { later.error = error }
                group.leave()
            }
            let first: [BuiltArticles]
            do { first = try reader(link.archive, rows.lowerBound...middle) } catch { group.wait(); throw error }
            group.wait()
            if let error = later.error { throw error }
            parts = first + later.built
        } else {
            parts = try reader(link.archive, nil)
        }
        try Cancellation.check()
        var made: [Article] = []
        made.reserveCapacity(parts.reduce(0) { $0 + $1.articles.count })
        link.reserve(parts.reduce(0) { $0 + $1.versions.count })
        for part in parts {
            made.append(contentsOf: part.articles)
            for v in part.versions { link.record(v.version, article: v.article, number: v.number) }
            for (id, tags) in part.userTags { link.userTags[id] = tags }
        }
        return (made, Array(texts.withLock { $0.values }))
    }

    /// The workspace articles for stored ids, reading from the archive those the workspace lacks (dropped from
    /// the view, or stored by another process since the archive was opened) and adding them back.
    func workspaceArticles(for ids: Set<String>, link: ArchiveLink) throws -> [String: Article] {
        var out: [String: Article] = [:]
        out.reserveCapacity(ids.count)
        for a in workspace.articles where ids.contains(a.id) { out[a.id] = a }
        // Every id found (the usual case) needs no set of the missing ones.
        let missing = out.count == ids.count ? [] : ids.subtracting(out.keys)
        if !missing.isEmpty {
            let back = try readArchived(from: link, into: workspace, ids: missing.sorted(), progress: nil)
            workspace.adopt(back.articles, waiting: back.waiting)
            for a in back.articles { out[a.id] = a }
        }
        return out
    }

    // MARK: keeping what the session makes

    /// Runs an archive write that the session does not depend on; a failure becomes a warning.
    func keepInArchive(_ what: String, _ write: (Archive) throws -> Void) {
        guard let link = archiveLink else { return }
        do { try write(link.archive) } catch { archiveWarnings.append("\(what) not stored in the archive: \(error)") }
    }

    /// Stores the tags the workspace holds for the tagged articles: taxonomy tags, and `MODEL/label` as the
    /// model's, with the scores `tag` just gave.
    func keepTags(of articles: [Article], rows: [TagReport.Row]) {
        guard let link = archiveLink, !articles.isEmpty else { return }
        var scores: [String: [String: Double]] = [:]
        for r in rows { for t in r.topics { scores[r.id, default: [:]][t.name] = t.score; scores[r.id, default: [:]][t.code] = t.score } }
        var byArticle: [String: [ArchiveTag]] = [:]
        for a in articles {
            let user = link.userTags[a.id] ?? []
            byArticle[a.id] = a.tags.map { tag in
                let score = scores[a.id]?[tag]
                if user.contains(tag) { return ArchiveTag(tag, origin: .user, score: score) }
                if let slash = tag.firstIndex(of: "/") { return ArchiveTag(tag, origin: .model, model: String(tag[..<slash]), score: score) }
                return ArchiveTag(tag, origin: .taxonomy, score: score)
            }
        }
        keepInArchive("tags") { try $0.setTags(byArticle, replacing: [.taxonomy, .model, .user]) }
    }

    /// Stores a trained model under its name.
    func keepModel(_ name: String) {
        guard archiveLink != nil, let saved = models.saved.first(where: { $0.name == name }) else { return }
        keepInArchive("model \(name)") { archive in
            let json = String(decoding: try JSONEncoder().encode(saved), as: UTF8.self)
            try archive.saveModel(ArchiveModel(name: name, kind: Engine.modelKind, json: json))
        }
    }

    /// Stores a collection (or, when the workspace no longer has it, forgets it).
    func keepCollection(_ name: String) {
        guard archiveLink != nil else { return }
        keepInArchive("collection \(name)") { archive in
            if let c = workspace.collection(named: name) {
                let json = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
                try archive.saveModel(ArchiveModel(name: Engine.collectionKey(name), kind: Engine.collectionKind, json: json))
            } else {
                try archive.deleteModel(named: Engine.collectionKey(name))
            }
        }
    }

    /// Logs a command line run in this session (`session_log`): its time, status, error and, for session
    /// results, the result as `--json` prints it.
    public func recordInArchive(_ entry: LedeSession.LogEntry, resultJSON: String?) {
        guard let link = archiveLink else { return }
        let kept = LedeArchive.LogEntry(session: link.session, command: entry.command, started: entry.startedAt,
                                        durationMs: entry.durationMs, status: entry.status.rawValue, error: entry.error,
                                        resultJSON: resultJSON)
        // A command that failed on the archive (a full disk) would only fail again here: its own error says it.
        if entry.status == .error { try? link.archive.appendLog([kept]); return }
        keepInArchive("the log entry") { try $0.appendLog([kept]) }
    }
}

/// Workspace articles built from a batch read from the archive: every version, in date order as a workspace keeps
/// them, with the archive's numbers for the link to record.
private struct BuiltArticles: @unchecked Sendable {
    var articles: [Article] = []
    var versions: [(version: ArticleVersion, article: String, number: Int)] = []
    var userTags: [(String, Set<String>)] = []

    init(_ batch: [StoredArticle], texts: Locked<[Int64: DeferredText]>, vocabulary: Vocabulary) {
        articles.reserveCapacity(batch.count)
        versions.reserveCapacity(batch.count)
        for stored in batch {
            var article: Article?
            for v in stored.versions {
                let text = texts.withLock { known in
                    if let t = known[v.textID] { return t }
                    let t = DeferredText(utf8: v.document.bodyUTF8, vocabulary: vocabulary)
                    known[v.textID] = t
                    return t
                }
                let version = ArticleVersion(number: 1, document: v.document, deferredText: text, wordCount: v.words,
                                             loadedAt: v.loadedAt, contentHash: v.contentHash.isEmpty ? nil : v.contentHash)
                if let article {
                    article.insert(version, at: Workspace.datePlace(of: version.metadata.versionDate, among: article.versions))
                } else {
                    article = Article(id: stored.id, name: stored.name, first: version)
                }
                versions.append((version, stored.id, v.number))
            }
            guard let article else { continue }
            article.tags = stored.tags.map(\.tag)
            let user = stored.tags.filter { $0.origin == .user }.map(\.tag)
            if !user.isEmpty { userTags.append((stored.id, Set(user))) }
            articles.append(article)
        }
    }
}
