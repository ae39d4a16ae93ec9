import Foundation
import LedeText
import LedeArticles
import LedeSession
import LedeArchive

/// Searching a workspace that has no archive: its versions' texts in an in-memory archive (the same FTS5 index
/// and syntax as an archive file), each version stored the first time a search meets it and kept for the session.
/// Every version is its own stored article here, so a hit names one workspace version.
final class WorkspaceSearch {
    let archive: Archive
    private var owners: [String: (article: Article, version: ArticleVersion)] = [:]
    private var stored = Set<ObjectIdentifier>()

    init() throws {
        var options = Archive.Options()
        options.indexing = .onSearch
        archive = try Archive(path: ":memory:", options: options)
    }

    /// Stores the versions no search has met yet; returns how many.
    func add(_ workspace: Workspace) throws -> Int {
        var pending: [(Article, ArticleVersion)] = []
        for a in workspace.articles {
            for v in a.versions where !stored.contains(ObjectIdentifier(v)) { pending.append((a, v)) }
        }
        if pending.isEmpty { return 0 }
        try DeferredText.tokenize(pending.map(\.1.deferredText))
        let documents = pending.enumerated().map { k, owner in
            // A path of its own and no URL or name: the archive's identity rules never join two of them.
            var d = owner.1.document
            d.path = "workspace/\(stored.count + k)"
            d.metadata.url = nil
            d.name = nil
            return ArchiveDocument(document: d, body: .text(owner.1.text), loadedAt: owner.1.loadedAt, words: owner.1.wordCount)
        }
        let outcomes = try archive.store(documents)
        for (outcome, owner) in zip(outcomes, pending) {
            owners[outcome.articleID] = owner
            stored.insert(ObjectIdentifier(owner.1))
        }
        return documents.count
    }

    /// The workspace version a hit is.
    func owner(of hit: SearchHit) -> (article: Article, version: ArticleVersion)? { owners[hit.articleID] }
}
