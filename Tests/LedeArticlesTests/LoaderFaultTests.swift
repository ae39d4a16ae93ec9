import Foundation
import Testing
@testable import LedeArticles
#if canImport(Glibc)
import Glibc
#endif

/// Files that used to be refused or lost whole (issue 17, loader bugs): UTF-16 and UTF-32 text, file names that are
/// not UTF-8, one bad line in a JSONL file, numbers beyond a Double, files larger than memory allows, gzip bombs.
@Suite final class LoaderFaultTests {
    let dir: String = {
        let d = NSTemporaryDirectory() + "lede-faults-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    static let article = """
        Harbour fire burns through the night

        The fire at the harbour burned for hours near the docks, and the council met on Tuesday to discuss the damage and the cost of repairs.

        Firefighters said the blaze started in a warehouse and spread to two ships before it was brought under control early in the morning.

        """

    func write(_ bytes: [UInt8], _ name: String) -> String {
        let path = dir + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func load(_ paths: [String], options: LoadOptions = LoadOptions()) throws -> LoadedFiles {
        try ArticleLoader(options: options).load(paths: paths)
    }

    @Test(arguments: ["utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-16be", "utf-32le-bom", "utf-32be-bom"])
    func wideUnicodeFilesLoadAsText(encoding: String) throws {
        let text = Self.article.replacingOccurrences(of: "in the morning.", with: "in the morning. Café owners in Zürich said “thank you” 🙂.")
        var bytes: [UInt8] = []
        let bom = encoding.hasSuffix("-bom")
        switch encoding.replacingOccurrences(of: "-bom", with: "") {
        case "utf-16le": bytes = (bom ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf-16be": bytes = (bom ? [0xFE, 0xFF] : []) + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "utf-32le": bytes = [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        default: bytes = [0, 0, 0xFE, 0xFF] + text.unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        }
        let report = try load([write(bytes, "wide.txt")])
        #expect(report.problems.filter { $0.severity == .error }.isEmpty, "\(report.problems)")
        let doc = try #require(report.documents.first)
        #expect(doc.metadata.title == "Harbour fire burns through the night")
        #expect(doc.body.contains("brought under control early in the morning"))
        #expect(doc.body.contains("Café owners in Zürich said “thank you” 🙂."))
    }

    @Test func aUTF16PageDeclaringUTF16ReadsAsItsText() throws {
        let page = "<html><head><meta charset=\"utf-16\"><title>Harbour fire</title></head><body><article><p>"
            + String(repeating: "The fire at the harbour burned for hours near the docks, and the council met on Tuesday. ", count: 4)
            + "</p></article></body></html>"
        let report = try load([write([0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "page.html")])
        let doc = try #require(report.documents.first, "\(report.problems)")
        #expect(doc.metadata.title == "Harbour fire")
        #expect(doc.body.hasPrefix("The fire at the harbour"))
    }

    @Test func sixteenBitBinaryDataIsStillBinary() throws {
        // Little-endian 16-bit samples below 256: zero in every odd byte, control bytes in the even ones.
        let samples = (0..<4000).flatMap { [UInt8($0 % 31), 0] as [UInt8] }
        let report = try load([write(samples, "samples.txt")])
        #expect(report.documents.isEmpty)
        #expect(report.problems.first?.message.contains("binary") == true, "\(report.problems)")
    }

    @Test func fileNamesThatAreNotUTF8Load() throws {
        // "café.txt" in Latin-1: the é is the single byte 0xE9.
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let folder = dir + "/latin1"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cPath -> String in
                let fd = open(cPath.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                _ = Array(Self.article.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                close(fd)
                return RawPath.decode(cPath.baseAddress!)
            }
        }
        #expect(RawPath.hasEscapes(path))
        let targets: [String] = [folder, folder + "/caf*.txt", path]
        for target in targets {
            let report = try load([target])
            #expect(report.problems.isEmpty, "\(target.debugDescription): \(report.problems)")
            #expect(report.documents.count == 1)
            #expect(report.documents.first?.path == path)
        }
    }

    @Test func rawPathsRoundTripEveryByte() {
        var samples: [[UInt8]] = [Array("plain.txt".utf8), [0xE9], [0xFF, 0xFE, 0x80], Array("ok".utf8) + [0xC3] + Array("x".utf8),
                                  [0xED, 0xA0, 0x80], [0xF4, 0x8F, 0xBA, 0x80], [0xF4, 0x90, 0x80, 0x80], Array("日本語".utf8)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 { samples.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in UInt8.random(in: 1...255, using: &generator) }) }
        for bytes in samples {
            let name = (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { RawPath.decode($0.baseAddress!) } }
            let back = RawPath.withCString(name) { Array(UnsafeBufferPointer(start: $0, count: strlen($0))).map { UInt8(bitPattern: $0) } }
            #expect(back == bytes, "\(bytes)")
            if let valid = String(validating: bytes, as: UTF8.self), !bytes.contains(0xF4) { #expect(name == valid) }
        }
    }

    @Test func aBadLineInJSONLIsReportedAndTheOthersLoad() throws {
        let good = { (n: Int) in "{\"title\": \"Story \(n)\", \"text\": \"The council met on Tuesday to discuss story number \(n) at length.\"}" }
        for (name, text) in [("lines.jsonl", [good(1), "{\"title\": \"broken", good(3)].joined(separator: "\n")),
                             ("lines.json", [good(1), good(2), "not json at all", good(4)].joined(separator: "\r\n"))] {
            let report = try load([write(Array(text.utf8), name)])
            #expect(report.documents.count == (name == "lines.jsonl" ? 2 : 3), "\(name): \(report.problems)")
            let warnings = report.problems.filter { $0.severity == .warning }.map(\.message)
            #expect(warnings.count == 1 && warnings[0].hasPrefix("malformed JSON on line \(name == "lines.jsonl" ? 2 : 3):") && warnings[0].hasSuffix("; skipped"), "\(warnings)")
        }
        // Every line bad: refused with the first.
        let report = try load([write(Array("{bad\n{worse\n".utf8), "bad.jsonl")])
        #expect(report.documents.isEmpty)
        #expect(report.problems.map(\.message) == ["malformed JSON on line 1: syntax error at line 1, column 2"] || report.problems.first?.message.hasPrefix("malformed JSON on line 1") == true, "\(report.problems)")
    }

    @Test func manyBadLinesAreCountedNotListed() throws {
        let lines = ["{\"text\": \"The council met on Tuesday to discuss the harbour at length.\"}"] + (0..<20).map { "{bad \($0)" }
        let report = try load([write(Array(lines.joined(separator: "\n").utf8), "many.jsonl")])
        #expect(report.documents.count == 1)
        let warnings = report.problems.map(\.message)
        #expect(warnings.count == 6 && warnings.last == "15 more malformed lines skipped", "\(warnings)")
    }

    @Test(arguments: ["1e400", "-1e400", "1E+999", "[1e999, 2]", "{\"x\": 5e1000}"])
    func numbersBeyondADoubleKeepTheRecord(number: String) throws {
        let record = "{\"title\": \"Big numbers\", \"text\": \"The budget grew to an amount nobody could write down.\", \"n\": \(number), \"source\": 1e500, \"note\": \"1e400 in a string stays\"}"
        for name in ["n.json", "n.jsonl"] {
            let report = try load([write(Array(record.utf8), name)])
            let doc = try #require(report.documents.first, "\(name) \(number): \(report.problems)")
            #expect(doc.metadata.source == "1e500")
            #expect(doc.metadata.title == "Big numbers")
        }
    }

    @Test func numberQuotingLeavesStringsAlone() throws {
        let json = #"{"a": "x\"1e400", "b": [1e400, -2E+500, 3], "c": 1.5e10}"#
        let quoted = try #require(JSONNumberQuoter.quotingHugeNumbers(Data(json.utf8)))
        #expect(String(decoding: quoted, as: UTF8.self) == #"{"a": "x\"1e400", "b": ["1e400", "-2E+500", 3], "c": 1.5e10}"#)
        #expect(JSONNumberQuoter.quotingHugeNumbers(Data(#"{"a": 1e300}"#.utf8)) == nil)
    }

    @Test func aFileLargerThanMemoryAllowsIsRefusedWithOneLine() throws {
        let size = MemoryBudget.largeFile + 1000
        let line = Array("The council met on Tuesday to discuss the harbour. ".utf8)
        let path = write((0..<(size / line.count + 1)).flatMap { _ in line }, "big.txt")
        var options = LoadOptions()
        options.maxFileSize = 1 << 30
        options.memory = MemoryBudget(available: 64 << 20)
        let report = try load([path], options: options)
        #expect(report.documents.isEmpty)
        let message = try #require(report.problems.first?.message)
        #expect(report.problems.count == 1 && message.hasPrefix("file is 16.0 MB; loading it needs about 128.0 MB of memory and 64.0 MB is available; skipped"), "\(message)")
        #expect(MemoryBudget(available: 64 << 20).refusal(forFileOf: 100) == nil, "small files are never refused")
        #expect(MemoryBudget(available: 1 << 30).refusal(forFileOf: size) == nil)
    }

    @Test func aGzipBombStopsAtTheLimitWhileDecompressing() throws {
        // 256 MB of one letter, about 250 KB compressed.
        let path = dir + "/bomb.txt.gz"
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/bin/sh")
        make.arguments = ["-c", "head -c 268435456 /dev/zero | tr '\\0' a | gzip -c > \"$0\"", path]
        try make.run(); make.waitUntilExit()
        guard make.terminationStatus == 0 else { Issue.record("could not make the gzip file"); return }
        // Decompression itself stops a block past the limit.
        let unpacked = try #require(Gzip.decompress(path: path, limit: 8 << 20))
        #expect(unpacked.count <= (8 << 20) + (1 << 17), "\(unpacked.count)")
        var options = LoadOptions()
        let sizeReport = try load([path], options: options)
        #expect(sizeReport.problems.map(\.message) == ["decompressed size is over --max-size 64.0 MB; skipped"])
        options.maxFileSize = 1 << 30
        options.memory = MemoryBudget(available: 256 << 20)
        let memoryReport = try load([path], options: options)
        #expect(memoryReport.problems.map(\.message) == ["decompressed size is over 32.0 MB, the most the memory available allows (loading takes up to 8× a file's size); skipped"])
    }

    @Test func validUTF8IsRecognisedWithoutACopy() {
        let cases: [([UInt8], Bool)] = [
            (Array("plain ascii text, long enough for words".utf8), true), (Array("Zürich “quotes” 🙂 日本".utf8), true),
            ([0xC0, 0x80], false), ([0xE0, 0x80, 0x80], false), ([0xED, 0xA0, 0x80], false), ([0xF4, 0x90, 0x80, 0x80], false),
            ([0xF0, 0x9F, 0x99], false), ([0x80], false), ([0xFF], false), (Array("abcdefgh".utf8) + [0xE2, 0x82, 0xAC], true),
        ]
        for (bytes, valid) in cases {
            #expect(bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) } == valid, "\(bytes)")
            #expect((String(validating: bytes, as: UTF8.self) != nil) == valid)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) } == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
