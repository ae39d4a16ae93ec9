import Foundation
import LedeText
import Testing
@testable import LedeArticles

/// `LoadOptions.beforeParsing` sees each file's bytes on the worker that read them, and can leave a file
/// unparsed (how an archive skips a file whose bytes it already holds).
@Suite struct BeforeParsingTests {
    @Test func aFileTheHookDeclinesIsReadButNotParsed() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let body = String(repeating: "The council approved the harbour plan after a long debate on Thursday. ", count: 3)
        try write("Kept story\n\n" + body, to: dir + "/keep.txt")
        try write("Skipped story\n\n" + body, to: dir + "/skip.txt")
        let seen = Locked<[String: Int]>([:])
        let places = Locked<[String: Int]>([:])
        var options = LoadOptions()
        options.beforeParsing = { place, path, bytes in
            seen.withLock { $0[(path as NSString).lastPathComponent] = bytes.count }
            places.withLock { $0[(path as NSString).lastPathComponent] = place }
            return !path.hasSuffix("skip.txt")
        }
        let report = try ArticleLoader(options: options).load(paths: [dir])
        #expect(report.documents.map { ($0.path as NSString).lastPathComponent } == ["keep.txt"])
        #expect(report.files == 2 && report.problems.isEmpty)
        #expect(seen.withLock { $0 } == ["keep.txt": ("Kept story\n\n" + body).utf8.count, "skip.txt": ("Skipped story\n\n" + body).utf8.count])
        #expect(!ArticleLoader.parserVersion.isEmpty)
        // Each file's place is its index in the order the load lists them (a folder's files by name).
        #expect(places.withLock { $0 } == ["keep.txt": 0, "skip.txt": 1])
    }
}
