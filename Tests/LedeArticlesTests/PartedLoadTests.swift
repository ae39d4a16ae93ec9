import Foundation
import LedeText
import Testing
@testable import LedeArticles

/// `ArticleLoader.load(paths:vocabulary:partSize:progress:each:)` hands a load on a part at a time (what an archive
/// stores while the next part parses): the same documents, texts and problems as one load, in order; a part
/// refused or an error ends it without parsing the rest.
@Suite struct PartedLoadTests {
    /// Twelve text files and one that is not an article, in a folder.
    private func corpus() throws -> String {
        let dir = try temporaryFolder()
        for i in 0..<12 {
            let body = String(repeating: "Story \(i) says the council met on Thursday about the harbour. ", count: 4)
            try write("Headline number \(i)\n\n\(body)", to: dir + "/story\(String(format: "%02d", i)).txt")
        }
        try write("{ not json", to: dir + "/broken.json")
        return dir
    }

    @Test func partsInOrderAddUpToOneLoad() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = try ArticleLoader().load(paths: [dir], vocabulary: Vocabulary())
        for size in [1, 5, 13, 100] {
            var paths: [String] = []
            var words: [Int] = []
            var sizes: [Int] = []
            let totals = try ArticleLoader().load(paths: [dir], vocabulary: Vocabulary(), partSize: size) { part in
                #expect(part.texts.count == part.documents.count)
                #expect(part.problems.isEmpty, "problems come with the totals")
                paths += part.documents.map(\.path)
                words += part.texts.map(\.tokenCount)
                sizes.append(part.files)
                return true
            }
            #expect(paths == whole.documents.map(\.path), "part size \(size)")
            #expect(words == whole.texts.map(\.tokenCount))
            #expect(sizes.allSatisfy { $0 <= size } && sizes.reduce(0, +) == 13)
            #expect(totals.files == whole.files && totals.bytes == whole.bytes)
            #expect(totals.problems.map(\.path) == whole.problems.map(\.path) && totals.problems.count == 1)
            #expect(totals.documents.isEmpty)
        }
    }

    @Test func aRefusedPartEndsTheLoadAndTheRestIsNotParsed() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let parsed = Locked(0)
        var options = LoadOptions()
        options.afterParsing = { _, _ in parsed.withLock { $0 += 1 } }
        var parts = 0
        let totals = try ArticleLoader(options: options).load(paths: [dir], partSize: 2) { _ in
            parts += 1
            return false
        }
        #expect(parts == 1)
        // The parser runs at most one part ahead: the first part, and perhaps the one after it.
        #expect(totals.files <= 4 && parsed.withLock { $0 } <= 4, "\(totals.files) files, \(parsed.withLock { $0 }) parsed")
    }

    @Test func anErrorFromAPartEndsTheLoadAndReachesTheCaller() throws {
        struct Full: Error {}
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var parts = 0
        #expect(throws: Full.self) {
            _ = try ArticleLoader().load(paths: [dir], partSize: 3) { _ in
                parts += 1
                if parts == 2 { throw Full() }
                return true
            }
        }
        #expect(parts == 2)
    }

    @Test func anEmptyLoadHandsOnNoPart() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var parts = 0
        let totals = try ArticleLoader().load(paths: [dir], partSize: 4) { _ in parts += 1; return true }
        #expect(parts == 0 && totals.files == 0)
    }

    /// The hook sees each file's documents with their bodies, even in a load that tokenises (and then releases
    /// the bodies).
    @Test func afterParsingSeesEachFilesDocumentsWithTheirBodies() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seen = Locked<[String: [Int]]>([:])
        var options = LoadOptions()
        options.afterParsing = { path, documents in
            seen.withLock { $0[(path as NSString).lastPathComponent] = documents.map { $0.hasBody ? $0.bodyUTF8.count : -1 } }
        }
        let report = try ArticleLoader(options: options).load(paths: [dir], vocabulary: Vocabulary())
        let lengths = seen.withLock { $0 }
        #expect(lengths.count == 12, "not the broken file: \(lengths.keys.sorted())")
        for (d, t) in zip(report.documents, report.texts) {
            #expect(lengths[(d.path as NSString).lastPathComponent] == [t.byteCount])
        }
    }
}
