import Foundation
import LedeText
import Synchronization

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
        var name: String?
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
            c.name = name
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
    /// The article name a record carries (lede's own JSONL export writes it), used when the load names none.
    public var name: String? { get { fields.name } set { unique().name = newValue } }
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
