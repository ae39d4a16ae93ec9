import Foundation
import Testing
@testable import LedeArticles

/// Pages and folders built to hurt: deep nesting, huge tags, long runs of short lines, FIFOs, link loops. Each
/// must load (or be refused with one line) in linear work; the sizes are ones that took minutes while the
/// work was quadratic.
@Suite struct HostileInputTests {
    @Test func deeplyNestedBlocksExtractInLinearWork() throws {
        let n = 40_000
        var page = "<html><body>"
        for i in 0..<n { page += "<div class=\"c\(i % 7)\"><p>Paragraph \(i) has a few words in it for the reader.</p>" }
        page += String(repeating: "</div>", count: n) + "</body></html>"
        let doc = try HTMLArticleParser.parse(Data(page.utf8), path: "deep.html")
        #expect(doc.paragraphs.contains("Paragraph 0 has a few words in it for the reader."))
    }

    @Test func deeplyNestedFurnitureAndListsFinish() throws {
        let n = 20_000
        let asides = "<html><body><article><p>" + String(repeating: "An article sentence with enough words to count as prose for the reader. ", count: 5)
            + "</p></article>" + String(repeating: "<aside><p>Aside text</p>", count: n) + String(repeating: "</aside>", count: n) + "</body></html>"
        let doc = try HTMLArticleParser.parse(Data(asides.utf8), path: "asides.html")
        #expect(doc.paragraphs.count == 1)
        #expect(doc.dropped.contains { $0.text == "Aside text" })
        let lists = "<html><body>" + String(repeating: "<ul><li>item text", count: n) + String(repeating: "</li></ul>", count: n) + "</body></html>"
        _ = try? HTMLArticleParser.parse(Data(lists.utf8), path: "lists.html")
    }

    @Test func aTagWithAMillionAttributesKeepsItsText() throws {
        var page = "<html><body><p"
        for i in 0..<1_000_000 { page += " a\(i)=\"x\"" }
        page += ">Hello, this is the text of the page that the reader came for.</p></body></html>"
        let doc = try HTMLArticleParser.parse(Data(page.utf8), path: "attrs.html")
        #expect(doc.paragraphs == ["Hello, this is the text of the page that the reader came for."])
    }

    @Test func attributeLimitCutsAfterTheLimitOnly() {
        func cut(_ attributes: String) -> String? {
            let bytes = Array(attributes.utf8)
            return bytes.withUnsafeBufferPointer { b in
                RawTextElider.attributeLimit(b, from: 0, to: b.count).map { String(decoding: b[..<$0], as: UTF8.self) }
            }
        }
        let few = (0..<RawTextElider.maxAttributes).map { " a\($0)='v w' b\($0)=x" }.joined()
        #expect(cut(String(few.prefix(2_000))) == nil)
        let many = (0..<(RawTextElider.maxAttributes + 3)).map { " a\($0)=\"x > y\"" }.joined()
        let kept = try! #require(cut(many))
        #expect(kept.hasSuffix("a\(RawTextElider.maxAttributes - 1)=\"x > y\" "))
        #expect(!kept.contains("a\(RawTextElider.maxAttributes)="))
    }

    @Test func neighbourClassesMatchAScanOverTheBlocks() {
        var generator = SystemRandomNumberGenerator()
        let all: [BlockClass] = [.good, .nearGood, .short, .bad]
        for _ in 0..<300 {
            let classes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in all.randomElement(using: &generator)! }
            let near = NeighbourClasses(classes)
            func scan(_ i: Int, _ step: Int, strict: Bool) -> BlockClass {
                var j = i + step
                while j >= 0 && j < classes.count {
                    if classes[j] == .good || classes[j] == .bad || (!strict && classes[j] == .nearGood) { return classes[j] }
                    j += step
                }
                return .bad
            }
            for i in classes.indices {
                #expect(near.previous[i] == scan(i, -1, strict: true) && near.next[i] == scan(i, 1, strict: true))
                #expect(near.previousAny[i] == scan(i, -1, strict: false) && near.nextAny[i] == scan(i, 1, strict: false))
            }
        }
    }

    @Test func twoHundredThousandShortLinesAreJudgedInOnePass() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = (0..<200_000).map { "short line \($0)" }.joined(separator: "\n")
        try write("A title line here\n" + lines, to: dir + "/lines.txt")
        let report = try ArticleLoader().load(paths: [dir + "/lines.txt"])
        #expect(report.documents.isEmpty && report.problems.count == 1, "a page of navigation-like lines has no body")
    }

    @Test func fifosAndDevicesAreNotRead() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("Harbour fire\n\n" + String(repeating: "A fire at the harbour killed twelve people on Saturday, the fire chief said. ", count: 4), to: dir + "/story.txt")
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        #expect(symlink("/dev/zero", dir + "/zero") == 0)
        let report = try ArticleLoader().load(paths: [dir])
        #expect(report.documents.count == 1)
        #expect(report.problems.map(\.description).sorted() == [
            "\(dir)/pipe: is a FIFO, not a regular file; skipped", "\(dir)/zero: is a device, not a regular file; skipped"])
        let named = try ArticleLoader().load(paths: [dir + "/pipe"])
        #expect(named.documents.isEmpty && named.problems.map(\.description) == ["\(dir)/pipe: cannot read file (is a FIFO, not a regular file)"])
    }

    @Test func symlinkLoopsLoadEachFileOnce() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
        try write("Harbour fire\n\n" + String(repeating: "A fire at the harbour killed twelve people on Saturday, the fire chief said. ", count: 4), to: dir + "/a/story.txt")
        #expect(symlink(".", dir + "/a/self") == 0)
        #expect(symlink("../b", dir + "/a/to-b") == 0)
        #expect(symlink("../a", dir + "/b/to-a") == 0)
        let report = try ArticleLoader().load(paths: [dir])
        #expect(report.documents.count == 1, "one file, however many links lead to it")
        #expect(report.problems.allSatisfy { $0.severity == .warning && $0.message.contains("symlink loop") })
    }
}
