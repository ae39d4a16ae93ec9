import Foundation
import Testing
@testable import LedeArticles
import LedeText

/// The byte-level load path: file reading, block splitting, header pre-checks and the body held once.
@Suite struct LoadInternalsTests {
    @Test func documentKeepsTheBodyOnceAndDerivesParagraphs() {
        var doc = ParsedDocument(path: "p.txt", format: .text, metadata: ArticleMetadata(), paragraphs: ["First one.", "Zweite – café."])
        #expect(doc.body == "First one.\n\nZweite – café.")
        #expect(doc.bodyUTF8 == Array(doc.body.utf8))
        #expect(doc.paragraphs == ["First one.", "Zweite – café."])
        #expect(doc.paragraphRanges == [0..<10, 12..<(12 + "Zweite – café.".utf8.count)])
        doc.paragraphs = ["Only"]
        #expect(doc.body == "Only" && doc.paragraphRanges == [0..<4])
        doc.paragraphs = []
        #expect(doc.body.isEmpty && doc.paragraphs.isEmpty)
    }

    @Test func blocksFoldSpacesAndJoinHardWrappedProse() {
        let wrapped = String(repeating: "word ", count: 12) + "and more"        // ≥ 50 bytes, no full stop
        let text = "Menu\u{00A0}\u{00A0}Home\t|  News \r\n\n\(wrapped)\n\(wrapped)\nend of it.\n\nShort line.\nAnother short line.\n"
        let blocks = TextDumpParser.splitBlocks(text)
        #expect(blocks == ["Menu Home | News", "\(wrapped) \(wrapped) end of it.", "Short line.", "Another short line."])
        // A line ending a sentence is not joined to the next one, however long it is.
        let sentence = String(repeating: "word ", count: 12) + "ends here."
        #expect(TextDumpParser.splitBlocks("\(sentence)\n\(sentence)") == [sentence, sentence])
        #expect(TextDumpParser.splitBlocks("  \n \t\n").isEmpty)
    }

    /// Folding against a plain reference on random short lines (each line its own block): runs of spaces,
    /// tabs, CR and no-break spaces become one space, and lines are trimmed — whichever path the bytes take.
    @Test func foldingMatchesAPlainReferenceOnRandomLines() {
        let pieces = ["a", "bc", "D.", " ", "  ", "\t", "\r", "é", "\u{00A0}", "\u{3000}", "—", "\n", "x y", "1,2"]
        var generator = SplitMix64(seed: 0x9E3779B97F4A7C15)
        func next(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }
        // Scalars, not Characters: "\r\n" is one Character in Swift.
        func isFoldable(_ c: Unicode.Scalar) -> Bool { [" ", "\t", "\r", "\u{00A0}", "\u{3000}"].contains(c) }
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<next(30) { text += pieces[next(pieces.count)] }
            var expected: [String] = []
            for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
                var scalars = String.UnicodeScalarView(), pending = false
                for c in line {
                    if isFoldable(c) { pending = !scalars.isEmpty; continue }
                    if pending { scalars.append(" "); pending = false }
                    scalars.append(c)
                }
                let folded = String(scalars)
                if !folded.isEmpty { expected.append(folded) }
            }
            // Lines under 50 bytes are never joined: the blocks are exactly the folded lines.
            #expect(TextDumpParser.splitBlocks(text) == expected, "\(text.debugDescription)")
        }
    }

    /// The byte tests for ASCII lines give what the Character tests give, on random lines.
    @Test func titleTestOnBytesMatchesTheCharacterTest() {
        let pieces = ["a", "Bc", ".", "...", ",", ";", ":", " ", "1", "!", "?", "'", "x y", "Storm closes", "-"]
        var generator = SplitMix64(seed: 42)
        func next(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }
        for _ in 0..<2000 {
            var line = ""
            for _ in 0..<next(12) { line += pieces[next(pieces.count)] }
            if next(20) == 0 { line += String(repeating: "w", count: 195) }
            var copy = line
            #expect(copy.withUTF8 { TextDumpParser.isTitleLikeASCII($0) } == TextDumpParser.isTitleLikeByCharacters(line), "\(line.debugDescription)")
        }
        #expect(TextDumpParser.characterCount("Café") == 4 && TextDumpParser.characterCount("Cafe") == 4)
    }

    @Test func headerPrecheckAndTrimmingMatchFoundation() {
        #expect(HeaderLine.mayBeHeader("By Jane Doe"))
        #expect(HeaderLine.mayBeHeader("Source: Xinhua"))
        #expect(HeaderLine.mayBeHeader("31 March 2022"))
        #expect(!HeaderLine.mayBeHeader("Chinese FM holds talks with Russian counterpart"))
        for s in ["  a b  ", "\t\u{00A0}x\u{2003}", "\u{3000}", "", "plain", " \u{301}é "] {
            #expect(HeaderLine.trimmingWhitespace(Substring(s)) == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
        }
    }

    @Test func fileBytesReadsWholeFilesAndNamesProblems() throws {
        let dir = NSTemporaryDirectory() + "lede-filebytes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let content = Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0) })
        try content.write(to: URL(fileURLWithPath: dir + "/f.bin"))
        guard case .success(let data) = FileBytes.read(dir + "/f.bin", limit: 1 << 20) else { Issue.record("read failed"); return }
        #expect(data == content)
        guard case .failure(.tooLarge(let size)) = FileBytes.read(dir + "/f.bin", limit: 1000) else { Issue.record("limit not applied"); return }
        #expect(size == 70_000)
        guard case .failure(.unreadable(let why)) = FileBytes.read(dir + "/missing.txt", limit: 1000) else { Issue.record("missing file read"); return }
        #expect(why.contains("No such file"))
        guard case .failure(.unreadable(let folder)) = FileBytes.read(dir, limit: 1000) else { Issue.record("folder read"); return }
        #expect(folder == "is a folder, not a regular file")
        // Files whose size the kernel reports as 0 are read to their end.
        if FileManager.default.fileExists(atPath: "/proc/self/status"), case .success(let status) = FileBytes.read("/proc/self/status", limit: 1 << 20) {
            #expect(String(decoding: status, as: UTF8.self).contains("VmRSS"))
        }
    }

    @Test func textSpanEncodesAsRangesAndRejectsBadBounds() throws {
        let span = TextSpan(tokens: 3..<9, bytes: 10..<52)
        let json = String(decoding: try JSONEncoder().encode(span), as: UTF8.self)
        #expect(json.contains("\"tokens\":[3,9]") && json.contains("\"bytes\":[10,52]"))
        #expect(try JSONDecoder().decode(TextSpan.self, from: Data(json.utf8)) == span)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TextSpan.self, from: Data(#"{"tokens":[-1,2],"bytes":[0,1]}"#.utf8)) }
        var changed = span
        changed.tokens = 4..<5
        #expect(changed.tokens == 4..<5 && changed.bytes == 10..<52)
    }
}
