import Testing
import Foundation
import LedeArticles
@testable import LedeSession

@Suite struct VersionMergeTests {
    func doc(_ body: String, published: String?) -> ParsedDocument {
        // Distinct paths: loading the same file again would make a new version by itself.
        ParsedDocument(path: "/tmp/\(body.hashValue).txt", format: .text, metadata: ArticleMetadata(title: "t", published: published), paragraphs: [body])
    }

    @Test func mergesArticlesIntoVersionsOrderedByDate() {
        let ws = Workspace()
        ws.add(doc("Third version of the story.", published: "2024-05-03"), name: "late")
        ws.add(doc("Unrelated article.", published: nil))
        ws.add(doc("First version of the story.", published: "2024-05-01"))
        let merged = ws.mergeAsVersions(["a1", "a3"], name: "story")
        #expect(merged?.id == "a1" && merged?.name == "story")
        #expect(merged?.versions.map(\.number) == [1, 2])
        #expect(merged?.versions.map(\.metadata.published) == ["2024-05-01", "2024-05-03"])
        #expect(ws.articles.map(\.id) == ["a1", "a2"])
        #expect(ws.article(named: "story")?.versions.count == 2)
    }

    @Test func fewerThanTwoArticlesMergeNothing() {
        let ws = Workspace()
        ws.add(doc("Only one.", published: nil))
        #expect(ws.mergeAsVersions(["a1"]) == nil)
        #expect(ws.mergeAsVersions(["a9", "a8"]) == nil)
        #expect(ws.articles.count == 1)
    }
}
