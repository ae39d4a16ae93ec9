import Foundation
import LedeText
import LedeArticles

/// The articles of a session, their versions, and the vocabulary their tokens are interned in.
public final class Workspace: @unchecked Sendable {
    public let vocabulary = Vocabulary()
    public private(set) var articles: [Article] = []
    /// Named groups of articles (`load FOLDER --as NAME`, `select EXPR --as NAME`), in the order they were made.
    public private(set) var collections: [ArticleCollection] = []
    private var nextNumber = 1
    private let tokenizer = Tokenizer()
    /// What selectors resolved by a name the user may not expect (`tag:business` is economy), until the shell shows it.
    var selectionNotes: [String] = []
    /// Texts of adopted articles that were not tokenised yet (read back from a session file or an archive), until
    /// `tokenizeTexts(of:)` finds them done: a workspace without any need not look at its versions' texts.
    private var waitingTexts: [DeferredText] = []
    /// Lookups by name, canonical URL and source file for `add`; rebuilt after any other change.
    private var identityIndex: IdentityIndex?

    private struct IdentityIndex {
        var byName: [String: Article] = [:]
        var byURL: [String: Article] = [:]
        var byFile: [FileKey: Article] = [:]

        init(_ articles: [Article]) { for a in articles { insert(a) } }

        /// The file and, for JSON/JSONL, the record: hashed as two strings, not joined into a new one per lookup.
        struct FileKey: Hashable { var path: String; var record: String? }
        static func fileKey(_ d: ParsedDocument) -> FileKey { FileKey(path: d.path, record: d.recordKey) }

        mutating func insert(_ a: Article) {
            if let name = a.name { byName[name] = byName[name] ?? a }
            if let url = a.latest.document.url { byURL[url] = byURL[url] ?? a }
            if a.name == nil, byFile[IdentityIndex.fileKey(a.latest.document)] == nil { byFile[IdentityIndex.fileKey(a.latest.document)] = a }
        }
    }

    public init() {}

    /// What adding a document did: the article, and the version added (or, unchanged, the one it equals).
    /// Version numbers are read from the version: a later, earlier-dated version renumbers those after it.
    public enum AddOutcome: Sendable {
        case added(Article, ArticleVersion)
        case newVersion(Article, ArticleVersion)
        case unchanged(Article, ArticleVersion)

        public var article: Article {
            switch self { case .added(let a, _), .newVersion(let a, _), .unchanged(let a, _): return a }
        }
        public var version: ArticleVersion {
            switch self { case .added(_, let v), .newVersion(_, let v), .unchanged(_, let v): return v }
        }
    }

    /// The number in an article id `a1`…`a999999999`, or nil for anything else (a session file is untrusted).
    public static func idNumber(_ id: String) -> Int? {
        let digits = id.utf8.dropFirst()
        guard id.utf8.first == UInt8(ascii: "a"), (1...9).contains(digits.count), digits.first != UInt8(ascii: "0"),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    public func article(id: String) -> Article? { articles.first { $0.id == id } }
    public func article(named name: String) -> Article? { articles.first { $0.name == name } }

    /// Tokenises a parsed document once and adds it: a new article, or a new version of the article with the
    /// same name (or the same canonical URL, or the same file); "unchanged" when its normalised text and metadata
    /// equal one of that article's versions. A new version goes in date order (modified, else published) when its
    /// date and the others' are known; otherwise after the others.
    @discardableResult
    public func add(_ document: ParsedDocument, name: String? = nil, loadedAt: Date = Date()) -> AddOutcome {
        add(document, text: tokenizer.tokenize(utf8: document.bodyUTF8, vocabulary: vocabulary), name: name, loadedAt: loadedAt)
    }

    /// Adds many documents: tokenised in parallel on all cores, then added in order. Cancellable (Ctrl-C):
    /// a cancelled call adds nothing. `progress` gets (documents tokenised, total) from worker threads.
    public func add(_ documents: [ParsedDocument], name: String? = nil,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [AddOutcome] {
        add(documents, texts: try tokenizeAll(count: documents.count, body: { documents[$0].bodyUTF8 }, progress: progress), name: name)
    }

    /// Adds what a load produced; its texts are used as they are when the loader tokenised them in this
    /// workspace's vocabulary (`ArticleLoader.load(paths:vocabulary:)`), else the documents are tokenised here.
    public func add(_ report: LoadedFiles, name: String? = nil,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [AddOutcome] {
        let documents = report.documents, texts = report.texts
        guard texts.count == documents.count else { return try add(documents, name: name, progress: progress) }
        if report.vocabulary === vocabulary { return add(documents, texts: texts, name: name) }
        // Interned in another vocabulary: tokenised again here, from the texts' bytes (the documents no longer
        // hold their bodies once the loader has tokenised them).
        return add(documents, texts: try tokenizeAll(count: texts.count, body: { texts[$0].utf8 }, progress: progress), name: name)
    }

    private func add(_ documents: [ParsedDocument], texts prepared: [TokenizedText], name: String?) -> [AddOutcome] {
        let now = Date()
        // Room for them all at once: growing the index and the list step by step rehashes and copies them
        // several times over a load of tens of thousands of files.
        if identityIndex == nil { identityIndex = IdentityIndex(articles) }
        identityIndex!.byFile.reserveCapacity(identityIndex!.byFile.count + documents.count)
        articles.reserveCapacity(articles.count + documents.count)
        return zip(documents, prepared).map { add($0, text: $1, name: name, loadedAt: now) }
    }

    /// Tokenises documents in batches on all cores: one vocabulary merge per batch. (Content hashes are
    /// computed when first needed, see `ArticleVersion.contentHash`.)
    private func tokenizeAll(count n: Int, body: @escaping @Sendable (Int) -> [UInt8],
                             progress: (@Sendable (Int, Int) -> Void)?) throws -> [TokenizedText] {
        try tokenizer.tokenizeInParallel(count: n, vocabulary: vocabulary, body: body, progress: progress)
    }

    /// Adds a document already tokenised in this workspace's vocabulary (a fetched page), as `add` decides.
    public func add(_ document: ParsedDocument, text: TokenizedText, name: String?, loadedAt: Date,
                    contentHash: String? = nil) -> AddOutcome {
        // The same name, else the same canonical URL, else the same file (and record) loaded again.
        // Mutated in place: a local copy would copy the dictionaries on every add.
        if identityIndex == nil { identityIndex = IdentityIndex(articles) }
        let name = name ?? document.name
        let fileKey = name == nil ? IdentityIndex.fileKey(document) : nil
        let existing = name.flatMap { identityIndex!.byName[$0] }
            ?? document.url.flatMap { identityIndex!.byURL[$0] }
            ?? fileKey.flatMap { identityIndex!.byFile[$0] }
        if let article = existing {
            defer { identityIndex!.insert(article) }
            let version = ArticleVersion(number: article.versions.count + 1, document: document, text: text,
                                         loadedAt: loadedAt, contentHash: contentHash)
            // Unchanged when it equals the version it would follow (or, dated the same, the one after): a text
            // reverted to an earlier one later is still a new version.
            let place = Workspace.datePlace(of: document.metadata.versionDate, among: article.versions)
            for k in [place - 1, place] where article.versions.indices.contains(k) {
                let old = article.versions[k]
                if old.metadata == document.metadata && old.contentHash == version.contentHash { return .unchanged(article, old) }
            }
            article.insert(version, at: place)
            return .newVersion(article, version)
        }
        let first = ArticleVersion(number: 1, document: document, text: text, loadedAt: loadedAt, contentHash: contentHash)
        let article = Article(id: "a\(nextNumber)", name: name, first: first)
        nextNumber += 1
        articles.append(article)
        // A new article: none of its keys was found above, so each goes in without another lookup.
        if let name { identityIndex!.byName[name] = article }
        if let url = document.url { identityIndex!.byURL[url] = article }
        if let fileKey { identityIndex!.byFile[fileKey] = article }
        return .added(article, first)
    }

    // MARK: articles whose ids were chosen elsewhere (an archive, a session file)

    /// Tokenises bodies on all cores in this workspace's vocabulary, in batches (one vocabulary merge each).
    /// Cancellable: a cancelled call returns nothing. `progress` gets (done, total) from worker threads.
    public func tokenize(_ bodies: [[UInt8]], progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [TokenizedText] {
        try tokenizeAll(count: bodies.count, body: { bodies[$0] }, progress: progress)
    }

    /// Tokenises those texts of `versions` that are not yet, on all cores (see `DeferredText`). Cancellable.
    public func tokenizeTexts(of versions: [ArticleVersion]) throws {
        if waitingTexts.isEmpty { return }
        try DeferredText.tokenize(versions.map(\.deferredText))
        waitingTexts.removeAll { $0.isTokenized }
    }

    /// Adds articles made with their own ids (read from an archive or a session file) as they are, in order;
    /// ids made later continue after the largest. `waiting`: their texts not tokenised yet, when the caller knows
    /// them (else they are looked for).
    public func adopt(_ made: [Article], waiting: [DeferredText]? = nil) {
        articles.append(contentsOf: made)
        if let waiting { waitingTexts.append(contentsOf: waiting) }
        else { for a in made { for v in a.versions where !v.deferredText.isTokenized { waitingTexts.append(v.deferredText) } } }
        for a in made { if let n = Workspace.idNumber(a.id) { nextNumber = max(nextNumber, n + 1) } }
        identityIndex = nil
    }

    /// A new article whose id was chosen elsewhere (an archive storing what was just loaded).
    @discardableResult
    public func addArticle(id: String, name: String?, first: ArticleVersion) -> Article {
        let article = Article(id: id, name: name, first: first)
        adopt([article])
        return article
    }

    /// A version added to an article, in date order among its versions (as `add` places it), without asking
    /// whether it equals one (the archive already decided it is new).
    public func addVersion(_ version: ArticleVersion, to article: Article) {
        article.insert(version, at: Workspace.datePlace(of: version.metadata.versionDate, among: article.versions))
        identityIndex = nil
    }

    /// Where a version dated `date` goes among `versions` (0-based): before the first version dated later, so
    /// loading the 18:40 text before the 09:00 one still makes 09:00 version 1. Undated versions keep load order.
    public static func datePlace(of date: String?, among versions: [ArticleVersion]) -> Int {
        guard let key = date.flatMap(VersionDate.key) else { return versions.count }
        return versions.firstIndex { v in v.metadata.versionDate.flatMap(VersionDate.key).map { $0 > key } ?? false } ?? versions.count
    }

    /// Restores an article with a given id and versions (format-1 session files).
    public func restore(id: String, name: String?, tags: [String], versions: [(ParsedDocument, Date)]) {
        guard let first = versions.first else { return }
        let article = Article(id: id, name: name,
                              first: ArticleVersion(number: 1, document: first.0,
                                                    text: tokenizer.tokenize(utf8: first.0.bodyUTF8, vocabulary: vocabulary),
                                                    loadedAt: first.1))
        for (i, v) in versions.enumerated().dropFirst() {
            article.append(ArticleVersion(number: i + 1, document: v.0,
                                          text: tokenizer.tokenize(utf8: v.0.bodyUTF8, vocabulary: vocabulary), loadedAt: v.1))
        }
        article.tags = tags
        articles.append(article)
        identityIndex = nil
        if let n = Workspace.idNumber(id) { nextNumber = max(nextNumber, n + 1) }
    }

    /// Restores saved articles with their ids, names, tags and versions (`open` of a session file that carries
    /// its texts). The texts are tokenised when a command first needs them (`DeferredText`), not here: reopening
    /// costs reading the file. Cancellable: a cancelled call adds nothing.
    public func restore(_ saved: [SessionDocument.SavedArticle]) throws {
        var made: [Article] = [], waiting: [DeferredText] = []
        made.reserveCapacity(saved.count)
        for a in saved {
            try Cancellation.check()
            var versions: [ArticleVersion] = []
            for v in a.versions {
                let document = ParsedDocument(path: v.sourcePath, format: v.format, metadata: v.metadata, paragraphs: v.text ?? [],
                                              dropped: v.dropped ?? [], recordKey: v.recordKey)
                // The hash is computed again when first needed, from the text as it is now.
                let text = DeferredText(utf8: document.bodyUTF8, vocabulary: vocabulary)
                waiting.append(text)
                versions.append(ArticleVersion(number: v.number, document: document, deferredText: text,
                                               wordCount: v.words, loadedAt: v.loadedAt))
            }
            let article = Article(id: a.id, name: a.name, first: versions[0])
            for v in versions.dropFirst() { article.append(v) }
            article.tags = a.tags
            made.append(article)
        }
        adopt(made, waiting: waiting)
    }

    /// Turns several articles into versions of one (`group`): every version of every article, ordered by
    /// publication date (then load time), renumbered from 1, keeping the tokenised text as it is. The first
    /// article in workspace order keeps its id, name and tags (the name `name` when given); the others are removed.
    @discardableResult
    public func mergeAsVersions(_ ids: [String], name: String? = nil) -> Article? {
        let members = articles.filter { ids.contains($0.id) }
        guard let keeper = members.first, members.count > 1 else { return nil }
        let versions = members.flatMap(\.versions).enumerated().sorted { x, y in
            let dx = x.element.metadata.modified ?? x.element.metadata.published ?? "", dy = y.element.metadata.modified ?? y.element.metadata.published ?? ""
            if dx != dy { return dx < dy }
            if x.element.loadedAt != y.element.loadedAt { return x.element.loadedAt < y.element.loadedAt }
            return x.offset < y.offset
        }.map(\.element)
        let renumbered = versions.enumerated().map { k, v in
            ArticleVersion(number: k + 1, document: v.document, deferredText: v.deferredText, wordCount: v.wordCount, loadedAt: v.loadedAt)
        }
        let merged = Article(id: keeper.id, name: name ?? keeper.name ?? members.compactMap(\.name).first, first: renumbered[0])
        for v in renumbered.dropFirst() { merged.append(v) }
        merged.tags = Array(Set(members.flatMap(\.tags))).sorted()
        let position = articles.firstIndex { $0 === keeper }!
        articles[position] = merged
        let others = Set(members.dropFirst().map(\.id))
        articles.removeAll { others.contains($0.id) }
        // Collections that held a merged article now hold the one it became.
        for k in collections.indices {
            var seen = Set<ArticleCollection.Member>()
            collections[k].members = collections[k].members.map { others.contains($0.article) ? .init(article: keeper.id) : $0 }
                .filter { seen.insert($0).inserted }
        }
        identityIndex = nil
        return merged
    }

    /// Removes articles; returns how many were removed.
    @discardableResult
    public func drop(_ ids: Set<String>) -> Int {
        let before = articles.count
        articles.removeAll { ids.contains($0.id) }
        // The texts of dropped articles are let go.
        if !waitingTexts.isEmpty { waitingTexts = articles.flatMap { $0.versions.map(\.deferredText) }.filter { !$0.isTokenized } }
        for k in collections.indices { collections[k].members.removeAll { ids.contains($0.article) } }
        identityIndex = nil
        return before - articles.count
    }

    public func removeAll() {
        articles.removeAll()
        waitingTexts.removeAll()
        collections.removeAll()
        identityIndex = nil
        nextNumber = 1
    }

    // MARK: collections

    public func collection(named name: String) -> ArticleCollection? { collections.first { $0.name == name } }

    /// Makes (or replaces) a collection.
    public func setCollection(_ collection: ArticleCollection) {
        if let k = collections.firstIndex(where: { $0.name == collection.name }) { collections[k] = collection }
        else { collections.append(collection) }
    }

    /// Adds articles to a collection (made when new), each once, in order.
    public func addToCollection(_ name: String, articles ids: [String]) {
        var collection = self.collection(named: name) ?? ArticleCollection(name: name, members: [])
        var present = Set(collection.members)
        for id in ids where present.insert(.init(article: id)).inserted { collection.members.append(.init(article: id)) }
        setCollection(collection)
    }

    @discardableResult
    public func removeCollection(named name: String) -> Bool {
        guard let k = collections.firstIndex(where: { $0.name == name }) else { return false }
        collections.remove(at: k)
        return true
    }

    /// Total words in the latest versions.
    public var wordCount: Int { articles.reduce(0) { $0 + $1.latest.wordCount } }
}
