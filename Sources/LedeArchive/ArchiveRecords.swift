import Foundation
import LedeArticles
import LedeText

/// One parsed document to store: the loader's document, its body, and what the archive needs besides.
public struct ArchiveDocument: Sendable {
    /// The body as UTF-8 (paragraphs joined by a blank line, at `document.paragraphRanges`), either as bytes or
    /// as the tokenised text that rebuilds them (a loader that tokenised released the document's own bytes).
    public enum Body: Sendable {
        case bytes([UInt8])
        case text(TokenizedText)
    }

    public var document: ParsedDocument
    public var body: Body
    /// `load --as NAME`: a version of the article with this name (created when there is none).
    public var name: String?
    /// A version of this article id, whatever the name, URL or file say (nil: found by the identity rules).
    public var articleID: String?
    /// The file's raw bytes, compressed (from an `ArchiveIntake`, or `RawCopy.make`); nil when there are none.
    public var raw: RawCopy?
    public var loadedAt: Date
    /// Words in the body, when the caller counted them (lede's tokens).
    public var words: Int?
    /// Set when the document was fetched over HTTP rather than read from a file.
    public var fetch: FetchRecord?
    public var parserVersion: String
    /// The body's text key, when it was computed while the body was at hand (`ArchiveIntake`): a text the
    /// archive holds is then found without rebuilding the body from its tokens.
    public var textKey: TextKey?

    public init(document: ParsedDocument, body: Body, name: String? = nil, articleID: String? = nil, raw: RawCopy? = nil,
                loadedAt: Date = Date(), words: Int? = nil, fetch: FetchRecord? = nil,
                parserVersion: String = ArticleLoader.parserVersion, textKey: TextKey? = nil) {
        self.document = document; self.body = body; self.name = name; self.articleID = articleID; self.raw = raw
        self.loadedAt = loadedAt; self.words = words; self.fetch = fetch; self.parserVersion = parserVersion
        self.textKey = textKey
    }

    /// A document that still holds its body bytes.
    public init(_ document: ParsedDocument, name: String? = nil, raw: RawCopy? = nil, loadedAt: Date = Date()) {
        self.init(document: document, body: .bytes(document.bodyUTF8), name: name, raw: raw, loadedAt: loadedAt)
    }
}

/// How a document was fetched: the URL asked for, when, the HTTP status and response headers.
public struct FetchRecord: Sendable, Equatable {
    public var url: String
    public var fetchedAt: Date
    public var status: Int?
    public var headers: [HTTPHeader]
    public init(url: String, fetchedAt: Date, status: Int? = nil, headers: [HTTPHeader] = []) {
        self.url = url; self.fetchedAt = fetchedAt; self.status = status; self.headers = headers
    }
}

public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// What storing one document did (the same cases as a workspace's add).
public enum StoreOutcome: Sendable, Equatable {
    /// A new article, with its first version.
    case added(id: String)
    /// A new version of an existing article.
    case newVersion(id: String, number: Int)
    /// The article's latest version already has this text and metadata: nothing stored.
    case unchanged(id: String, number: Int)

    public var articleID: String {
        switch self { case .added(let id), .newVersion(let id, _), .unchanged(let id, _): return id }
    }
}

/// A stored version, read back: the document (with its body), and what the archive recorded about it.
public struct StoredVersion: Sendable {
    public var number: Int
    /// With its body bytes: versions that share a text share one array.
    public var document: ParsedDocument
    public var loadedAt: Date
    /// `ContentHash.ofNormalised` of the body.
    public var contentHash: String
    /// The raw bytes' fingerprint as stored (32 hex digits): parsed only when asked for (`rawHash`).
    var rawHashHex: String?
    public var rawHash: Fingerprint? { rawHashHex.flatMap(Fingerprint.init(hex:)) }
    public var parserVersion: String
    public var words: Int?
    public var fetch: FetchRecord?
    /// The stored text's row: versions with equal `textID` have the same title and body (tokenise it once).
    public var textID: Int64
}

public struct StoredArticle: Sendable {
    public var id: String
    public var name: String?
    public var created: Date
    public var tags: [ArchiveTag]
    public var versions: [StoredVersion]
}

/// One line of `list`: an article and its latest version's metadata, without text.
public struct ArticleSummary: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var versions: Int
    public var title: String?
    public var published: String?
    public var modified: String?
    public var source: String?
    public var author: String?
    public var url: String?
    public var language: String?
    public var format: String
    public var sourcePath: String?
    public var loadedAt: Date
    public var words: Int?
    public var paragraphs: Int
    public var tags: [String]
}

public enum TagOrigin: String, Sendable, Codable {
    case taxonomy, model, user
}

public struct ArchiveTag: Sendable, Equatable {
    public var tag: String
    public var origin: TagOrigin
    /// The model that assigned it, when `origin` is `.model`.
    public var model: String?
    public var score: Double?
    public init(_ tag: String, origin: TagOrigin, model: String? = nil, score: Double? = nil) {
        self.tag = tag; self.origin = origin; self.model = model; self.score = score
    }
}

/// A trained model (or any named analysis state) kept as JSON.
public struct ArchiveModel: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var json: String
    public var created: Date
    public init(name: String, kind: String, json: String, created: Date = Date()) {
        self.name = name; self.kind = kind; self.json = json; self.created = created
    }
}

public struct FeedRecord: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var added: Date
    public var lastRead: Date?
    public var itemsGiven: Int
    public init(url: String, title: String? = nil, added: Date = Date(), lastRead: Date? = nil, itemsGiven: Int = 0) {
        self.url = url; self.title = title; self.added = added; self.lastRead = lastRead; self.itemsGiven = itemsGiven
    }
}

public struct FeedItemRecord: Sendable, Equatable {
    public var guid: String
    public var url: String?
    public var title: String?
    public var published: String?
    public var firstSeen: Date
    /// The article the item was stored as, once fetched.
    public var articleID: String?
    public init(guid: String, url: String? = nil, title: String? = nil, published: String? = nil, firstSeen: Date = Date(),
                articleID: String? = nil) {
        self.guid = guid; self.url = url; self.title = title; self.published = published; self.firstSeen = firstSeen
        self.articleID = articleID
    }
}

/// What the last fetch of a URL said, for conditional GET (ETag / Last-Modified) and politeness.
public struct FetchState: Sendable, Equatable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var lastStatus: Int?
    public var lastFetched: Date?
    public var lastError: String?
    public init(url: String, etag: String? = nil, lastModified: String? = nil, lastStatus: Int? = nil,
                lastFetched: Date? = nil, lastError: String? = nil) {
        self.url = url; self.etag = etag; self.lastModified = lastModified; self.lastStatus = lastStatus
        self.lastFetched = lastFetched; self.lastError = lastError
    }
}

/// One command of a session, as the result log keeps it (`result` is the command's JSON result).
public struct LogEntry: Sendable, Equatable {
    public var session: String?
    public var command: String
    public var started: Date
    public var durationMs: Double
    public var status: String
    public var error: String?
    public var resultJSON: String?
    public init(session: String? = nil, command: String, started: Date, durationMs: Double, status: String,
                error: String? = nil, resultJSON: String? = nil) {
        self.session = session; self.command = command; self.started = started; self.durationMs = durationMs
        self.status = status; self.error = error; self.resultJSON = resultJSON
    }
}

/// What an archive holds (`archive` alone).
public struct ArchiveSummary: Sendable, Equatable {
    public var path: String
    public var schemaVersion: Int
    public var created: Date?
    public var articles: Int
    public var versions: Int
    public var texts: Int
    public var rawFiles: Int
    /// The raw files' original bytes, and what they take stored.
    public var rawBytes: Int
    public var storedRawBytes: Int
    public var tags: Int
    public var models: Int
    public var feeds: Int
    public var logEntries: Int
    /// Texts not yet in the search index (indexed by the next `search`, or `updateSearchIndex`).
    public var unindexedTexts: Int
    /// The file and its write-ahead log, in bytes.
    public var fileBytes: Int
}
