import Testing
import Foundation
import LedeText
@testable import LedeAnalysis

private func tokenize(_ texts: [String]) -> (Vocabulary, [TokenizedText]) {
    let vocabulary = Vocabulary()
    return (vocabulary, texts.map { Tokenizer().tokenize($0, vocabulary: vocabulary) })
}

private let noStopwords = Stopwords.none

@Suite struct FrequencyTests {
    @Test func countsPerMillionDocumentFrequencyAndRange() throws {
        let (v, texts) = tokenize(["Apple banana apple.", "Banana cherry 42.", "Cherry."])
        let units = try KeywordUnits(forms: v.allForms(), stopwords: noStopwords)
        var table = UnitCounts()
        try table.add(texts, units: units)
        #expect(table.tokens == 7 && table.documents == 3)
        let top = table.top(10, units: units)
        // Numbers are not keywords; ties sort by form.
        #expect(top.map(\.term) == ["apple", "banana", "cherry"])
        #expect(top[0].count == 2 && top[0].documentFrequency == 1)
        #expect(abs(top[0].perMillion - 2e6 / 7) < 1e-6)
        #expect(abs(top[1].range - 200.0 / 3) < 1e-9)
        #expect(table.top(10, minCount: 3, units: units).isEmpty)
    }

    /// Many texts are counted on all cores, every token by its id and the non-units cleared at the end: the
    /// table must equal counting text by text (which skips stopwords, numbers and URLs token by token).
    @Test func countingManyTextsAtOnceEqualsCountingOneByOne() throws {
        let sentences = ["The harbour plan was approved on 12 May.", "See https://example.com for the plan and the vote.",
                         "Fishermen said the quay would change their days.", "A vote, a plan, a harbour: 3 things."]
        let (v, texts) = tokenize((0..<700).map { sentences[$0 % 4] + " " + sentences[($0 * 7) % 4] + " word\($0 % 50)" })
        let units = try KeywordUnits(forms: v.allForms(), stopwords: Stopwords(name: "t", words: ["the", "a", "and", "on", "for"]),
                                  kinds: v.forms)
        var together = UnitCounts(), oneByOne = UnitCounts()
        try together.add(texts, units: units)
        for t in texts { oneByOne.add(t, units: units) }
        #expect(together.counts == oneByOne.counts)
        #expect(together.documentFrequency == oneByOne.documentFrequency)
        #expect(together.tokens == oneByOne.tokens && together.documents == 700)
        #expect(together.count(v.id(of: "the")!) == 0 && together.count(v.id(of: "12")!) == 0)
        #expect(together.count(v.id(of: "harbour")!) > 0)
    }

    @Test func stopwordsLeftOut() throws {
        let (v, texts) = tokenize(["The cat and the dog."])
        let units = try KeywordUnits(forms: v.allForms(), stopwords: Stopwords(name: "t", words: ["the", "and"]))
        var table = UnitCounts()
        table.add(texts[0], units: units)
        #expect(table.top(10, units: units).map(\.term) == ["cat", "dog"])
    }

    @Test func ngramsStayInSentencesAndSkipStopwordEdges() throws {
        let (v, texts) = tokenize(["The Secretary of State met the prime minister. Prime minister and secretary of state agreed."])
        let stop = Stopwords(name: "t", words: ["the", "of", "and"])
        var bigrams = UnitCounts()
        let two = try KeywordUnits(forms: v.allForms(), stopwords: stop, ngram: 2)
        bigrams.add(texts[0], units: two)
        let top2 = bigrams.top(20, units: two)
        #expect(top2.first?.term == "prime minister" && top2.first?.count == 2)
        #expect(!top2.contains { $0.term.hasPrefix("the ") || $0.term.hasSuffix(" of") })
        // "minister prime" would cross the sentence boundary.
        #expect(!top2.contains { $0.term == "minister prime" })
        var trigrams = UnitCounts()
        let three = try KeywordUnits(forms: v.allForms(), stopwords: stop, ngram: 3)
        trigrams.add(texts[0], units: three)
        #expect(trigrams.top(1, units: three).first.map { [$0.term: $0.count] } == ["secretary of state": 2])
    }

    @Test func badNgramSizeIsRejected() {
        #expect(throws: KeywordUnits.Problem.self) { try KeywordUnits(forms: [], stopwords: noStopwords, ngram: 7) }
        #expect(throws: KeywordUnits.Problem.self) { try KeywordUnits(forms: [], stopwords: noStopwords, ngram: 0) }
    }

    /// `--stopwords English` leaves out function words only: the jusText list (which the loader needs) holds
    /// news words such as "government", "party" and "council" that a keyword list must show.
    @Test func englishKeywordStopwordsAreFunctionWords() throws {
        let english = try StopwordCatalog().resolve("english")
        for word in ["the", "of", "and", "would", "it's", "don't", "themselves", "whether"] { #expect(english.contains(word), "\(word)") }
        for word in ["government", "party", "council", "years", "country", "people", "said", "war", "police"] {
            #expect(!english.contains(word), "\(word)")
        }
        #expect(Stopwords.english.contains("government"), "the boilerplate classifier keeps jusText's list")
        #expect(try StopwordCatalog().resolve("French").contains("les"))
    }

    @Test func unknownStopwordListIsAnError() {
        #expect(throws: StopwordsError.self) { try StopwordCatalog().resolve("Klingon") }
        #expect(throws: StopwordsError.self) { try StopwordCatalog().resolve("/nonexistent/stopwords.txt") }
    }

    @Test func stemmedUnitsMerge() throws {
        let (v, texts) = tokenize(["talks talk talking"])
        let forms = v.allForms()
        // A hand-made stem table: every form → stem 0 "talk".
        let units = try KeywordUnits(forms: forms, stopwords: noStopwords, stems: (of: forms.map { _ in 0 }, forms: ["talk"]))
        var table = UnitCounts()
        table.add(texts[0], units: units)
        #expect(table.top(5, units: units).map { "\($0.term):\($0.count)" } == ["talk:3"])
    }
}

@Suite struct TfIdfTests {
    /// scikit-learn's TfidfVectorizer (smooth_idf, norm l2, raw tf) on d1 = "apple banana apple",
    /// d2 = "banana cherry": idf(apple) = idf(cherry) = ln(3/2) + 1, idf(banana) = ln(3/3) + 1 = 1.
    @Test func matchesScikitLearnDefinition() throws {
        let (v, texts) = tokenize(["apple banana apple", "banana cherry"])
        let units = try KeywordUnits(forms: v.allForms(), stopwords: noStopwords)
        var table = UnitCounts()
        try table.add(texts, units: units)
        #expect(abs(TfIdf.idf(documents: 2, documentFrequency: 1) - (log(1.5) + 1)) < 1e-12)
        var counter = IdCounter(capacity: units.unitCount)
        let row = TfIdf.row(texts[0], units: units, table: table, counter: &counter)
        let weights = Dictionary(uniqueKeysWithValues: row.map { (units.label($0.unit), $0.weight) })
        let a = 2 * (log(1.5) + 1), norm = (a * a + 1).squareRoot()
        #expect(abs(weights["apple"]! - a / norm) < 1e-12)       // 0.942156
        #expect(abs(weights["banana"]! - 1 / norm) < 1e-12)      // 0.335176
        let top = try TfIdf.top(texts, units: units, idfFrom: table, top: 3)
        #expect(top.map(\.term) == ["apple", "banana", "cherry"])
        #expect(abs(top[0].tfidf! - 0.471078) < 1e-6)
        #expect(abs(top[1].tfidf! - 0.457457) < 1e-6)
        #expect(abs(top[2].tfidf! - 0.407401) < 1e-6)
    }
}

@Suite struct KeynessTests {
    /// a = 10 of N1 = 1,000 against b = 20 of N2 = 10,000: E1 = 1000·30/11000 = 2.7273, E2 = 27.2727.
    /// G²(2) = 2[10 ln(10/2.7273) + 20 ln(20/27.2727)] = 13.5795; the c/d cells (990, 9980) add 0.0585.
    @Test func workedExample() {
        let s = Keyness.score(term: "x", a: 10, n1: 1000, b: 20, n2: 10000)
        #expect(abs(s.logLikelihood2 - 13.579463) < 1e-5)
        #expect(abs(s.logLikelihood4 - 13.637932) < 1e-5)
        #expect(abs(s.logRatio - log2(5)) < 1e-12)            // (10/1000)/(20/10000) = 5
        #expect(abs(s.percentDiff - 400) < 1e-9)
        #expect(abs(s.p - 0.000221661) < 1e-8)
        #expect(s.direction == "over")
        #expect(abs(s.targetPerMillion - 10_000) < 1e-9)
    }

    @Test func zeroCountsAndUnderuse() {
        let absent = Keyness.score(term: "x", a: 5, n1: 100, b: 0, n2: 100)
        #expect(abs(absent.logRatio - log2(10)) < 1e-12)      // 0.5 stands in for b = 0
        #expect(absent.logLikelihood2.isFinite && absent.direction == "over")
        let under = Keyness.score(term: "x", a: 0, n1: 100, b: 5, n2: 100)
        #expect(under.direction == "under" && abs(under.logRatio + log2(10)) < 1e-12)
        #expect(abs(Keyness.chiSquare1Survival(3.841459) - 0.05) < 1e-6)
        let same = Keyness.score(term: "x", a: 2, n1: 100, b: 4, n2: 200)
        #expect(same.direction == "equal" && abs(same.logLikelihood4) < 1e-12 && abs(same.logRatio) < 1e-12)
    }

    @Test func compareRanksByLogLikelihood() throws {
        let (v, texts) = tokenize(["peace peace peace talks", "war war talks talks"])
        let units = try KeywordUnits(forms: v.allForms(), stopwords: noStopwords)
        var t = UnitCounts(), r = UnitCounts()
        t.add(texts[0], units: units); r.add(texts[1], units: units)
        let scores = Keyness.compare(target: t, reference: r, units: units, top: 3)
        #expect(scores.first?.term == "peace" || scores.first?.term == "war")
        #expect(scores.first { $0.term == "peace" }?.direction == "over")
        #expect(scores.first { $0.term == "war" }?.direction == "under")
        #expect(Keyness.compare(target: t, reference: r, units: units, top: 3, direction: "over").map(\.term) == ["peace"])
    }
}

@Suite struct ConcordanceTests {
    let text = "Peace talks began. The peace, talks and peacekeeping continued. Peace talks resumed in peace."

    @Test func phrasesNeedOnlyWhitespaceBetweenWords() throws {
        let (v, texts) = tokenize([text])
        let pattern = try TermPattern("peace talks", forms: v.allForms())
        let lines = try Concordance.lines(pattern, in: [("a1", texts[0])], window: 2, forms: v.allForms())
        #expect(lines.map(\.match) == ["Peace talks", "Peace talks"])
        #expect(lines[1].left == "peacekeeping continued.")
        #expect(lines[1].right == "resumed in")
        #expect(lines[0].left == "" && lines[0].position == 1 && lines[0].offset == 0 && lines[0].article == "a1")
    }

    @Test func wildcardsMatchForms() throws {
        let (v, texts) = tokenize([text])
        let pattern = try TermPattern("peace*", forms: v.allForms())
        let lines = try Concordance.lines(pattern, in: [("a1", texts[0])], window: 1, forms: v.allForms())
        #expect(lines.map(\.match) == ["Peace", "peace", "peacekeeping", "Peace", "peace"])
        let single = try TermPattern("t?lks", forms: v.allForms())
        #expect(single.matches(in: texts[0]).count == 3)
    }

    @Test func sortsByLeftAndRightContext() throws {
        let (v, texts) = tokenize(["b x. a x. c x."])
        let pattern = try TermPattern("x", forms: v.allForms())
        let left = try Concordance.lines(pattern, in: [("a1", texts[0])], window: 1, sort: .left, forms: v.allForms())
        #expect(left.map(\.left) == ["a", "b", "c"])
        let right = try Concordance.lines(pattern, in: [("a1", texts[0])], window: 1, sort: .right, forms: v.allForms())
        #expect(right.map(\.right) == ["", ". a", ". c"])   // sorted by the next word; none sorts first
    }

    @Test func badTerms() {
        #expect(throws: TermPattern.Problem.self) { try TermPattern("  ", forms: ["a"]) }
        #expect((try? TermPattern("unseen", forms: ["a"]))?.matches(in: tokenize(["a a"]).1[0]).isEmpty == true)
    }
}

@Suite struct CollocationTests {
    /// Tokens: red apple and green apple red car (N = 7). "apple" twice, window 1: slots W = 4.
    /// O(red) = 2, f(red) = 2, E = 4·2/7 = 8/7.
    @Test func windowCountsAndMeasures() throws {
        let (v, texts) = tokenize(["red apple and green apple. red car."])
        let pattern = try TermPattern("apple", forms: v.allForms())
        func run(_ m: Collocations.Measure) throws -> Collocations.Result {
            try Collocations.find(pattern, in: texts, window: 1, measure: m, minFreq: 1, top: 10, stopwords: .none, forms: v.allForms())
        }
        let pmi = try run(.pmi)
        #expect(pmi.termFrequency == 2 && pmi.windowSlots == 4 && pmi.tokens == 7)
        let red = try #require(pmi.collocates.first { $0.collocate == "red" })
        #expect(red.together == 2 && red.left == 1 && red.right == 1 && red.frequency == 2)
        #expect(abs(red.expected - 8.0 / 7) < 1e-12)
        #expect(abs(red.score - log2(1.75)) < 1e-12)
        let t = try #require(try run(.tscore).collocates.first { $0.collocate == "red" })
        #expect(abs(t.score - (2 - 8.0 / 7) / 2.0.squareRoot()) < 1e-12)
        let dice = try #require(try run(.logdice).collocates.first { $0.collocate == "red" })
        #expect(abs(dice.score - 14) < 1e-12)                   // 14 + log2(2·2/(2 + 2))
        let ll = try #require(try run(.ll).collocates.first { $0.collocate == "red" })
        #expect(ll.score > 0)
        #expect(try Collocations.find(pattern, in: texts, window: 1, measure: .pmi, minFreq: 2, top: 10,
                                      stopwords: .none, forms: v.allForms()).collocates.map(\.collocate) == ["red"])
    }
}

@Suite struct ParallelCountingTests {
    @Test func parallelCountsEqualSerialCounts() throws {
        let sentences = ["Peace talks resumed.", "Talks about peace.", "Rain fell.", "The talks failed."]
        let (v, texts) = tokenize((0..<600).map { sentences[$0 % 4] + " Item \($0 % 7)." })
        let units = try KeywordUnits(forms: v.allForms(), stopwords: .none)
        var parallel = UnitCounts()
        try parallel.add(texts, units: units)                 // 600 texts: counted by several workers
        var serial = UnitCounts()
        for t in texts { serial.add(t, units: units) }
        #expect(parallel.tokens == serial.tokens && parallel.documents == 600)
        #expect(parallel.top(20, units: units) == serial.top(20, units: units))
        #expect(parallel.top(1, units: units).first.map { [$0.term: $0.documentFrequency] } == ["item": 600])
        #expect(parallel.row(units.unitCount > 0 ? UInt32(v.id(of: "talks")!) : 0, units: units).documentFrequency == 450)
    }
}

@Suite struct FrequencyListTests {
    @Test func antConcExportWithNumbersForTerms() throws {
        let list = try WordCountList(parsing: "#Word Types: 3\n#Word Tokens: 1,000\n#Search Hits: 0\n1\t61\tthe\n2\t7\tharbour\n3\t2\t2015\n")
        #expect(list.entries.map(\.term) == ["the", "harbour", "2015"])
        #expect(list.entries.map(\.count) == [61, 7, 2])
        #expect(list.declaredTokens == 1000 && list.tokens == 1000)
        #expect(list.entries[2].line == 6)
    }

    @Test func headersNameTheColumnsInAnyOrder() throws {
        let tsv = try WordCountList(parsing: "Rank\tFreq\tType\r\n1\t10\tQuay\r\n2\t4\tdock\r\n")
        #expect(tsv.entries.map(\.term) == ["Quay", "dock"] && tsv.entries.map(\.count) == [10, 4])
        #expect(tsv.declaredTokens == nil && tsv.tokens == 14)
        // lede's own `keywords` CSV: "#" heads the rank column, big counts come quoted with separators.
        let csv = try WordCountList(parsing: "\u{FEFF}#,word,count,per million,docs,range\n1,mr,\"3,002\",3606.6,790,35.5%\n2,\"say, said\",9,1.0,1,0.1%\n")
        #expect(csv.entries.map(\.term) == ["mr", "say, said"])
        #expect(csv.entries.map(\.count) == [3002, 9])
        let plain = try WordCountList(parsing: "harbour,12\n\n# a comment\nquay,3\n")
        #expect(plain.entries.map(\.count) == [12, 3])
    }

    @Test func badListsSayWhichLineAndWhat() {
        func problem(_ text: String) -> String {
            do { _ = try WordCountList(parsing: text); return "accepted" } catch { return "\(error)" }
        }
        #expect(problem("") == "no terms with counts (expected lines like 'word<TAB>count')")
        #expect(problem("# only a comment\n") == "no terms with counts (expected lines like 'word<TAB>count')")
        #expect(problem("word\tscore\nthe\t1\n").hasPrefix("line 1: a header needs a word"))
        #expect(problem("the\t5\nharbour\tmany\n") == "line 2: 'many' is not a count (a whole number of 0 or more)")
        #expect(problem("the\t-5\n") == "line 1: no count in 'the, -5' (a whole number of 0 or more; or a first line naming word and count columns)")
        #expect(problem("the\t5\nport\t-5\n") == "line 2: '-5' is not a count (a whole number of 0 or more)")
        #expect(problem("1\t2\n") == "line 1: no term: every field is a number")
        #expect(problem("1\t5\tthe\n2\tharbour\n") == "line 2: 2 fields, where the first line had 3 or more")
        #expect(problem("#Word Tokens: 3\nthe\t5\n") == "it states 3 tokens but its counts add up to more")
    }

    @Test func listsAreRecognisedByNameOrAntConcHeading() {
        #expect(WordCountList.looksLikeList(path: "/x/ref.TSV", firstLine: "anything"))
        #expect(WordCountList.looksLikeList(path: "/x/ref.csv", firstLine: ""))
        #expect(WordCountList.looksLikeList(path: "/x/wordlist.txt", firstLine: "#Word Types: 11769"))
        #expect(!WordCountList.looksLikeList(path: "/x/story.txt", firstLine: "Harbour fire kills 12"))
    }

    /// A list's terms become units by the rules that count a text: stopwords and numbers are not units, stems
    /// map as they do, n-grams need their length and may not end in a stopword.
    @Test func termsBecomeUnitsLikeTextWords() throws {
        let vocabulary = Vocabulary()
        let terms = ["harbour", "the", "2015", "harbours", "harbour plan", "plan of", "Harbour"]
        let texts = Tokenizer().tokenize(batch: terms.map { Array($0.utf8) }, vocabulary: vocabulary)
        func term(_ k: Int) -> (ids: [UInt32], kinds: [TokenKind]) {
            ((0..<texts[k].tokenCount).map { texts[k].ids[$0] }, (0..<texts[k].tokenCount).map { texts[k].kind(ofToken: $0) })
        }
        let stops = Stopwords(name: "t", words: ["the", "of"])
        let words = try KeywordUnits(forms: vocabulary.allForms(), stopwords: stops)
        #expect(words.unit(ofTerm: term(0).ids, kinds: term(0).kinds).map(words.label) == "harbour")
        #expect(words.unit(ofTerm: term(6).ids, kinds: term(6).kinds) == words.unit(ofTerm: term(0).ids, kinds: term(0).kinds))
        #expect(words.unit(ofTerm: term(1).ids, kinds: term(1).kinds) == nil)
        #expect(words.unit(ofTerm: term(2).ids, kinds: term(2).kinds) == nil)
        #expect(words.unit(ofTerm: term(4).ids, kinds: term(4).kinds) == nil)
        let stems = try KeywordUnits(forms: vocabulary.allForms(), stopwords: stops, stems: StemIndex(vocabulary: vocabulary).stemsAndForms())
        #expect(stems.unit(ofTerm: term(3).ids, kinds: term(3).kinds) == stems.unit(ofTerm: term(0).ids, kinds: term(0).kinds))
        let pairs = try KeywordUnits(forms: vocabulary.allForms(), stopwords: stops, ngram: 2)
        #expect(pairs.unit(ofTerm: term(4).ids, kinds: term(4).kinds).map(pairs.label) == "harbour plan")
        #expect(pairs.unit(ofTerm: term(5).ids, kinds: term(5).kinds) == nil)
        #expect(pairs.unit(ofTerm: term(0).ids, kinds: term(0).kinds) == nil)
    }

    @Test func listCountsAddToATable() throws {
        let (v, texts) = tokenize(["Harbour quay harbour."])
        let units = try KeywordUnits(forms: v.allForms(), stopwords: noStopwords)
        var table = UnitCounts()
        table.add(texts[0], units: units)
        let harbour = try #require(v.id(of: "harbour"))
        table.add(listCounts: [(harbour, 5)], tokens: 100)
        #expect(table.count(harbour) == 7 && table.tokens == 103 && table.documents == 1)
    }
}
