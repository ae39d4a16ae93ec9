import Foundation
import Testing
@testable import LedeText

/// (normalised form, kind) of each token.
func tokensOf(_ text: String) -> [(String, TokenKind)] {
    let vocabulary = Vocabulary()
    let t = Tokenizer().tokenize(text, vocabulary: vocabulary)
    return t.allTokens().map { (vocabulary.form($0.id), $0.kind) }
}

func formsOf(_ text: String) -> [String] { tokensOf(text).map(\.0) }

@Suite struct TokenizerTests {
    @Test func wordsWithApostrophesAndHyphens() {
        #expect(formsOf("Don't stop: China-Russia ties, the BBC’s well-known 'quotes'.")
                == ["don't", "stop", "china-russia", "ties", "the", "bbc's", "well-known", "quotes"])
        #expect(formsOf("a -- b - c") == ["a", "b", "c"])
        #expect(formsOf("rock 'n' roll") == ["rock", "n", "roll"])
    }

    @Test func acronymsWithStopsAreOneToken() {
        #expect(formsOf("The U.S. and U.K. met, e.g. at 9 a.m. in the U.S.A.") ==
                ["the", "u.s.", "and", "u.k.", "met", "e.g.", "at", "9", "a.m.", "in", "the", "u.s.a."])
        // Initials with spaces stay separate letters; a domain is not an acronym.
        #expect(formsOf("J. K. Rowling") == ["j", "k", "rowling"])
        #expect(formsOf("bbc.co.uk") == ["bbc", "co", "uk"])
        #expect(formsOf("U.S.-led") == ["u.s.", "led"])
    }

    @Test func numbers() {
        let t = tokensOf("It cost £1,200.50, up 3.5% from 2015-16; 10% of 5bn. Pages 1, 2 and 3.")
        #expect(t.map(\.0) == ["it", "cost", "1,200.50", "up", "3.5", "from", "2015-16", "10", "of", "5bn",
                               "pages", "1", "2", "and", "3"])
        #expect(t.filter { $0.1 == .number }.map(\.0) == ["1,200.50", "3.5", "2015-16", "10", "5bn", "1", "2", "3"])
        #expect(formsOf("in 2015, the end.") == ["in", "2015", "the", "end"])
    }

    @Test func urlsAndEmails() {
        let t = tokensOf("See https://www.bbc.co.uk/news/a-1?x=1, www.example.org. Mail john.smith+news@bbc.co.uk or a@b.")
        #expect(t.map(\.0) == ["see", "https://www.bbc.co.uk/news/a-1?x=1", "www.example.org", "mail",
                               "john.smith+news@bbc.co.uk", "or", "a", "b"])
        #expect(t[1].1 == .url && t[2].1 == .url && t[4].1 == .email)
        #expect(tokensOf("(http://x.org/path).")[0] == ("http://x.org/path", .url))
    }

    @Test func cjkRule() {
        let t = tokensOf("京ICP备08005356号")
        #expect(t.map(\.0) == ["京", "icp", "备", "08005356", "号"])
        #expect(t.map(\.1) == [.cjk, .word, .cjk, .number, .cjk])
        // Kana and Hangul runs are one token each; Han ideographs one each.
        #expect(formsOf("東京タワーへ行く") == ["東京", "タワー", "へ", "行", "く"])
    }

    /// Han runs are pairs from the run's start (an odd last one alone), particles alone; kana runs split
    /// where hiragana and katakana meet; Hangul runs stay whole.
    @Test func cjkWordsWithoutDictionary() {
        #expect(formsOf("北京是中国的首都。") == ["北京", "是中", "国", "的", "首都"])
        #expect(formsOf("经济产业省") == ["经济", "产业", "省"])
        #expect(formsOf("你好吗") == ["你好", "吗"])
        #expect(formsOf("人々がチームは強いと言う") == ["人々", "が", "チーム", "は", "強", "いと", "言", "う"])
        #expect(formsOf("서울은 한국의 수도이다") == ["서울은", "한국의", "수도이다"])
        #expect(formsOf("ボランティア不足") == ["ボランティア", "不足"])
        #expect(formsOf("서울 특별시") == ["서울", "특별시"])
    }

    @Test func unicodeLettersAndCase() {
        #expect(formsOf("Café CRÈME naïve Ölfeld Москва") == ["café", "crème", "naïve", "ölfeld", "москва"])
        #expect(formsOf("co\u{00AD}operate") == ["co\u{00AD}operate"])      // soft hyphen stays inside
    }

    @Test func byteRangesAndSurface() {
        let vocabulary = Vocabulary()
        let t = Tokenizer().tokenize("Mr. O’Neill’s café.", vocabulary: vocabulary)
        #expect(t.allTokens().map { t.surface($0) } == ["Mr", "O’Neill’s", "café"])
        #expect(vocabulary.form(t.ids[1]) == "o'neill's")
    }

    @Test func badInputDoesNotCrash() {
        // Invalid UTF-8, lone continuation bytes, truncated sequences, empty text.
        let vocabulary = Vocabulary()
        let junk: [UInt8] = [0xFF, 0x41, 0x80, 0xE2, 0x80, 0x20, 0x62, 0xF0, 0x9F]
        let t = Tokenizer().tokenize(utf8: junk, vocabulary: vocabulary)
        #expect(t.allTokens().map { vocabulary.form($0.id) } == ["a", "b"])
        #expect(Tokenizer().tokenize("", vocabulary: vocabulary).ids.isEmpty)
        #expect(Tokenizer().tokenize("   \n\n  ", vocabulary: vocabulary).sentences.isEmpty)
    }

    @Test func tokensAreCompactAndLongRunsAreCut() {
        #expect(MemoryLayout<Token>.stride == 12)
        let long = String(repeating: "a", count: 70_000)
        let vocabulary = Vocabulary()
        let t = Tokenizer().tokenize(long + " end", vocabulary: vocabulary)
        #expect(t.allTokens().first?.byteRange == 0..<Token.maxLength)
        #expect(t.allTokens().last.map { vocabulary.form($0.id) } == "end")
    }

    @Test func batchTokenisationMatchesOneByOne() {
        let texts = ["The cat sat. It purred.", "A dog barked at the cat!", "", "京ICP备08005356号 U.S. e.g."]
        let v1 = Vocabulary(), v2 = Vocabulary()
        let single = texts.map { Tokenizer().tokenize($0, vocabulary: v1) }
        let batch = Tokenizer().tokenizeConcurrently(texts.map { Array($0.utf8) }, vocabulary: v2, batchSize: 2)
        #expect(batch.count == texts.count)
        for (a, b) in zip(single, batch) {
            #expect(a.allTokens().map { v1.form($0.id) } == b.allTokens().map { v2.form($0.id) })
            #expect(a.sentences == b.sentences && a.paragraphs == b.paragraphs)
        }
    }

    @Test func sameFormSameIDAcrossDocuments() {
        let vocabulary = Vocabulary()
        let a = Tokenizer().tokenize("The cat. THE Cat", vocabulary: vocabulary)
        let b = Tokenizer().tokenize("cat the dog", vocabulary: vocabulary)
        #expect(a.allTokens().map(\.id) == [0, 1, 0, 1])
        #expect(b.allTokens().map(\.id) == [1, 0, 2])
        #expect(vocabulary.id(of: "dog") == 2)
        #expect(vocabulary.id(of: "cow") == nil)
        #expect(vocabulary.allForms() == ["the", "cat", "dog"])
    }

    @Test func parallelTokenisationSharesOneVocabulary() async {
        let vocabulary = Vocabulary()
        let texts = (0..<64).map { i in (0..<200).map { "w\(($0 * 7 + i) % 300)" }.joined(separator: " ") }
        let results = await withTaskGroup(of: TokenizedText.self) { group in
            for t in texts { group.addTask { Tokenizer().tokenize(t, vocabulary: vocabulary) } }
            var all: [TokenizedText] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(vocabulary.count == 300)
        for r in results {
            for tok in r.allTokens() { #expect(vocabulary.form(tok.id) == r.surface(tok)) }
        }
    }
}

/// A text over `TokenBatch.segment` bytes is scanned a segment at a time (so Ctrl-C can stop a huge file): the
/// tokens must be exactly those of one pass over the whole buffer.
@Suite struct SegmentedScanTests {
    @Test func segmentsGiveTheTokensOfOnePass() {
        let pieces = ["The U.S. economy grew 3.5% in 2025, said J. K. Smith at https://example.com/report?x=1.",
                      "Emails such as press@example.org and www.example.net/path go to the desk;",
                      "東京で会議が開かれた。 Café déjà vu — naïve “quotes” 10,000 people… ",
                      "a\u{00A0}b\tc\r\nd  e   f\n\n", "don't won't o'clock e.g. i.e. 9:30 a.m. 1990s ", String(repeating: "x", count: 70_000) + " "]
        var text: [UInt8] = []
        var k = 0
        while text.count < TokenBatch.segment * 2 + 12_345 {
            text.append(contentsOf: pieces[k % pieces.count].utf8)
            k += 1
        }
        var batch = TokenBatch()
        let segmented = text.withUnsafeBufferPointer { batch.scan($0) }
        var whole: [(Int, Int, TokenKind)] = []
        text.withUnsafeBufferPointer { b in
            Tokenizer.scan(b) { start, end, kind in whole.append((start, min(end, start + Token.maxLength), kind)) }
        }
        #expect(segmented.count == whole.count)
        let same = zip(segmented, whole).allSatisfy { Int($0.start) == $1.0 && Int($0.end) == $1.1 && $0.kind == $1.2 }
        #expect(same)
    }
}
