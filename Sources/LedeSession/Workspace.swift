import Foundation
import LedeText
import LedeArticles
import Synchronization

/// The articles of a session, their versions, and the vocabulary their tokens are interned in.
public final class Workspace: @unchecked Sendable {
    public let vocabulary = Vocabulary()
    public private(set) var articles: [Article] = []
    private var nextNumber = 1
    private let tokenizer = Tokenizer()

    public init() {}

    /// What adding a document did.
    public enum AddOutcome: Sendable {
        case added(Article)
        case newVersion(Article, Int)
        case unchanged(Article)

        public var article: Article {
            switch self { case .added(let a), .newVersion(let a, _), .unchanged(let a): return a }
        }
    }

    public func article(id: String) -> Article? { articles.first { $0.id == id } }
    public func article(named name: String) -> Article? { articles.first { $0.name == name } }

    /// Tokenises a parsed document once and adds it: a new article, or a new version of the article with the
    /// same name (or the same canonical URL); "unchanged" when its normalised text is the same as the latest.
    @discardableResult
    public func add(_ document: ParsedDocument, name: String? = nil, loadedAt: Date = Date()) -> AddOutcome {
        add(document, text: tokenizer.tokenize(document.body, vocabulary: vocabulary), name: name, loadedAt: loadedAt)
    }

    /// Adds many documents: tokenised in parallel on all cores, then added in order. Cancellable (Ctrl-C):
    /// a cancelled call adds nothing. `progress` gets (documents tokenised, total) from worker threads.
    public func add(_ documents: [ParsedDocument], name: String? = nil,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [AddOutcome] {
        let texts = try tokenizeAll(documents, progress: progress)
        let now = Date()
        return zip(documents, texts).map { add($0, text: $1, name: name, loadedAt: now) }
    }

    private func tokenizeAll(_ documents: [ParsedDocument], progress: (@Sendable (Int, Int) -> Void)?) throws -> [TokenizedText] {
        let n = documents.count
        let results = UnsafeMutableBufferPointer<TokenizedText?>.allocate(capacity: n)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let chunk = max(1, min(256, n / (ProcessInfo.processInfo.activeProcessorCount * 8)))
        let counter = Atomic<Int>(0)
        let box = UncheckedBox(results)
        let vocabulary = self.vocabulary, tokenizer = self.tokenizer
        DispatchQueue.concurrentPerform(iterations: (n + chunk - 1) / chunk) { c in
            if Cancellation.isRequested { return }
            let lo = c * chunk, hi = min(n, lo + chunk)
            for i in lo..<hi { box.value[i] = tokenizer.tokenize(documents[i].body, vocabulary: vocabulary) }
            let done = counter.add(hi - lo, ordering: .relaxed).newValue
            progress?(done, n)
        }
        try Cancellation.check()
        return results.map { $0! }
    }

    private func add(_ document: ParsedDocument, text: TokenizedText, name: String?, loadedAt: Date) -> AddOutcome {
        // The same name, else the same canonical URL, else the same file (and record) loaded again.
        let existing = name.flatMap { self.article(named: $0) }
            ?? document.metadata.url.flatMap { url in articles.first { $0.latest.metadata.url == url } }
            ?? (name == nil ? articles.first {
                $0.name == nil && $0.latest.document.path == document.path && $0.latest.document.recordKey == document.recordKey
            } : nil)
        if let article = existing {
            let version = ArticleVersion(number: article.versions.count + 1, document: document, text: text, loadedAt: loadedAt)
            if version.contentHash == article.latest.contentHash, document.metadata == article.latest.metadata {
                return .unchanged(article)
            }
            article.append(version)
            return .newVersion(article, version.number)
        }
        let article = Article(id: "a\(nextNumber)", name: name,
                              first: ArticleVersion(number: 1, document: document, text: text, loadedAt: loadedAt))
        nextNumber += 1
        articles.append(article)
        return .added(article)
    }

    /// Restores an article with a given id and versions (used by `open`).
    public func restore(id: String, name: String?, tags: [String], versions: [(ParsedDocument, Date)]) {
        guard let first = versions.first else { return }
        let article = Article(id: id, name: name,
                              first: ArticleVersion(number: 1, document: first.0,
                                                    text: tokenizer.tokenize(first.0.body, vocabulary: vocabulary),
                                                    loadedAt: first.1))
        for (i, v) in versions.enumerated().dropFirst() {
            article.append(ArticleVersion(number: i + 1, document: v.0,
                                          text: tokenizer.tokenize(v.0.body, vocabulary: vocabulary), loadedAt: v.1))
        }
        article.tags = tags
        articles.append(article)
        if let n = Int(id.dropFirst()), id.hasPrefix("a") { nextNumber = max(nextNumber, n + 1) }
    }

    /// Removes articles; returns how many were removed.
    @discardableResult
    public func drop(_ ids: Set<String>) -> Int {
        let before = articles.count
        articles.removeAll { ids.contains($0.id) }
        return before - articles.count
    }

    public func removeAll() {
        articles.removeAll()
        nextNumber = 1
    }

    /// Total words in the latest versions.
    public var wordCount: Int { articles.reduce(0) { $0 + $1.latest.wordCount } }
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
