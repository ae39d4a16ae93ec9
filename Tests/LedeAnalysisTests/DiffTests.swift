import Testing
import LedeText
import LedeArticles
@testable import LedeAnalysis

/// Plain dynamic-programming LCS length, the reference the word diff is checked against.
func referenceLCS(_ a: [UInt32], _ b: [UInt32]) -> Int {
    if a.isEmpty || b.isEmpty { return 0 }
    var previous = [Int](repeating: 0, count: b.count + 1)
    for x in a {
        var row = [Int](repeating: 0, count: b.count + 1)
        for (j, y) in b.enumerated() { row[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], row[j]) }
        previous = row
    }
    return previous[b.count]
}

@Suite struct WordDiffTests {
    @Test func keptWordsEqualTheLongestCommonSubsequence() {
        var rng = SeededEdits(seed: 42)
        for _ in 0..<400 {
            let alphabet = 2 + rng.int(6)
            let a = (0..<rng.int(40)).map { _ in UInt32(rng.int(alphabet)) }
            let b = (0..<rng.int(40)).map { _ in UInt32(rng.int(alphabet)) }
            let ops = WordDiff.diff(a, b)
            #expect(WordDiff.keptCount(ops) == referenceLCS(a, b), "a=\(a) b=\(b)")
            // The ops cover both sequences in order, and kept runs really are equal.
            var i = 0, j = 0
            for op in ops {
                #expect(op.a.lowerBound == i && op.b.lowerBound == j)
                if op.kind == .equal { #expect(Array(a[op.a]) == Array(b[op.b])) }
                if op.kind == .delete { #expect(op.b.isEmpty) }
                if op.kind == .insert { #expect(op.a.isEmpty) }
                i = op.a.upperBound; j = op.b.upperBound
            }
            #expect(i == a.count && j == b.count)
        }
    }

    @Test func replacementIsOneDeletionThenOneInsertion() {
        let ops = WordDiff.diff([1, 2, 3, 4], [1, 9, 8, 4])
        #expect(ops.map(\.kind) == [.equal, .delete, .insert, .equal])
        #expect(ops[1].a == 1..<3 && ops[2].b == 1..<3)
    }
}

@Suite struct SentenceAlignmentTests {
    func tokenize(_ s: String, _ v: Vocabulary) -> TokenizedText { Tokenizer().tokenize(s, vocabulary: v) }

    @Test(arguments: [1, 2, 3, 4, 5])
    func seededEditsAreCountedExactly(seed: UInt64) {
        var gen = SeededEdits(seed: seed)
        let (old, new, e) = gen.make(blocks: 30)
        let v = Vocabulary()
        let diff = VersionDiff.compare(tokenize(old, v), tokenize(new, v))
        let c = diff.counts
        let got = SeededEdits.Expected(unchanged: c.unchanged, added: c.added, deleted: c.deleted, edited: c.edited, moved: c.moved,
                                       merged: c.merged, split: c.split, wordsAdded: c.wordsAdded, wordsRemoved: c.wordsRemoved)
        #expect(got == e)
    }

    @Test(arguments: SeededEdits.Kind.allCases)
    func eachKindOfEditAlone(kind: SeededEdits.Kind) {
        var gen = SeededEdits(seed: 7)
        let (old, new, e) = gen.make(blocks: 6, kinds: [kind])
        let v = Vocabulary()
        let c = VersionDiff.compare(tokenize(old, v), tokenize(new, v)).counts
        #expect(c.added == e.added && c.deleted == e.deleted && c.edited == e.edited && c.moved == e.moved
                && c.merged == e.merged && c.split == e.split && c.unchanged == e.unchanged, "\(kind): \(c) vs \(e)")
        #expect(c.wordsAdded == e.wordsAdded && c.wordsRemoved == e.wordsRemoved)
    }

    @Test func itemsFollowTheNewTextWithDeletionsInPlace() {
        let v = Vocabulary()
        let a = tokenize("One two three. Four five six. Seven eight nine.", v)
        let b = tokenize("One two three. Seven eight nine. Ten eleven twelve.", v)
        let d = VersionDiff.compare(a, b)
        #expect(d.items.map(\.change) == [.unchanged, .deleted, .unchanged, .added])
        #expect(d.counts.wordsKept == 6 && d.counts.wordsAdded == 3 && d.counts.wordsRemoved == 3)
    }

    @Test func wordOpsPointAtTheChangedTokens() {
        let v = Vocabulary()
        let a = tokenize("At least 12 people were killed in the blast on Monday.", v)
        let b = tokenize("At least 15 people were killed in the blast on Monday.", v)
        let d = VersionDiff.compare(a, b)
        #expect(d.counts.edited == 1)
        let del = d.items[0].words.first { $0.kind == .delete }!, ins = d.items[0].words.first { $0.kind == .insert }!
        #expect(a.surface(ofToken: del.a.lowerBound) == "12" && b.surface(ofToken: ins.b.lowerBound) == "15")
    }

    @Test func emptyAndUnrelatedBodies() {
        let v = Vocabulary()
        let empty = tokenize("", v)
        let both = VersionDiff.compare(empty, empty)
        #expect(both.identical && !both.rewritten && both.counts.similarity == 1 && both.items.isEmpty)
        let text = tokenize("The council approved the budget on Tuesday. Taxes will rise.", v)
        let fromEmpty = VersionDiff.compare(empty, text)
        #expect(fromEmpty.counts.added == 2 && fromEmpty.rewritten && fromEmpty.counts.similarity == 0)
        let other = tokenize("Heavy snow closed mountain roads overnight. Drivers were stranded.", v)
        let unrelated = VersionDiff.compare(text, other)
        #expect(unrelated.rewritten && unrelated.counts.similarity < 0.3)
    }

    @Test func punctuationOnlyChangeIsTrivial() {
        let v = Vocabulary()
        let d = VersionDiff.compare(tokenize("The mayor, smiling, agreed.  It rained", v), tokenize("The mayor smiling agreed. It rained.", v))
        #expect(d.trivial && !d.identical && d.counts.unchanged == 2)
    }

    @Test func fullyRewrittenLongTextStaysLinear() {
        // 20k different words on each side: no fuzzy candidates, no whole-article word diff.
        var gen = SeededEdits(seed: 99)
        let old = SeededEdits.write((0..<1000).map { _ in gen.sentence(length: 20) })
        let new = SeededEdits.write((0..<1000).map { _ in gen.sentence(length: 20) })
        let v = Vocabulary()
        let d = VersionDiff.compare(tokenize(old, v), tokenize(new, v))
        #expect(d.rewritten && d.counts.added == 1000 && d.counts.deleted == 1000)
    }
}

@Suite struct ChangeSummaryTests {
    static let old = """
    At least 12 people were killed when a fire broke out at a market in Lagos on Monday, officials said.

    The fire started in a fabric stall. "We could not reach the upper floor," said one trader.

    Firefighters from the Lagos State Fire Service arrived after an hour.
    """
    static let new = """
    At least 15 people were killed when a fire broke out at a market in Lagos on Monday, officials said.

    The fire started in a fabric stall. Governor Babajide Sanwo-Olu visited the site. “The government will rebuild the market,” he said.

    Firefighters from the Lagos State Fire Service arrived after an hour.

    Correction: An earlier version of this article misstated the day of the fire.
    """

    @Test func findsTheNewsChanges() {
        let v = Vocabulary()
        let t = Tokenizer()
        let d = VersionDiff.compare(t.tokenize(Self.old, vocabulary: v), t.tokenize(Self.new, vocabulary: v),
                                    oldMetadata: ArticleMetadata(title: "Market fire kills 12"),
                                    newMetadata: ArticleMetadata(title: "Market fire kills 15"))
        let s = d.summary
        #expect(s.numbers.map(\.context) == ["At least 12 → 15 people were"])
        #expect(s.headline == ChangeSummary.Headline(old: "Market fire kills 12", new: "Market fire kills 15"))
        #expect(s.quotationsAdded == ["“The government will rebuild the market”"])
        #expect(s.quotationsRemoved == ["“We could not reach the upper floor”"])
        #expect(s.namesAppeared == ["Governor Babajide Sanwo-Olu"])
        #expect(s.namesDisappeared.isEmpty)
        #expect(s.firstParagraph == "edited")
        #expect(s.notices == ["Correction: An earlier version of this article misstated the day of the fire."])
        #expect(d.metadata.map(\.field) == ["title"])
    }

    @Test func unchangedTextHasAnEmptySummary() {
        let v = Vocabulary()
        let t = Tokenizer().tokenize(Self.old, vocabulary: v)
        #expect(VersionDiff.compare(t, t).summary.isEmpty)
    }
}

@Suite struct MinHashTests {
    @Test func nearDuplicatesClusterAndUnrelatedTextsDoNot() {
        var gen = SeededEdits(seed: 3)
        let base = (0..<400).map { _ in UInt32(gen.int(5000)) }
        var copy = base
        copy[200] = 99_999                      // one word changed: 5 of ~396 shingles differ
        let other = (0..<400).map { _ in UInt32(gen.int(5000)) }
        let h = MinHasher()
        let sigs = [base, other, copy].map { h.signature($0.map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }) }
        #expect(h.similarity(sigs[0], sigs[0]) == 1)
        #expect(h.similarity(sigs[0], sigs[2]) > 0.9)
        #expect(h.similarity(sigs[0], sigs[1]) < 0.1)
        let pairs = h.similarPairs(sigs, threshold: 0.8)
        #expect(pairs.map { [$0.first, $0.second] } == [[0, 2]])
        #expect(MinHasher.clusters(count: 3, pairs: pairs) == [[0, 2]])
    }

    @Test func clustersDoNotDependOnTheOrderFormsWereFirstSeen() throws {
        // Parallel loading interns forms in whatever order batches finish: the same texts, tokenised in the
        // opposite order into another vocabulary, must give the same clusters and similarities.
        let story = "The council voted on Tuesday to close the old bridge for repairs, and the work is expected to take most of the coming year while traffic is sent through the town centre."
        let texts = [story, "An unrelated report about the weather in the mountains, where snow fell early this year and roads were closed.",
                     story.replacingOccurrences(of: "Tuesday", with: "Monday")]
        func run(_ order: [Int]) throws -> [NearDuplicates.Cluster] {
            let v = Vocabulary()
            var tokenized = [TokenizedText?](repeating: nil, count: texts.count)
            for i in order { tokenized[i] = Tokenizer().tokenize(texts[i], vocabulary: v) }
            return try NearDuplicates.find(tokenized.map { $0! }, vocabulary: v, threshold: 0.5).clusters
        }
        let forward = try run([0, 1, 2]), backward = try run([2, 1, 0])
        #expect(forward.map(\.members) == [[0, 2]])
        #expect(forward == backward)
    }

    @Test func emptyTextsHaveNoSignature() {
        #expect(MinHasher().signature([]).isEmpty)
        #expect(MinHasher().similarPairs([[], []], threshold: 0.5).isEmpty)
    }
}

/// The summary's search for findings absent from the other version, against a plain search.
@Suite struct MissingFindingsTests {
    @Test func absentFindingsMatchAPlainSearch() {
        var random = SplitMix64(seed: 17)
        let vocabulary = Vocabulary()
        let words = (0..<40).map { "w\($0)" }
        for _ in 0..<40 {
            let text = Tokenizer().tokenize((0..<(20 + random.below(300))).map { _ in words[random.below(words.count)] }.joined(separator: " "),
                                            vocabulary: vocabulary)
            let ids = Array(text.ids)
            // Findings: stretches of the text (present) and random sequences (mostly absent), 1 to 5 tokens.
            var found: [ChangeSummary.Found] = []
            for _ in 0..<30 {
                let n = 1 + random.below(5)
                if random.below(2) == 0, ids.count > n {
                    let at = random.below(ids.count - n)
                    found.append(.init(key: Array(ids[at..<(at + n)]), text: ""))
                } else {
                    let key = (0..<n).map { _ in vocabulary.intern(words[random.below(words.count)]) }
                    found.append(.init(key: key, text: ""))
                }
            }
            found.append(.init(key: [], text: ""))     // an empty finding counts as absent
            let plain = found.map { f in
                f.key.isEmpty || ids.count < f.key.count
                    || !(0...(ids.count - f.key.count)).contains { Array(ids[$0..<($0 + f.key.count)]) == f.key }
            }
            #expect(ChangeSummary.missingFlags(found, from: text) == plain)
        }
    }
}

