import Foundation
import LedeText
import Synchronization

/// Where a document came from and in what form.
public enum ArticleFormat: String, Codable, Sendable {
    case text, html, json, jsonl
}

/// Facts about an article found while loading it. Published and modified dates stay apart;
/// `source` is the agency or outlet, `author` the byline.
public struct ArticleMetadata: Codable, Sendable, Equatable {
    public var title: String?
    public var published: String?
    public var modified: String?
    public var source: String?
    public var author: String?
    public var url: String?
    public var language: String?

    public init(title: String? = nil, published: String? = nil, modified: String? = nil, source: String? = nil,
                author: String? = nil, url: String? = nil, language: String? = nil) {
        self.title = title; self.published = published; self.modified = modified
        self.source = source; self.author = author; self.url = url; self.language = language
    }
}

/// A block the loader did not keep as body text, and why (the "explain" of loading).
public struct DroppedBlock: Codable, Sendable, Equatable {
    public var text: String
    public var reason: String
    /// How many kept paragraphs came before it in the document, so kept and dropped blocks can be shown in
    /// their original order; nil when unknown.
    public var position: Int?
    public init(text: String, reason: String, position: Int? = nil) {
        self.text = text; self.reason = reason; self.position = position
    }
}

/// What a loader produced from one file or record, before it joins a workspace.
///
/// The body is held as UTF-8 bytes (paragraphs joined by a blank line) plus each paragraph's byte range, until
/// it is tokenised: a tokenised text rebuilds its bytes from its tokens, so an article version keeps the
/// document without its body (`releaseBody`) and reads the body from its text, and a corpus is not kept twice.
public struct ParsedDocument: Sendable {
    /// The fields, behind one reference: a document is copied several times between a worker and the
    /// workspace, and each copy of a dozen separately counted fields cost a dozen atomic retains, on objects
    /// another core made (the serial end of a 44,500-file load was mostly that). Copied on write.
    private final class Fields: @unchecked Sendable {
        var path: String
        var format: ArticleFormat
        var metadata: ArticleMetadata
        var dropped: [DroppedBlock]
        var warnings: [String]
        var recordKey: String?
        var body: [UInt8]
        var hasBody = true
        var paragraphBounds: [UInt32]

        init(path: String, format: ArticleFormat, metadata: ArticleMetadata, dropped: [DroppedBlock], warnings: [String],
             recordKey: String?, body: [UInt8], paragraphBounds: [UInt32]) {
            self.path = path; self.format = format; self.metadata = metadata; self.dropped = dropped
            self.warnings = warnings; self.recordKey = recordKey; self.body = body; self.paragraphBounds = paragraphBounds
        }

        func copy() -> Fields {
            let c = Fields(path: path, format: format, metadata: metadata, dropped: dropped, warnings: warnings,
                           recordKey: recordKey, body: body, paragraphBounds: paragraphBounds)
            c.hasBody = hasBody
            return c
        }
    }

    private var fields: Fields

    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public var path: String { get { fields.path } set { unique().path = newValue } }
    public var format: ArticleFormat { get { fields.format } set { unique().format = newValue } }
    public var metadata: ArticleMetadata { get { fields.metadata } set { unique().metadata = newValue } }
    public var dropped: [DroppedBlock] { get { fields.dropped } set { unique().dropped = newValue } }
    public var warnings: [String] { get { fields.warnings } set { unique().warnings = newValue } }
    /// For JSON/JSONL: a record id or index, so one file can hold many articles.
    public var recordKey: String? { get { fields.recordKey } set { unique().recordKey = newValue } }
    /// `metadata.url` and `metadata.title`, read without copying the other metadata fields (loading reads
    /// them for every document).
    public var url: String? { fields.metadata.url }
    public var title: String? { fields.metadata.title }
    /// Whether the body bytes are still here (false once they moved into a tokenised text).
    public var hasBody: Bool { fields.hasBody }
    /// The body as UTF-8: paragraphs separated by "\n\n".
    public var bodyUTF8: [UInt8] {
        precondition(hasBody, "the body of \(path) was released: read it from the article version's text")
        return fields.body
    }
    /// Where each paragraph lies in the body (kept when the body is released), as start, end pairs of 32-bit
    /// offsets (a body is at most --max-size): 8 bytes a paragraph, not 16, over the ~1 M paragraphs of a
    /// large corpus.
    public var paragraphRanges: [Range<Int>] {
        let bounds = fields.paragraphBounds
        return stride(from: 0, to: bounds.count, by: 2).map { Int(bounds[$0])..<Int(bounds[$0 + 1]) }
    }

    public init(path: String, format: ArticleFormat, metadata: ArticleMetadata, paragraphs: [String],
                dropped: [DroppedBlock] = [], warnings: [String] = [], recordKey: String? = nil) {
        let (body, bounds) = ParsedDocument.join(paragraphs)
        fields = Fields(path: path, format: format, metadata: metadata, dropped: dropped, warnings: warnings,
                        recordKey: recordKey, body: body, paragraphBounds: bounds)
    }

    /// A document whose body bytes were already assembled (paragraphs joined by "\n\n" at `paragraphRanges`).
    public init(path: String, format: ArticleFormat, metadata: ArticleMetadata, bodyUTF8: [UInt8], paragraphRanges: [Range<Int>],
                dropped: [DroppedBlock] = [], warnings: [String] = [], recordKey: String? = nil) {
        var bounds: [UInt32] = []
        bounds.reserveCapacity(2 * paragraphRanges.count)
        for r in paragraphRanges { bounds.append(UInt32(r.lowerBound)); bounds.append(UInt32(r.upperBound)) }
        fields = Fields(path: path, format: format, metadata: metadata, dropped: dropped, warnings: warnings,
                        recordKey: recordKey, body: bodyUTF8, paragraphBounds: bounds)
    }

    /// The paragraphs as strings (decoded from the body on each call; the body bytes are what is stored).
    public var paragraphs: [String] {
        get { ParsedDocument.paragraphs(of: bodyUTF8, at: paragraphRanges) }
        set {
            let f = unique()
            (f.body, f.paragraphBounds) = ParsedDocument.join(newValue)
            f.hasBody = true
        }
    }

    /// The body as one text: paragraphs separated by a blank line.
    public var body: String { String(decoding: bodyUTF8, as: UTF8.self) }

    /// Drops the body bytes, once a tokenised text holds them; the paragraph ranges stay.
    public mutating func releaseBody() {
        guard hasBody else { return }
        let f = unique()
        f.body = []
        f.hasBody = false
    }

    static func paragraphs(of body: [UInt8], at ranges: [Range<Int>]) -> [String] {
        body.withUnsafeBufferPointer { b in ranges.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) } }
    }

    private static func join(_ paragraphs: [String]) -> ([UInt8], [UInt32]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paragraphs.reduce(0) { $0 + $1.utf8.count } + 2 * max(0, paragraphs.count - 1))
        var bounds: [UInt32] = []
        bounds.reserveCapacity(2 * paragraphs.count)
        for (k, p) in paragraphs.enumerated() {
            if k > 0 { bytes.append(0x0A); bytes.append(0x0A) }
            bounds.append(UInt32(bytes.count))
            bytes.append(contentsOf: p.utf8)
            bounds.append(UInt32(bytes.count))
        }
        return (bytes, bounds)
    }
}

/// One version of an article: the parsed document, tokenised once at load time. The document is kept without
/// its body: the text holds it (`body`, `paragraphs`).
public final class ArticleVersion: @unchecked Sendable {
    public let number: Int
    /// Where the version came from and what was found while loading it; its body is released (read `body`).
    public let document: ParsedDocument
    public let text: TokenizedText
    public let loadedAt: Date
    /// Computed on first use (comparing with a reloaded version, saving a session), not for every article at
    /// load time: a pass over every body byte that a plain load never needs. Guarded: versions are shared
    /// across threads.
    private let cachedHash: Mutex<String?>

    /// `contentHash` may be passed when it was already computed.
    public init(number: Int, document: ParsedDocument, text: TokenizedText, loadedAt: Date = Date(), contentHash: String? = nil) {
        self.number = number
        var document = document
        document.releaseBody()
        self.document = document
        self.text = text
        self.cachedHash = Mutex(contentHash)
        self.loadedAt = loadedAt
    }

    /// FNV-1a of the normalised body text (`ContentHash.ofNormalised`): equal for "unchanged" reloads.
    public var contentHash: String {
        cachedHash.withLock { cached in
            if let cached { return cached }
            let hash = text.utf8.withUnsafeBufferPointer { ContentHash.ofNormalised(utf8: $0) }
            cached = hash
            return hash
        }
    }

    public var metadata: ArticleMetadata { document.metadata }
    public var wordCount: Int { text.tokenCount }

    /// The body: paragraphs separated by a blank line (rebuilt from the text).
    public var body: String { String(decoding: text.utf8, as: UTF8.self) }

    /// The paragraphs as the loader found them (rebuilt from the text).
    public var paragraphs: [String] { ParsedDocument.paragraphs(of: text.utf8, at: document.paragraphRanges) }
}

/// An article: a stable id (a1, a2, …), an optional name, and its versions, oldest first.
public final class Article: @unchecked Sendable {
    public let id: String
    public var name: String?
    public private(set) var versions: [ArticleVersion]
    /// Topic tags assigned by `tag` (labels or QCodes), used by `tag:` selectors.
    public var tags: [String] = []

    public init(id: String, name: String?, first: ArticleVersion) {
        self.id = id; self.name = name; self.versions = [first]
    }

    public var latest: ArticleVersion { versions[versions.count - 1] }
    public var displayName: String { name ?? id }

    public func append(_ version: ArticleVersion) { versions.append(version) }
}
