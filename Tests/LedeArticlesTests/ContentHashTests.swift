import Testing
@testable import LedeArticles

@Suite struct ContentHashTests {
    @Test func streamingHashEqualsHashOfNormalisedText() {
        let samples = [
            "", "plain", "  leading and trailing  ", "tabs\tand\nnew\r\nlines",
            "curly \u{201C}quotes\u{201D} and \u{2018}apostrophes\u{2019}", "soft\u{00AD}hyphen zero\u{200B}width",
            "no\u{00A0}break\u{3000}ideographic space", "京ICP备08005356号 café", "emoji 🧪 and primes \u{2032}\u{2033}",
        ]
        for s in samples {
            #expect(ContentHash.ofNormalised(s) == ContentHash.of(TextNormalizer.normalise(s)), "\(s.debugDescription)")
        }
        #expect(ContentHash.ofNormalised("a  b") == ContentHash.ofNormalised("a\n\nb"))
        #expect(ContentHash.ofNormalised("a b") != ContentHash.ofNormalised("ab"))
    }
}
