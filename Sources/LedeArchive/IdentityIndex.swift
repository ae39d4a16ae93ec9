import LedeArticles

/// Which article a stored document belongs to, by the workspace's rules: the same name (`load --as`), else the
/// same canonical URL, else the same file (and JSON record) loaded again; a new article otherwise. Holds each
/// article's latest version, so "unchanged" (same normalised text and metadata) needs no query.
/// A class, so the store's many inserts mutate one index in place (an optional struct held by the archive was
/// copied on access).
final class IdentityIndex {
    struct Latest {
        var article: Int64
        var id: String
        var name: String?
        var number: Int
        var contentHash: String
        var metadata: ArticleMetadata
    }

    struct FileKey: Hashable { var path: String; var record: String? }

    var articles: [Int64: Latest] = [:]
    var byID: [String: Int64] = [:]
    var byName: [String: Int64] = [:]
    var byURL: [String: Int64] = [:]
    var byFile: [FileKey: Int64] = [:]
    var nextArticle: Int64 = 1

    /// Room for `n` more articles, so a large load does not rehash every key several times as the index grows.
    /// Grows at least twofold, so a load stored in many batches does not rehash at every batch either.
    func reserve(_ n: Int) {
        func grow<K, V>(_ d: inout [K: V]) {
            if d.capacity < d.count + n { d.reserveCapacity(max(d.count + n, 2 * d.capacity)) }
        }
        grow(&articles)
        grow(&byID)
        grow(&byFile)
    }

    /// Files an article's latest version under its keys; an earlier article keeps a key it already has.
    func insert(_ latest: Latest, file: FileKey?) {
        articles[latest.article] = latest
        byID[latest.id] = latest.article
        if let name = latest.name, byName[name] == nil { byName[name] = latest.article }
        if let url = latest.metadata.url, byURL[url] == nil { byURL[url] = latest.article }
        if latest.name == nil, let file, byFile[file] == nil { byFile[file] = latest.article }
        nextArticle = max(nextArticle, latest.article + 1)
    }

    /// `file` counts only for unnamed documents (a named one is found by its name or URL).
    func find(name: String?, url: String?, file: FileKey?) -> Int64? {
        name.flatMap { byName[$0] } ?? url.flatMap { byURL[$0] } ?? (name == nil ? file.flatMap { byFile[$0] } : nil)
    }
}
