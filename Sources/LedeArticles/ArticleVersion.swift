import Foundation
import LedeText

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
    private let cachedHash: Locked<String?>
    /// The version's language, found on first use (`language(identifiedBy:)`): nil inside when unknown.
    private let cachedLanguage = Locked<Language??>(nil)

    /// `contentHash` may be passed when it was already computed.
    public init(number: Int, document: ParsedDocument, text: TokenizedText, loadedAt: Date = Date(), contentHash: String? = nil) {
        self.number = number
        var document = document
        document.releaseBody()
        self.document = document
        self.text = text
        self.cachedHash = Locked(contentHash)
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

    /// The language the page declares (`<html lang>`, JSON-LD, a JSON field), else the one `identifier` finds
    /// in the start of the text; nil when neither knows. Found once per version.
    public func language(identifiedBy identifier: LanguageIdentifier) -> Language? {
        cachedLanguage.withLock { cached in
            if let cached { return cached }
            var found = metadata.language.flatMap(Language.init(tag:))
            if found == nil, text.tokenCount > 0 {
                // The first few hundred words are what the identifier reads.
                let end = text.range(ofToken: min(text.tokenCount, LanguageIdentifier.sampleWords) - 1).upperBound
                found = text.bytes(in: 0..<end).withUnsafeBufferPointer { identifier.identify(utf8: $0) }
            }
            cached = .some(found)
            return found
        }
    }
    public var wordCount: Int { text.tokenCount }

    /// The body: paragraphs separated by a blank line (rebuilt from the text).
    public var body: String { String(decoding: text.utf8, as: UTF8.self) }

    /// The paragraphs as the loader found them (rebuilt from the text).
    public var paragraphs: [String] { ParsedDocument.paragraphs(of: text.utf8, at: document.paragraphRanges) }
}
