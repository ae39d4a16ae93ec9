import Foundation
import LedeArchive
import LedeShell

/// The archive opener on damaged files: a real archive (the samples loaded, tagged and indexed) is made once; each
/// input overwrites parts of a copy of it — groups of [offset: 3 bytes, big-endian, modulo the file size][length:
/// 1 byte][bytes] — and the copy is opened as `archive FILE` opens it: the header and schema checks, the summary,
/// every article read back, a search. Errors are expected answers; a crash, a hang or a sanitizer report is not.
final class ArchiveTarget: FuzzTarget {
    private let folder = NSTemporaryDirectory() + "lede-fuzz-archive-\(getpid())"
    private let template: Data

    init() {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/samples").path
        let made = folder + "/template.lede"
        let shell = Shell(terminal: Terminal(stdinIsTTY: false, stdoutIsTTY: false, environment: ["PAGER": "", "NO_COLOR": "1"]))
        shell.writeOut = { _ in }
        shell.writeErr = { _ in }
        for line in ["archive \(made)", "load \(samples)", "tag all", "search harbour", "archive --close"] { shell.run(line) }
        template = FileManager.default.contents(atPath: made) ?? Data()
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !template.isEmpty else { return }
        var file = template
        var i = 0
        while i + 4 <= bytes.count {
            let offset = (Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])) % file.count
            let length = min(Int(bytes[i + 3]), bytes.count - i - 4, file.count - offset)
            file.replaceSubrange(offset..<(offset + length), with: bytes[(i + 4)..<(i + 4 + length)])
            i += 4 + length
        }
        let path = folder + "/input.lede"
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        guard FileManager.default.createFile(atPath: path, contents: file) else { return }
        var options = Archive.Options()
        options.create = false
        options.busyTimeout = .milliseconds(10)
        guard let archive = try? Archive(path: path, options: options) else { return }
        _ = try? archive.summary()
        _ = try? archive.readArticles()
        _ = try? archive.models()
        _ = try? archive.feeds()
        archive.close()
        // Searched read-only: indexing new texts into a damaged FTS5 index can loop inside SQLite 3.40's FTS5
        // savepoint code (docs/faults.md, "Fuzzing"), which no check of lede's can stop.
        options.readOnly = true
        guard let reader = try? Archive(path: path, options: options) else { return }
        _ = try? reader.search("harbour OR talks", limit: 5)
        reader.close()
    }
}
