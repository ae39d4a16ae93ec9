import Foundation
import LedeText
import Synchronization

/// One version of an article: the parsed document, tokenised once at load time. The document is kept without
/// its body: the text holds it (`body`, `paragraphs`).
public final class ArticleVersion: @unchecked Sendable {
    /// 1-based place among the article's versions (renumbered when an earlier-dated version is inserted).
    public internal(set) var number: Int
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
