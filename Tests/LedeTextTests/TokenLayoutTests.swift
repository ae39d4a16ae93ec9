import Testing
@testable import LedeText

/// The compact token layout of `TokenizedText` gives back exactly what the tokenizer produced.
@Suite struct TokenLayoutTests {
    /// The scanner's own view of a text: (byte range, kind) per token, without interning.
    func scanned(_ text: String) -> [(Range<Int>, TokenKind)] { Tokenizer.ranges(text) }

    func checkRoundTrip(_ source: String, _ vocabulary: Vocabulary = Vocabulary()) -> TokenizedText {
        let text = Tokenizer().tokenize(source, vocabulary: vocabulary)
        let expected = scanned(source)
        #expect(text.tokenCount == expected.count)
        let decoded = text.allTokens()
        #expect(decoded.map(\.byteRange) == expected.map(\.0))
        #expect(decoded.map(\.kind) == expected.map(\.1))
        // Random access (from the nearest anchor) agrees with decoding runs of tokens in order.
        for k in stride(from: text.tokenCount - 1, through: 0, by: -1) {
            #expect(text.range(ofToken: k) == expected[k].0)
            #expect(text.ranges(ofTokens: k..<min(k + 70, text.tokenCount)).first == expected[k].0)
            #expect(text.kind(ofToken: k) == expected[k].1)
            #expect(vocabulary.form(text.ids[k]) == Tokenizer.normalise(text.surface(ofToken: k)))
        }
        checkBytes(text, Array(source.utf8))
        return text
    }

    @Test func offsetsRoundTripThroughGapsLengthsAndEscapes() {
        var source = "Mr. O’Neill paid £1,200.50 on 2015-16, see https://www.bbc.co.uk/news and 京东 mail a.b@bbc.co.uk.\n\n"
        // A gap over 255 bytes (a rule of dashes), a 300-byte URL and a 400-byte word: all escaped.
        source += String(repeating: "-", count: 300) + " after the rule "
        source += "http://example.org/" + String(repeating: "p", count: 300) + " "
        source += String(repeating: "x", count: 400) + " end.\n"
        // Enough tokens to cross several 64-token anchors, with gaps of every small size.
        for i in 0..<300 { source += "w\(i)" + String(repeating: " ", count: i % 7 + 1) }
        let text = checkRoundTrip(source)
        #expect(text.tokenCount > 4 * 64)
        #expect(text.storedBytes < source.utf8.count)
        let long = text.allTokens().first { $0.byteRange.count == 400 }
        #expect(long != nil)
        #expect(text.range(ofTokens: 0..<2) == text.range(ofToken: 0).lowerBound..<text.range(ofToken: 1).upperBound)
    }

    /// The text's bytes come back whole, through every way of reading them, and any byte range of them.
    func checkBytes(_ text: TokenizedText, _ expected: [UInt8]) {
        #expect(text.byteCount == expected.count)
        #expect(text.utf8 == expected)
        // Runs of tokens decoded in one pass agree with decoding each token from its anchor.
        var pick = SplitMix64(seed: UInt64(text.tokenCount))
        for _ in 0..<20 where text.tokenCount > 0 {
            let a = pick.below(text.tokenCount), b = a + 1 + pick.below(text.tokenCount - a)
            #expect(text.ranges(ofTokens: a..<b) == (a..<b).map { text.range(ofToken: $0) })
        }
        var rng = SplitMix64(seed: UInt64(expected.count))
        for _ in 0..<200 where !expected.isEmpty {
            let a = Int(rng.next() % UInt64(expected.count + 1)), b = Int(rng.next() % UInt64(expected.count + 1))
            let r = min(a, b)..<max(a, b)
            #expect(text.bytes(in: r) == Array(expected[r]))
        }
        #expect(text.bytes(in: 0..<expected.count) == expected)
    }

    @Test func bytesComeBackFromFormsCasesGapsAndLiterals() {
        let v = Vocabulary()
        let sources = [
            "", "   ", ",,, ...", "\n\nHello", "Hello\n\n", "x",
            // Lower case, capitalised, capitals, mixed case (literal), non-ASCII case, curly apostrophes.
            "the The THE tHe McDonald iPhone BBC U.S. u.s. U.s. É école ÉCOLE İstanbul O’Neill DON’T don't NAïVE CAFé Straße STRASSE",
            // Every implied gap, short literal gaps of each length, tabs, CRLF, long runs of punctuation.
            "a b\n\nc, d. e.\n\nf\tg\r\nh (i) “j” —k— l" + String(repeating: "!", count: 26) + "m"
                + String(repeating: "?", count: 27) + "n" + String(repeating: "=", count: 5000) + "o...",
            // Numbers, URLs, e-mail, CJK, emoji between words.
            "£1,200.50 on 2015-16 at https://www.BBC.co.uk/News?ID=5 Mail A.B@BBC.co.uk 京东 カタカナ 한국어 🙂 end",
        ]
        for source in sources {
            let text = checkRoundTrip(source, v)
            #expect(String(decoding: text.utf8, as: UTF8.self) == source)
        }
        // A random mix of pieces, long enough to cross many anchors.
        let pieces = ["word", "Word", "WORD", "wOrD", " ", "  ", ", ", ". ", "\n\n", "\n", "-", "’", "'", "É", "é", "12", "3.5",
                      "“", "”", "(", ")", "x@y.org", "http://a.b/C", "京", "\t", "!!!", String(repeating: " ", count: 40)]
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            var source = ""
            for _ in 0..<Int(rng.next() % 600) { source += pieces[Int(rng.next() % UInt64(pieces.count))] }
            _ = checkRoundTrip(source, v)
        }
    }

    @Test func proseIsAboutThreeBytesAToken() {
        // Per token a 16-bit id and a code byte; per 64 tokens two anchors; per sentence and paragraph four
        // 16-bit bounds (the text is short). Lower case, capitalised and capital words follow from their forms,
        // and " ", ", ", ". " and a blank line are implied: of each paragraph only the ".\n\n" after "so" is literal.
        let paragraph = "The cat sat on the mat. The Dog ran, and the BBC said so.\n\n"
        let source = String(repeating: paragraph, count: 50)
        let text = checkRoundTrip(source)
        let anchors = (text.tokenCount + 63) / 64
        #expect(text.sentences.count == 100 && text.paragraphs.count == 50)
        #expect(text.storedBytes == text.tokenCount * 3 + anchors * 8 + 150 * 8 + 50 * 3)
    }

    @Test func spansOfLongTextsKeep32BitBounds() {
        // Past 65,535 bytes a text's spans are stored in 32 bits; they read back as the splitters made them.
        let paragraph = String(repeating: "The council met again on Thursday. ", count: 40) + "\n\n"
        let source = String(repeating: paragraph, count: 60)
        #expect(source.utf8.count > 65_535)
        let vocabulary = Vocabulary()
        let text = checkRoundTrip(source, vocabulary)
        let bytes = Array(source.utf8)
        let tokens = text.allTokens()
        let paragraphs = ParagraphSplitter.split(utf8: bytes, tokens: tokens)
        #expect(Array(text.paragraphs) == paragraphs && text.paragraphs.count == 60)
        #expect(Array(text.sentences) == SentenceSplitter.split(utf8: bytes, tokens: tokens, paragraphs: paragraphs))
        #expect(text.sentences.last!.bytes.upperBound > 65_535)
    }

    @Test func surfaceCodesFromTheTokenizerMatchComparingWithTheForm() {
        // Random ASCII words in random case (a few with digits, dots and apostrophes, some past 32 bytes): the
        // codes the tokenizer finds while lower-casing give the same layout as comparing each surface with its form.
        var rng = SplitMix64(seed: 11)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var words: [String] = []
        for _ in 0..<3000 {
            let length = rng.below(10) == 0 ? 20 + rng.below(30) : 1 + rng.below(12)
            var w = String((0..<length).map { _ in alphabet[rng.below(rng.below(4) == 0 ? alphabet.count : 52)] })
            switch rng.below(5) {
            case 0: w = w.lowercased()
            case 1: w = w.prefix(1).uppercased() + w.dropFirst().lowercased()
            case 2: w = w.uppercased()
            case 3: w += "'s"
            default: break
            }
            words.append(w)
        }
        let source = words.joined(separator: " ")
        let vocabulary = Vocabulary()
        let scanned = Tokenizer().tokenize(source, vocabulary: vocabulary)
        let compared = TokenizedText(utf8: Array(source.utf8), tokens: scanned.allTokens(), sentences: Array(scanned.sentences),
                                     paragraphs: Array(scanned.paragraphs), forms: vocabulary.forms)
        #expect(scanned.storedBytes == compared.storedBytes)
        #expect(Array(scanned.storage.codes) == Array(compared.storage.codes) && Array(scanned.storage.literals) == Array(compared.storage.literals))
        #expect(scanned.utf8 == Array(source.utf8))
    }

    @Test func aTokenWhoseFormIsNotItsSurfaceIsKeptLiterally() {
        // Tokens built by hand, with ids whose forms the surface does not follow from: kept as written.
        let vocabulary = Vocabulary()
        let cat = vocabulary.intern("cat"), unknown: UInt32 = 4_000_000
        let bytes = Array("dog CAT Cat cAt zebra".utf8)
        let tokens = [Token(id: cat, start: 0, end: 3, kind: .word), Token(id: cat, start: 4, end: 7, kind: .word),
                      Token(id: cat, start: 8, end: 11, kind: .word), Token(id: cat, start: 12, end: 15, kind: .word),
                      Token(id: unknown, start: 16, end: 21, kind: .word)]
        let text = TokenizedText(utf8: bytes, tokens: tokens, sentences: [], paragraphs: [], forms: vocabulary.forms)
        #expect(text.utf8 == bytes)
        #expect(text.allTokens().map(\.byteRange) == tokens.map(\.byteRange))
        #expect((0..<5).map { text.surface(ofToken: $0) } == ["dog", "CAT", "Cat", "cAt", "zebra"])
    }

    @Test func emptyAndOneTokenTexts() {
        let v = Vocabulary()
        let empty = Tokenizer().tokenize("  ,, ", vocabulary: v)
        #expect(empty.tokenCount == 0 && empty.allTokens().isEmpty && !empty.ids.isWide)
        let one = checkRoundTrip("  hello  ", v)
        #expect(one.tokenCount == 1 && one.range(ofToken: 0) == 2..<7)
    }

    @Test func idsAre16BitUntilATextUsesAnIdPast65535() {
        let vocabulary = Vocabulary()
        let small = checkRoundTrip("the cat sat on the mat", vocabulary)
        #expect(!small.ids.isWide && small.ids.bytesPerID == 2)
        // One text bringing 70,000 distinct forms: its ids pass 65,535, so it is stored 32-bit.
        func word(_ n: Int) -> String {
            var n = n, s = "z"
            repeat { s.append(Character(UnicodeScalar(UInt8(97 + n % 26)))); n /= 26 } while n > 0
            return s
        }
        let source = (0..<70_000).map(word).joined(separator: " ")
        let big = Tokenizer().tokenize(source, vocabulary: vocabulary)
        #expect(big.ids.isWide && big.ids.bytesPerID == 4)
        #expect(big.ids.max()! >= 65_536)
        #expect(big.tokenCount == 70_000)
        let forms = vocabulary.allForms()
        for k in [0, 1, 65_530, 65_535, 65_536, 69_999] {
            #expect(forms[Int(big.ids[k])] == word(k))
            #expect(big.surface(ofToken: k) == word(k))
        }
        // The unsafe view reads the same ids as the collection.
        let viaBuffer = big.ids.withUnsafeIDs { Array($0) }
        #expect(viaBuffer == Array(big.ids))
        // A later text of old, small ids only is 16-bit again; one with a single large id is 32-bit.
        #expect(!Tokenizer().tokenize("the mat", vocabulary: vocabulary).ids.isWide)
        #expect(Tokenizer().tokenize("the \(word(69_999))", vocabulary: vocabulary).ids.isWide)
        #expect(Tokenizer().tokenize("the \(word(69_999))", vocabulary: vocabulary).ids.withUnsafeIDs { Array($0) }
                    == [vocabulary.id(of: "the")!, vocabulary.id(of: word(69_999))!])
    }

    @Test func kindsLiveWithTheVocabularyAndExceptionsArePerToken() {
        let vocabulary = Vocabulary()
        let text = checkRoundTrip("Talks 2015 www.bbc.co.uk x@bbc.co.uk 京", vocabulary)
        #expect((0..<text.tokenCount).map { vocabulary.forms[text.ids[$0]] } == [.word, .number, .url, .email, .cjk])
        // A token whose kind differs from its form's recorded kind keeps its own kind.
        let id = vocabulary.id(of: "talks")!
        let bytes = Array("talks talks".utf8)
        let tokens = [Token(id: id, start: 0, end: 5, kind: .word), Token(id: id, start: 6, end: 11, kind: .number)]
        let odd = TokenizedText(utf8: bytes, tokens: tokens, sentences: [], paragraphs: [], forms: vocabulary.forms)
        #expect(odd.kind(ofToken: 0) == .word && odd.kind(ofToken: 1) == .number)
        #expect(odd.allTokens() == tokens)
    }

    @Test func batchTokenisingMatchesOneByOne() {
        let texts = ["First text, with 3 words.", "Second: https://x.org/a and more", "", "京都 and 東京"]
        let v1 = Vocabulary(), v2 = Vocabulary()
        let batch = Tokenizer().tokenize(batch: texts.map { Array($0.utf8) }, vocabulary: v1)
        for (k, source) in texts.enumerated() {
            let single = Tokenizer().tokenize(source, vocabulary: v2)
            #expect(batch[k].allTokens().map { v1.form($0.id) } == single.allTokens().map { v2.form($0.id) })
            #expect(batch[k].allTokens().map(\.byteRange) == single.allTokens().map(\.byteRange))
            #expect(batch[k].sentences == single.sentences && batch[k].paragraphs == single.paragraphs)
        }
    }
}

/// A token batch kept across merges (as a loader worker keeps one) gives what fresh tokenising gives, and
/// merges only forms its texts use.
@Suite struct TokenBatchTests {
    @Test func batchesAfterTheFirstMergeOnlyNewFormsAndMatchFreshTokenising() {
        let first = Array("The harbour plan was approved on Thursday.".utf8)
        let second = Array("The harbour vote was close; U.S. observers watched.".utf8)
        let vocabulary = Vocabulary()
        var batch = TokenBatch()
        batch.append(first)
        let a = batch.finish(into: vocabulary)
        let countAfterFirst = vocabulary.count
        batch.append(second)
        let b = batch.finish(into: vocabulary)
        #expect(a.count == 1 && b.count == 1 && batch.count == 0)
        #expect(vocabulary.count - countAfterFirst == 5)        // vote, close, u.s., observers, watched
        let fresh = Vocabulary()
        let expected = Tokenizer().tokenize(batch: [first, second], vocabulary: fresh)
        #expect(a[0].allTokens().map { vocabulary.form($0.id) } == expected[0].allTokens().map { fresh.form($0.id) })
        #expect(b[0].allTokens().map { vocabulary.form($0.id) } == expected[1].allTokens().map { fresh.form($0.id) })
        #expect(b[0].sentences == expected[1].sentences && b[0].paragraphs == expected[1].paragraphs)
        #expect(vocabulary.count == fresh.count)
    }

    @Test func aClearedTableStartsAfreshAndStillGivesTheSameForms() {
        let vocabulary = Vocabulary()
        var batch = TokenBatch()
        batch.append(Array("the harbour plan".utf8))
        let first = batch.finish(into: vocabulary)
        #expect(!batch.clearTable(ifOver: 3) && batch.clearTable(ifOver: 2) && batch.formCount == 0)
        batch.append(Array("the harbour vote".utf8))
        let second = batch.finish(into: vocabulary)
        #expect(first[0].allTokens().map { vocabulary.form($0.id) } == ["the", "harbour", "plan"])
        #expect(second[0].allTokens().map { vocabulary.form($0.id) } == ["the", "harbour", "vote"])
        #expect(vocabulary.count == 4)
    }

    @Test func scannedTokensThatNoTextKeepsStayOutOfTheVocabulary() {
        let vocabulary = Vocabulary()
        var batch = TokenBatch()
        let scannedOnly = Array("menu qwertyzap".utf8)
        _ = scannedOnly.withUnsafeBufferPointer { batch.scan($0) }
        batch.append(Array("body text".utf8))
        _ = batch.finish(into: vocabulary)
        #expect(vocabulary.allForms().sorted() == ["body", "text"])
    }
}

extension TokenLayoutTests {
    /// Chinese and Japanese paragraphs (pairs, particles, kana runs) rebuild their exact bytes.
    @Test func cjkTextRoundTrips() {
        let texts = LanguageFixtures.texts().filter { $0.code == "zh" || $0.code == "ja" || $0.code == "ko" }.map(\.text)
        #expect(texts.count >= 40)
        _ = checkRoundTrip(texts.joined(separator: "\n\n") + "\n\n京ICP备08005356号 人々 チームは 你好吗？")
    }
}
