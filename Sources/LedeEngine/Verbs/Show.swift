import Foundation
import LedeText
import LedeArticles
import LedeSession

/// `show`: one or more versions' metadata and text, or every block kept and dropped.
public struct ShowRequest: Sendable {
    public var selectors: [String]
    public var blocks: Bool
    public var metadataOnly: Bool
    public init(selectors: [String], blocks: Bool = false, metadataOnly: Bool = false) {
        self.selectors = selectors; self.blocks = blocks; self.metadataOnly = metadataOnly
    }
}

public struct ShowReport: Codable, Sendable {
    public struct Block: Codable, Sendable { public var kept: Bool; public var reason: String?; public var text: String }
    public struct Shown: Codable, Sendable {
        public var id: String, name: String?, version: Int, versions: Int, path: String, format: String
        public var metadata: ArticleMetadata, words: Int, sentences: Int, paragraphs: [String]
        public var tags: [String] = []
        public var blocks: [Block]?
    }
    public var articles: [Shown]
    public var metadataOnly: Bool
}

extension Engine {
    public func show(_ request: ShowRequest) throws -> ShowReport {
        let picked = try workspace.select(request.selectors)
        return ShowReport(articles: picked.map { s in
            let v = s.version
            let d = v.document
            let paragraphs = v.paragraphs
            var blockList: [ShowReport.Block]?
            if request.blocks {
                // In document order: each dropped block before the kept paragraph it preceded.
                var list: [ShowReport.Block] = []
                var pending = d.dropped.filter { $0.position != nil }
                for (k, p) in paragraphs.enumerated() {
                    list += pending.filter { $0.position! <= k }.map { ShowReport.Block(kept: false, reason: $0.reason, text: $0.text) }
                    pending.removeAll { $0.position! <= k }
                    list.append(ShowReport.Block(kept: true, reason: nil, text: p))
                }
                list += (pending + d.dropped.filter { $0.position == nil }).map { ShowReport.Block(kept: false, reason: $0.reason, text: $0.text) }
                blockList = list
            }
            return ShowReport.Shown(id: s.article.id, name: s.article.name, version: v.number, versions: s.article.versions.count,
                                    path: d.path, format: d.format.rawValue, metadata: v.metadata, words: v.wordCount,
                                    sentences: v.text.sentences.count, paragraphs: paragraphs, tags: s.article.tags, blocks: blockList)
        }, metadataOnly: request.metadataOnly)
    }
}
