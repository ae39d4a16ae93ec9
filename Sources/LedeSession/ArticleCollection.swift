import Foundation

/// A named group of articles that a selector names like an article: a folder (or glob, or multi-record file)
/// loaded with `--as NAME`, or `select EXPR --as NAME`. Its members are fixed when it is made (a subcorpus does
/// not change under an analysis); dropped articles simply stop being members.
public struct ArticleCollection: Codable, Sendable, Equatable {
    /// One member: an article, at one version or (nil) at its latest.
    public struct Member: Hashable, Sendable {
        public var article: String
        public var version: Int?
        public init(article: String, version: Int? = nil) { self.article = article; self.version = version }

        /// `a3` or `a3@2`.
        public var text: String { version.map { "\(article)@\($0)" } ?? article }

        public init?(text: String) {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), Workspace.idNumber(String(parts[0])) != nil else { return nil }
            article = String(parts[0])
            if parts.count == 2 {
                guard let n = Int(parts[1]), n >= 1 else { return nil }
                version = n
            }
        }
    }

    public var name: String
    public var members: [Member]
    /// The selection it was made from (`select`), for `list` and the session file.
    public var expression: String?

    public init(name: String, members: [Member], expression: String? = nil) {
        self.name = name; self.members = members; self.expression = expression
    }

    private enum CodingKeys: String, CodingKey { case name, members, expression }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        expression = try c.decodeIfPresent(String.self, forKey: .expression)
        let texts = try c.decode([String].self, forKey: .members)
        members = try texts.map { text in
            guard let m = Member(text: text) else {
                throw DecodingError.dataCorruptedError(forKey: .members, in: c, debugDescription: "'\(text)' is not an article id like a12 or a12@2")
            }
            return m
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(members.map(\.text), forKey: .members)
        try c.encodeIfPresent(expression, forKey: .expression)
    }
}
