import Foundation
import Testing
import LedeArticles
import LedeText
@testable import LedeSession

/// A load tokenised against the workspace's vocabulary is added as it is; one tokenised elsewhere (or not at
/// all) is tokenised again here, so no text ever holds ids of another vocabulary.
@Suite struct LoadReportTests {
    func folderWithTwoArticles() throws -> String {
        let dir = NSTemporaryDirectory() + "lede-session-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(String(repeating: "The harbour plan was approved by the council on Thursday. ", count: 3).utf8)
            .write(to: URL(fileURLWithPath: dir + "/a.txt"))
        try Data(String(repeating: "Fishermen said the new quay would change their working days. ", count: 3).utf8)
            .write(to: URL(fileURLWithPath: dir + "/b.txt"))
        return dir
    }

    func forms(_ ws: Workspace) -> [[String]] {
        ws.articles.map { a in a.latest.text.allTokens().map { ws.vocabulary.form($0.id) } }
    }

    @Test func reportsFromAnyVocabularyGiveTheSameArticles() throws {
        let dir = try folderWithTwoArticles()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let own = Workspace()
        _ = try own.add(try ArticleLoader().load(paths: [dir], vocabulary: own.vocabulary))
        let other = Workspace(), foreign = Vocabulary()
        for form in ["zebra", "quay", "the"] { _ = foreign.intern(form) }       // ids unlike the workspace's
        let foreignReport = try ArticleLoader().load(paths: [dir], vocabulary: foreign)
        #expect(foreignReport.texts.count == 2)
        _ = other.vocabulary.intern("harbour")
        _ = try other.add(foreignReport)
        let plain = Workspace()
        _ = try plain.add(try ArticleLoader().load(paths: [dir]))
        #expect(own.articles.count == 2)
        #expect(forms(own).first?.prefix(3) == ["the", "harbour", "plan"])
        #expect(forms(other) == forms(own))
        #expect(forms(plain) == forms(own))
    }
}
