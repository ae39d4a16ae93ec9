import Foundation
import LedeText
import Synchronization

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

    /// Puts a version at `index` (0-based) and renumbers every version from 1 in order.
    public func insert(_ version: ArticleVersion, at index: Int) {
        versions.insert(version, at: min(max(0, index), versions.count))
        for (k, v) in versions.enumerated() { v.number = k + 1 }
    }
}
