import Foundation
import LedeArchive
import LedeArticles

/// A temporary folder removed by the test that made it.
func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "lede-archive-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func fileBytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
}

func document(_ path: String, title: String?, paragraphs: [String], url: String? = nil, published: String? = nil,
              format: ArticleFormat = .text, recordKey: String? = nil) -> ParsedDocument {
    ParsedDocument(path: path, format: format, metadata: ArticleMetadata(title: title, published: published, url: url),
                   paragraphs: paragraphs, recordKey: recordKey)
}

/// The helper executable built next to the test bundle (lede-archive-tool), the child the fault tests kill.
enum Tool {
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = (exe as NSString).deletingLastPathComponent
        while !FileManager.default.isExecutableFile(atPath: dir + "/lede-archive-tool"), dir.count > 1 {
            dir = (dir as NSString).deletingLastPathComponent
        }
        return dir + "/lede-archive-tool"
    }()

    /// The generated article `lede-archive-tool write` stores as document `k` of batch `b` (its title and first
    /// paragraph's opening are enough to recognise it).
    static func title(batch b: Int, index k: Int) -> String { "Report \(b)-\(k)" }
}

/// Runs a process to its end, collecting its output.
func runProcess(_ path: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    final class Box: @unchecked Sendable { var data = Data() }
    let box = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { box.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: box.data, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
