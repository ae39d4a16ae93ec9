import LedeText
import LedeArticles

/// A metadata field that differs between two versions (reported apart from the body).
public struct MetadataChange: Sendable, Codable, Equatable {
    public var field: String
    public var old: String?
    public var new: String?
}

/// The comparison of two versions of an article: aligned sentences with word diffs inside changed
/// pairs, NewsEdits counts, metadata changes and the news-aware change summary.
public struct VersionDiff: Sendable {
    public var items: [AlignedSentences]
    public var counts: DiffCounts
    public var metadata: [MetadataChange]
    public var summary: ChangeSummary
    /// Same words, but whitespace, punctuation or letter case differ.
    public var trivial: Bool
    /// The same bytes.
    public var identical: Bool
    /// Less than `rewrittenBelow` of the words survive: show both texts whole rather than a shredded diff.
    public var rewritten: Bool

    public static let rewrittenBelow = 0.3

    public static func compare(_ old: ArticleVersion, _ new: ArticleVersion, threshold: Double = 0.5) -> VersionDiff {
        compare(old.text, new.text, oldMetadata: old.metadata, newMetadata: new.metadata, threshold: threshold)
    }

    public static func compare(_ a: TokenizedText, _ b: TokenizedText, oldMetadata: ArticleMetadata = ArticleMetadata(),
                               newMetadata: ArticleMetadata = ArticleMetadata(), threshold: Double = 0.5) -> VersionDiff {
        let (items, counts) = SentenceAligner(threshold: threshold).align(a, b)
        let sameWords = a.ids.elementsEqual(b.ids)
        let identical = a.hasSameBytes(as: b)
        var metadata: [MetadataChange] = []
        func check(_ field: String, _ x: String?, _ y: String?) {
            if (x ?? "") != (y ?? "") { metadata.append(MetadataChange(field: field, old: x, new: y)) }
        }
        check("title", oldMetadata.title, newMetadata.title)
        check("published", oldMetadata.published, newMetadata.published)
        check("modified", oldMetadata.modified, newMetadata.modified)
        check("author", oldMetadata.author, newMetadata.author)
        check("source", oldMetadata.source, newMetadata.source)
        check("url", oldMetadata.url, newMetadata.url)
        let summary = ChangeSummary.make(a, b, items: items, oldTitle: oldMetadata.title, newTitle: newMetadata.title)
        let rewritten = !(a.ids.isEmpty && b.ids.isEmpty) && counts.similarity < rewrittenBelow
        return VersionDiff(items: items, counts: counts, metadata: metadata, summary: summary,
                           trivial: sameWords && !identical, identical: identical, rewritten: rewritten)
    }

    /// Share of both versions' sentences, taken together, that are not unchanged (deleted, added, edited, moved,
    /// merged, split): the same whichever version is called old, where a share of the new version alone was not.
    public var changedShare: Double {
        let c = counts
        let oldSentences = c.unchanged + c.deleted + c.edited + c.moved + 2 * c.merged + c.split
        let newSentences = c.unchanged + c.added + c.edited + c.moved + c.merged + 2 * c.split
        let all = oldSentences + newSentences
        guard all > 0 else { return 0 }
        return Double(all - 2 * c.unchanged) / Double(all)
    }
}
