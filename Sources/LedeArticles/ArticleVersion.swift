import Foundation
import LedeText

/// One version of an article: the parsed document, tokenised once — at load time, or, for a version read back
/// from a session file or an archive, when first needed (`deferredText`). The document is kept without its body:
/// the text holds it (`body`, `paragraphs`).
public final class ArticleVersion: @unchecked Sendable {
    /// 1-based place among the article's versions (renumbered when an earlier-dated version is inserted).
    public internal(set) var number: Int
    /// Where the version came from and what was found while loading it; its body is released (read `body`).
    public let document: ParsedDocument
    /// The text, tokenised now or later; versions that share a stored text share it.
    public let deferredText: DeferredText
    /// The tokens of a version made tokenised (a load), read without going through `deferredText`: analyses
    /// read `text` of tens of thousands of versions in their loops.
    private let tokenized: TokenizedText?
    /// The word count known without tokenising (saved with the version), used until the text is tokenised.
    private let knownWordCount: Int?
    public let loadedAt: Date
    /// Computed on first use (comparing with a reloaded version, saving a session), not for every article at
    /// load time: a pass over every body byte that a plain load never needs. Versions are shared across threads.
    private let cachedHash: Computed<String>
    /// The version's language, found on first use (`language(identifiedBy:)`): nil when unknown.
    private let cachedLanguage = Computed<Language?>()

    /// `contentHash` may be passed when it was already computed.
    public convenience init(number: Int, document: ParsedDocument, text: TokenizedText, loadedAt: Date = Date(),
                            contentHash: String? = nil) {
        self.init(number: number, document: document, deferredText: DeferredText(text), wordCount: nil,
                  loadedAt: loadedAt, contentHash: contentHash, tokenized: text)
    }

    /// A version whose text may not be tokenised yet; `wordCount` is its count of words when known (saved
    /// with it), so listing it need not tokenise it.
    public convenience init(number: Int, document: ParsedDocument, deferredText: DeferredText, wordCount: Int?, loadedAt: Date,
                            contentHash: String? = nil) {
        self.init(number: number, document: document, deferredText: deferredText, wordCount: wordCount, loadedAt: loadedAt,
                  contentHash: contentHash, tokenized: nil)
    }

    private init(number: Int, document: ParsedDocument, deferredText: DeferredText, wordCount: Int?, loadedAt: Date,
                 contentHash: String?, tokenized: TokenizedText?) {
        self.number = number
        self.tokenized = tokenized
        var document = document
        document.releaseBody()
        self.document = document
        self.deferredText = deferredText
        knownWordCount = wordCount
        cachedHash = contentHash.map { Computed($0) } ?? Computed()
        self.loadedAt = loadedAt
    }

    /// The tokenised text (tokenised now if it was not yet).
    public var text: TokenizedText { tokenized ?? deferredText.text }

    /// FNV-1a of the normalised body text (`ContentHash.ofNormalised`): equal for "unchanged" reloads.
    public var contentHash: String {
        cachedHash.value { utf8.withUnsafeBufferPointer { ContentHash.ofNormalised(utf8: $0) } }
    }

    public var metadata: ArticleMetadata { document.metadata }

    /// The language the page declares (`<html lang>`, JSON-LD, a JSON field), else the one `identifier` finds
    /// in the start of the text; nil when neither knows. Found once per version.
    public func language(identifiedBy identifier: LanguageIdentifier) -> Language? {
        cachedLanguage.value {
            if let declared = metadata.language.flatMap(Language.init(tag:)) { return declared }
            let text = self.text
            guard text.tokenCount > 0 else { return nil }
            // The first few hundred words are what the identifier reads.
            let end = text.range(ofToken: min(text.tokenCount, LanguageIdentifier.sampleWords) - 1).upperBound
            return text.bytes(in: 0..<end).withUnsafeBufferPointer { identifier.identify(utf8: $0) }
        }
    }
    /// Words (tokens) in the text; the saved count while the text is not tokenised.
    public var wordCount: Int {
        if let tokenized { return tokenized.tokenCount }
        if let knownWordCount, !deferredText.isTokenized { return knownWordCount }
        return text.tokenCount
    }

    /// The body: paragraphs separated by a blank line (rebuilt from the text, not tokenising it).
    public var body: String { String(decoding: utf8, as: UTF8.self) }

    /// The body's bytes (not tokenising the text).
    private var utf8: [UInt8] { tokenized?.utf8 ?? deferredText.utf8 }

    /// The paragraphs as the loader found them (rebuilt from the text, not tokenising it).
    public var paragraphs: [String] { ParsedDocument.paragraphs(of: utf8, at: document.paragraphRanges) }
}
