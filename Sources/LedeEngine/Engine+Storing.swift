import Foundation
import LedeText
import LedeArticles
import LedeSession
import LedeArchive

/// A document on its way into the archive and the workspace: parsed, tokenised, with what the archive keeps
/// besides (its raw bytes, how it was fetched).
struct PendingDocument: @unchecked Sendable {
    var document: ParsedDocument
    var text: TokenizedText
    /// `--as NAME` for an article's versions (nil for a collection's members).
    var name: String?
    var raw: RawCopy?
    var fetch: FetchRecord?
    var loadedAt: Date
    /// A version of this article, whatever its name, URL or source say (`refresh`).
    var articleID: String? = nil
    /// Computed while the body was at hand (`ArchiveIntake`).
    var textKey: TextKey? = nil
}

extension Engine {
    /// Stores documents into the open archive, `batchSize` a transaction, and mirrors each batch in the
    /// workspace as soon as it is committed: the archive decides what is new, a new version or unchanged (by
    /// name, canonical URL or source, as a workspace would), and the workspace follows with the archive's ids.
    /// A failed or cancelled batch stops the rest; what was committed before it stays in both. Returns an
    /// outcome per stored document (in order; as many as were stored) and, when storing stopped, why.
    func storeAndMirror(_ pending: [PendingDocument], link: ArchiveLink, batchSize: Int,
                        progress: (@Sendable (Int, Int) -> Void)? = nil) -> (outcomes: [Workspace.AddOutcome], stopped: Error?) {
        var index = ArticleIndex()
        return storeAndMirror(pending, link: link, batchSize: batchSize, index: &index, progress: progress)
    }

    /// As above, with the workspace's articles by id kept by the caller from one call to the next (a load
    /// stored a part at a time).
    func storeAndMirror(_ pending: [PendingDocument], link: ArchiveLink, batchSize: Int, index: inout ArticleIndex,
                        progress: (@Sendable (Int, Int) -> Void)? = nil) -> (outcomes: [Workspace.AddOutcome], stopped: Error?) {
        var outcomes: [Workspace.AddOutcome] = []
        outcomes.reserveCapacity(pending.count)
        var start = 0
        while start < pending.count {
            if Cancellation.isRequested { return (outcomes, CancelledError()) }
            var end = min(pending.count, start + max(1, batchSize))
            // A file's documents (the records of a JSONL file) go in one transaction: the archive knows a file it
            // holds by its bytes, and a file stored in part would be skipped as unchanged by the next load.
            while end < pending.count, pending[end].document.path == pending[end - 1].document.path { end += 1 }
            let batch = pending[start..<end]
            let documents = batch.map { p in
                ArchiveDocument(document: p.document, body: .text(p.text), name: p.name, articleID: p.articleID, raw: p.raw,
                                loadedAt: p.loadedAt, words: p.text.tokenCount, fetch: p.fetch, textKey: p.textKey)
            }
            let stored: [StoreOutcome]
            do { stored = try link.archive.store(documents) } catch { return (outcomes, error) }
            // Articles this batch adds to (or finds unchanged) that the workspace lacks: dropped from the view, or
            // stored by another process since the archive was opened.
            let added = Set(stored.compactMap { if case .added(let id) = $0 { return id } else { return nil } })
            if stored.count > added.count { index.build(from: workspace) }
            let wanted = Set(stored.map(\.articleID)).subtracting(added).filter { index[$0] == nil }
            if !wanted.isEmpty {
                do {
                    for a in try workspaceArticles(for: wanted, link: link).values { index.add(a) }
                } catch { return (outcomes, error) }
            }
            for (p, outcome) in zip(batch, stored) {
                switch outcome {
                case .added(let id):
                    let version = ArticleVersion(number: 1, document: p.document, text: p.text, loadedAt: p.loadedAt)
                    let article = workspace.addArticle(id: id, name: p.name, first: version)
                    index.add(article)
                    link.record(version, article: id, number: 1)
                    outcomes.append(.added(article, version))
                case .newVersion(let id, let number):
                    let version = ArticleVersion(number: 1, document: p.document, text: p.text, loadedAt: p.loadedAt)
                    guard let article = index[id] else { return (outcomes, ArchiveError.unknownArticle(path: link.archive.path, id: id)) }
                    workspace.addVersion(version, to: article)
                    link.record(version, article: id, number: number)
                    outcomes.append(.newVersion(article, version))
                case .unchanged(let id, let number):
                    guard let article = index[id] else { return (outcomes, ArchiveError.unknownArticle(path: link.archive.path, id: id)) }
                    outcomes.append(.unchanged(article, link.version(id, number) ?? article.latest))
                }
            }
            start = end
            progress?(start, pending.count)
        }
        return (outcomes, nil)
    }
}

/// The workspace's articles by id, built when first needed (a batch of only new articles needs none) and kept
/// up to date by the store that added to it.
struct ArticleIndex {
    private var byID: [String: Article]?

    subscript(id: String) -> Article? { byID?[id] }

    mutating func build(from workspace: Workspace) {
        if byID != nil { return }
        var d: [String: Article] = [:]
        d.reserveCapacity(workspace.articles.count)
        for a in workspace.articles { d[a.id] = a }
        byID = d
    }

    mutating func add(_ article: Article) { byID?[article.id] = article }
}
