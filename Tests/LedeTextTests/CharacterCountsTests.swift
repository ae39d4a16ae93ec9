import Testing
@testable import LedeText

/// The byte-at-a-time rules of `CharacterCounts.scan`, written the obvious way.
private func referenceCounts(_ b: [UInt8], after previous: UInt8 = 0) -> CharacterCounts {
    func isAlnum(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    var counts = CharacterCounts()
    for i in b.indices {
        let c = b[i]
        if c & 0xC0 == 0x80 { continue }
        counts.characters += 1
        if [0x20, 0x0A, 0x09, 0x0D].contains(c) { counts.whitespace += 1 }
        if c == 0x22 { counts.straightQuotes += 1 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 {
            if b[i + 2] == 0x9C { counts.openingQuotes += 1 }
            if b[i + 2] == 0x98, !isAlnum(i > 0 ? b[i - 1] : previous) { counts.openingQuotes += 1 }
        }
    }
    return counts
}

@Suite struct CharacterCountsTests {
    @Test func scanMatchesByteByByteRules() {
        var random = SplitMix64(seed: 42)
        // Bytes drawn from the interesting ones (spaces, quotes, “ ‘ ’ pieces, letters, other UTF-8) so the
        // eight-byte words hit every case, at every length and offset.
        let alphabet: [UInt8] = [0x20, 0x0A, 0x09, 0x0D, 0x22, 0x41, 0x61, 0x39, 0x2E, 0xE2, 0x80, 0x9C, 0x98, 0x99, 0xC3, 0xA9, 0xF0, 0x9F, 0x00, 0x7F]
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in alphabet[random.below(alphabet.count)] }
            let previous = alphabet[random.below(alphabet.count)]
            let fast = bytes.withUnsafeBufferPointer { CharacterCounts.scan($0, after: previous) }
            #expect(fast == referenceCounts(bytes, after: previous), "length \(length)")
        }
        let sentence = "He said “yes” and ‘no’ in the ’90s, \"twice\" — café."
        let counts = CharacterCounts.scan(Array(sentence.utf8))
        // “ and ‘ open quotations, ’ does not.
        #expect(counts.characters == sentence.unicodeScalars.count && counts.openingQuotes == 2 && counts.straightQuotes == 2)
        // A ‘ right after a letter is an apostrophe, also when that letter ends the previous piece.
        let quote = Array("‘n".utf8)
        #expect(quote.withUnsafeBufferPointer { CharacterCounts.scan($0, after: 0x6B) }.openingQuotes == 0)
        #expect(quote.withUnsafeBufferPointer { CharacterCounts.scan($0, after: 0x20) }.openingQuotes == 1)
    }

    @Test func countsFromTheTokensEqualScanningTheText() {
        // Forms plain and with quotes or non-ASCII bytes, literal surfaces and gaps, a ‘ after a token or a space,
        // URLs holding quotes: counting from the layout gives what scanning the rebuilt text gives.
        let pieces = ["word", "Word", "WORD", "wOrD", " ", "  ", ", ", ". ", "\n\n", "\n", "\t", "\r\n", "’", "‘", "“", "”", "\"",
                      "'", "É", "é", "café", "CAFé", "NAïVE", "Über", "12", "I", "A.B.", "X1", "3.5", "(", ")", "http://a.b/\"q\"x", "http://a.b/“q”", "京", "rock‘n", "🙂"]
        var random = SplitMix64(seed: 5)
        let vocabulary = Vocabulary()
        for round in 0..<60 {
            var source = ""
            for _ in 0..<(round == 0 ? 0 : random.below(400)) { source += pieces[random.below(pieces.count)] }
            let text = Tokenizer().tokenize(source, vocabulary: vocabulary)
            let capitals = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, text.tokenCount))
            defer { capitals.deallocate() }
            #expect(text.characterCounts(capitals: capitals) == CharacterCounts.scan(Array(source.utf8)), "round \(round)")
            let bytes = Array(source.utf8)
            #expect((0..<text.tokenCount).allSatisfy { capitals[$0] == ((bytes[text.range(ofToken: $0).lowerBound] &- 0x41) < 26) })
        }
    }
}
