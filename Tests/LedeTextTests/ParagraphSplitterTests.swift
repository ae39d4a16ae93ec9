import Testing
@testable import LedeText

/// The paragraph rule written plainly, for texts that have a blank line: lines (a blank one holds only spaces,
/// tabs and CRs) grouped between blank lines — a first line is never a separator, as no newline comes before
/// it — then trimmed of spaces; groups without tokens are dropped.
private func referenceParagraphs(_ bytes: [UInt8], _ tokens: [Token]) -> [TextSpan] {
    func isBlankByte(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
    func isSpace(_ c: UInt8) -> Bool { isBlankByte(c) || c == 0x0A || c == 0x0C }
    var lines: [Range<Int>] = []
    var start = 0
    for (i, c) in bytes.enumerated() where c == 0x0A { lines.append(start..<i); start = i + 1 }
    lines.append(start..<bytes.count)
    var groups: [Range<Int>] = []
    var groupStart: Int? = nil, groupEnd = 0
    for (k, line) in lines.enumerated() {
        if k > 0 && line.allSatisfy({ isBlankByte(bytes[$0]) }) {
            if let s = groupStart { groups.append(s..<groupEnd); groupStart = nil }
        } else {
            if groupStart == nil { groupStart = line.lowerBound }
            groupEnd = line.upperBound
        }
    }
    if let s = groupStart { groups.append(s..<groupEnd) }
    return groups.compactMap { r -> TextSpan? in
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        let inside = tokens.indices.filter { Int(tokens[$0].start) >= lo && Int(tokens[$0].end) <= hi }
        guard let first = inside.first, let last = inside.last else { return nil }
        return TextSpan(tokens: first..<(last + 1), bytes: lo..<hi)
    }
}

@Suite struct ParagraphSplitterTests {
    @Test func blankLinesSeparateParagraphs() {
        let source = "First para line one\nline two.\n\n  \n Second para. \n\n\nThird\n"
        let bytes = Array(source.utf8)
        let tokens = Tokenizer().tokenize(source, vocabulary: Vocabulary()).allTokens()
        let spans = ParagraphSplitter.split(utf8: bytes, tokens: tokens)
        #expect(spans.map { String(decoding: bytes[$0.bytes], as: UTF8.self) } == ["First para line one\nline two.", "Second para.", "Third"])
        // Without any blank line, every line is a paragraph.
        let lines = Array("One line.\nTwo line.\n   \tThree line.".utf8)
        let lineTokens = Tokenizer().tokenize(String(decoding: lines, as: UTF8.self), vocabulary: Vocabulary()).allTokens()
        #expect(ParagraphSplitter.split(utf8: lines, tokens: lineTokens).map { String(decoding: lines[$0.bytes], as: UTF8.self) }
                    == ["One line.", "Two line.", "Three line."])
    }

    @Test func randomTextsSplitAsAPlainReadingOfTheRuleSays() {
        var random = SplitMix64(seed: 21)
        let pieces = ["word", "Other", " ", "  ", "\n", "\n\n", "\n \n", "\t", "\r\n", ", ", ". ", "--", "\u{0C}"]
        let vocabulary = Vocabulary()
        for _ in 0..<300 {
            var source = ""
            for _ in 0..<random.below(40) { source += pieces[random.below(pieces.count)] }
            let bytes = Array(source.utf8)
            let tokens = Tokenizer().tokenize(source, vocabulary: vocabulary).allTokens()
            let hasBlank = source.contains("\n\n") || source.contains("\n \n") || source.contains("\n\t\n") || source.contains("\n\r\n")
            guard hasBlank else { continue }    // the reference covers texts with a blank line
            #expect(ParagraphSplitter.split(utf8: bytes, tokens: tokens) == referenceParagraphs(bytes, tokens), "\(source.debugDescription)")
        }
    }
}
