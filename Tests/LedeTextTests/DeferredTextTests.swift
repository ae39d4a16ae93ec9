import Foundation
import Testing
@testable import LedeText

/// A text tokenised when first needed gives the tokens an eager tokenisation gives, keeps its bytes readable
/// without tokenising, and is tokenised once however many threads ask.
@Suite struct DeferredTextTests {
    let samples = ["The council met on Tuesday.\n\nMembers voted for the harbour budget.",
                   "Die Regierung hat am Dienstag beschlossen, die Steuern zu senken.",
                   "", "東京で会議が開かれた。", "Prices rose 3.5% in May; the bank's target is 2%."]

    @Test func tokensEqualAnEagerTokenisation() {
        let vocabulary = Vocabulary()
        for s in samples {
            let deferred = DeferredText(utf8: Array(s.utf8), vocabulary: vocabulary)
            #expect(!deferred.isTokenized)
            #expect(deferred.utf8 == Array(s.utf8))
            #expect(!deferred.isTokenized, "reading the bytes tokenised the text")
            let eager = Tokenizer().tokenize(s, vocabulary: vocabulary)
            let text = deferred.text
            #expect(deferred.isTokenized)
            #expect(text.tokenCount == eager.tokenCount)
            #expect((0..<text.tokenCount).map { vocabulary.form(text.token($0).id) } == (0..<eager.tokenCount).map { vocabulary.form(eager.token($0).id) })
            #expect(deferred.utf8 == Array(s.utf8))
        }
    }

    @Test func manyAreTokenisedAtOnceAndOnlyThoseWaiting() throws {
        let vocabulary = Vocabulary()
        let texts = (0..<500).map { DeferredText(utf8: Array("Article \($0): the harbour fire burned for \($0 % 7) hours.".utf8), vocabulary: vocabulary) }
        let early = texts[3].text
        try DeferredText.tokenize(texts + texts)   // repeats are tokenised once
        #expect(texts.allSatisfy { $0.isTokenized })
        #expect(texts[3].text.utf8 == early.utf8 && texts[3].text.tokenCount == early.tokenCount)
        #expect(texts[499].text.tokenCount == Tokenizer().tokenize("Article 499: the harbour fire burned for 2 hours.", vocabulary: vocabulary).tokenCount)
    }

    @Test func threadsAskingAtOnceGetOneTokenisation() {
        let vocabulary = Vocabulary()
        let deferred = DeferredText(utf8: Array(String(repeating: "word after word, ", count: 2000).utf8), vocabulary: vocabulary)
        let counts = Parallel.map(count: 16) { _ in deferred.text.tokenCount }
        #expect(Set(counts) == [6000])
    }
}
