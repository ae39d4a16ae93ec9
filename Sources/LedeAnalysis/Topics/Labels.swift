import Foundation
import LedeArticles

/// Where a training label comes from: the article file's parent folder, or a metadata field.
public enum LabelSource: Sendable, Equatable, CustomStringConvertible {
    case folder
    case field(String)

    public static let fieldNames = ["title", "source", "author", "language", "url", "published", "modified", "tag"]

    /// Parses `folder` or `field:NAME`.
    public init(parsing spec: String) throws {
        let lower = spec.lowercased()
        if lower == "folder" { self = .folder; return }
        if lower.hasPrefix("field:") {
            let name = String(lower.dropFirst(6))
            guard LabelSource.fieldNames.contains(name) else {
                throw ModelError("--label-from: unknown field '\(name)' (use one of \(LabelSource.fieldNames.joined(separator: ", ")))")
            }
            self = .field(name); return
        }
        throw ModelError("--label-from takes 'folder' or 'field:NAME', got '\(spec)'")
    }

    public var description: String {
        switch self { case .folder: return "folder"; case .field(let n): return "field:\(n)" }
    }

    /// The label of one article version, or nil when it has none.
    public func label(of article: Article, version: ArticleVersion) -> String? {
        let m = version.metadata
        let value: String?
        switch self {
        case .folder:
            let parent = RawPath.parent(of: version.document.path)
            value = parent.isEmpty ? nil : RawPath.lastComponent(of: parent)
        case .field(let name):
            switch name {
            case "title": value = m.title
            case "source": value = m.source
            case "author": value = m.author
            case "language": value = m.language
            case "url": value = m.url
            case "published": value = m.published
            case "modified": value = m.modified
            // A taxonomy tag before a model's (`MODEL/label`).
            default: value = article.tags.first { !$0.contains("/") } ?? article.tags.first
            }
        }
        guard let v = value?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }
}

/// Labelled texts for training: the label names (sorted) and each text's label index.
public struct LabelledSet: Sendable {
    public var labelNames: [String]
    public var labels: [Int]

    /// Checks there are at least two classes and that every article has a label.
    public init(labels raw: [String?], source: LabelSource) throws {
        if raw.isEmpty { throw ModelError("no articles selected") }
        let missing = raw.filter { $0 == nil }.count
        if missing > 0 { throw ModelError("\(missing) of \(raw.count) selected articles have no \(source) label") }
        let names = Set(raw.map { $0! }).sorted()
        if names.count < 2 {
            throw ModelError("every selected article has the label '\(names[0])' (\(source)); a classifier needs at least two classes")
        }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        labelNames = names
        labels = raw.map { index[$0!]! }
    }
}
