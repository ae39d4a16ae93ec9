import Foundation
import Testing
import LedeArticles
@testable import LedeSession

func document(_ body: String, title: String? = nil, source: String? = nil, url: String? = nil, path: String = "/tmp/x.txt") -> ParsedDocument {
    ParsedDocument(path: path, format: .text, metadata: ArticleMetadata(title: title, source: source, url: url),
                   paragraphs: body.components(separatedBy: "\n\n"))
}

@Suite struct SelectorTests {
    func workspace() -> Workspace {
        let w = Workspace()
        w.add(document("Talks began.", source: "Xinhua News Agency"), name: "talks")
        w.add(document("Talks began. Then ended."), name: "talks")
        w.add(document("Talks ended on Friday.", source: "Xinhua News Agency"), name: "talks")
        w.add(document("Fire at harbour.", source: "Reuters"), name: "fire")
        w.add(document("Rates held."))
        w.article(id: "a3")!.tags = ["04000000 economy, business and finance", "economy"]
        return w
    }

    func ids(_ w: Workspace, _ s: [String]) throws -> [String] {
        try w.select(s).map { "\($0.article.id)@\($0.version.number)" }
    }

    @Test func idsNamesAndAll() throws {
        let w = workspace()
        #expect(try ids(w, ["a2"]) == ["a2@1"])
        #expect(try ids(w, ["talks"]) == ["a1@3"])
        #expect(try ids(w, []) == ["a1@3", "a2@1", "a3@1"])
        #expect(try ids(w, ["all"]) == ["a1@3", "a2@1", "a3@1"])
    }

    @Test func versions() throws {
        let w = workspace()
        #expect(try ids(w, ["talks@2"]) == ["a1@2"])
        #expect(try ids(w, ["talks@latest"]) == ["a1@3"])
        #expect(try ids(w, ["talks@first"]) == ["a1@1"])
        #expect(try ids(w, ["talks@-1"]) == ["a1@2"])
        #expect(try ids(w, ["talks@all"]) == ["a1@1", "a1@2", "a1@3"])
        #expect(throws: SelectorError.noVersion("talks@4", 4, available: 3)) { try w.select(["talks@4"]) }
        #expect(throws: SelectorError.badVersion("talks@x")) { try w.select(["talks@x"]) }
    }

    @Test func tagsSourcesAndGlobs() throws {
        let w = workspace()
        #expect(try ids(w, ["tag:economy"]) == ["a3@1"])
        #expect(try ids(w, ["tag:04000000"]) == ["a3@1"])
        #expect(try ids(w, ["source:xinhua"]) == ["a1@3"])
        #expect(try ids(w, ["source:reuters"]) == ["a2@1"])
        // Patterns match the whole source name or tag, any case.
        #expect(try ids(w, ["source:*News*"]) == ["a1@3"])
        #expect(try ids(w, ["source:xin*"]) == ["a1@3"])
        #expect(throws: SelectorError.self) { try w.select(["source:news*"]) }
        #expect(try ids(w, ["tag:eco*"]) == ["a3@1"])
        #expect(try ids(w, ["t*"]) == ["a1@3"])
        #expect(try ids(w, ["a[23]"]) == ["a2@1", "a3@1"])
    }

    @Test func unionWithoutRepeats() throws {
        let w = workspace()
        #expect(try ids(w, ["a1", "talks", "fire", "a1@1"]) == ["a1@3", "a2@1", "a1@1"])
    }

    @Test func errors() {
        let w = workspace()
        #expect(throws: SelectorError.noMatch("nope")) { try w.select(["nope"]) }
        #expect(throws: SelectorError.noMatchHint("tag:sport", "tags: 04000000 economy, business and finance (1), economy (1)")) { try w.select(["tag:sport"]) }
        #expect(throws: SelectorError.noMatchHint("tag:sport", "no article is tagged; run 'tag' first")) { try Workspace.untagged().select(["tag:sport"]) }
        #expect(throws: SelectorError.emptyWorkspace) { try Workspace().select([]) }
        #expect(SelectorError.noMatch("x").description == "no article matches 'x'")
    }

    @Test func sameCanonicalURLMakesAVersion() {
        let w = Workspace()
        w.add(document("First text.", url: "https://news.example/a"))
        let outcome = w.add(document("Second text.", url: "https://news.example/a"))
        guard case .newVersion(let a, let v) = outcome, v.number == 2 else { Issue.record("expected a new version, got \(outcome)"); return }
        #expect(a.id == "a1")
        guard case .unchanged = w.add(document("Second  text.", url: "https://news.example/a")) else {
            Issue.record("whitespace-only change should be unchanged"); return
        }
    }
}

extension Workspace {
    /// Two untagged articles.
    static func untagged() -> Workspace {
        let w = Workspace()
        w.add(document("One text."))
        w.add(document("Another text.", path: "/tmp/y.txt"))
        return w
    }
}
