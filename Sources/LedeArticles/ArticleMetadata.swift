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
    /// A JSON record's other fields (`section`, `tags`, `desk.name`…), as text: what `field:NAME=VALUE` selects.
    public var fields: [String: String]?

    public init(title: String? = nil, published: String? = nil, modified: String? = nil, source: String? = nil,
                author: String? = nil, url: String? = nil, language: String? = nil, fields: [String: String]? = nil) {
        self.title = title; self.published = published; self.modified = modified
        self.source = source; self.author = author; self.url = url; self.language = language; self.fields = fields
    }

    /// The date a version is ordered by: modified, else published (ISO 8601 text).
    public var versionDate: String? { modified ?? published }
}
