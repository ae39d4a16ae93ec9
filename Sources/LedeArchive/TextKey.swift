import LedeArticles

/// What identifies a stored text (`texts.hash`): a fingerprint of its title, body and paragraph layout, with the
/// layout itself when splitting the body at blank lines would not give the paragraphs back.
public struct TextKey: Sendable, Equatable {
    public var fingerprint: Fingerprint
    /// Paragraph bounds as little-endian UInt32 start/end pairs (`ParagraphLayout`); nil in the usual case.
    public var paragraphBounds: [UInt8]?

    public init(title: String?, body: [UInt8], paragraphs: [Range<Int>]) {
        let bounds = ParagraphLayout.isPlain(body, paragraphs) ? nil : ParagraphLayout.encode(paragraphs)
        fingerprint = body.withUnsafeBytes { b in
            (bounds ?? []).withUnsafeBytes { Fingerprint.ofText(title: title, body: b, bounds: $0) }
        }
        paragraphBounds = bounds
    }

    /// A document's, from the bytes it still holds.
    public init(_ document: ParsedDocument) {
        self.init(title: document.metadata.title, body: document.bodyUTF8, paragraphs: document.paragraphRanges)
    }
}
