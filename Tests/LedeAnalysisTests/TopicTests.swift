import Foundation
import Testing
import LedeText
@testable import LedeAnalysis

private func texts(_ bodies: [String]) -> (Vocabulary, [TokenizedText]) {
    let vocabulary = Vocabulary()
    let tokenizer = Tokenizer()
    return (vocabulary, bodies.map { tokenizer.tokenize($0, vocabulary: vocabulary) })
}

@Suite struct TopicTaxonomyTests {
    @Test func builtInTaxonomyHasTheSeventeenIPTCTopics() throws {
        let t = try Taxonomy.builtIn()
        #expect(t.topics.count == 17)
        #expect(t.topics.map(\.code) == (1...17).map { String(format: "%02d000000", $0) })
        #expect(t.topics.first { $0.code == "11000000" }?.name == "politics")
        #expect(t.topics.allSatisfy { $0.terms.count >= 10 || $0.code == "08000000" })
    }

    @Test func malformedTaxonomyNamesTheLine() {
        let bad = """
        {
          "topics": [
            {"code": "A", "terms": {"goal": 2,}}
          ]
        }
        """
        #expect(throws: TaxonomyError.self) { try Taxonomy.parse(Array(bad.utf8), file: "t.json") }
        do { _ = try Taxonomy.parse(Array(bad.utf8), file: "t.json"); Issue.record("accepted") } catch {
            #expect("\(error)".hasPrefix("t.json:3: expected a quoted key"))
        }
        let badWeight = "{\"topics\": [\n {\"code\": \"A\",\n  \"terms\": {\n   \"goal\": -1}}]}"
        do { _ = try Taxonomy.parse(Array(badWeight.utf8), file: "w.json"); Issue.record("accepted") } catch {
            #expect("\(error)" == "w.json:4: weight of \"goal\" in topic \"A\" must be a positive number")
        }
        let noTopics = "{\"name\": \"x\"}"
        do { _ = try Taxonomy.parse(Array(noTopics.utf8), file: "n.json"); Issue.record("accepted") } catch {
            #expect("\(error)" == "n.json:1: missing \"topics\" (an array of topics)")
        }
        let unclosed = "{\"topics\": [\n{\"code\": \"A\", \"terms\": {\"x\": 1}}\n"
        do { _ = try Taxonomy.parse(Array(unclosed.utf8), file: "u.json"); Issue.record("accepted") } catch {
            #expect("\(error)".contains("u.json:3: array opened on line 1 is not closed"))
        }
    }

    @Test func taggerScoresAndExplainsEvidence() throws {
        let json = """
        {"format": "lede-taxonomy", "version": 1, "threshold": 0.2, "smoothing": 1,
         "topics": [
          {"code": "P", "name": "politics", "label": "Politics", "terms": {"election": 3, "prime minister": 4, "vote": 2}},
          {"code": "S", "name": "sport", "label": "Sport", "terms": {"goal": 3, "match": 2}}
         ]}
        """
        let taxonomy = try Taxonomy.parse(Array(json.utf8), file: "mini.json")
        let (vocabulary, docs) = texts([
            "The prime minister called an election. Voters will vote in the election in May.",
            "A late goal won the match, and the goal was the talk of the election night party.",
            "Nothing relevant here at all.",
        ])
        let tagger = TaxonomyTagger(taxonomy: taxonomy, keys: TopicFeatures(vocabulary: vocabulary))
        let first = tagger.score(docs[0])
        #expect(first.first?.code == "P")
        let top = try #require(first.first)
        #expect(abs(top.evidence.map(\.contribution).reduce(0, +) - top.score) < 1e-9)
        #expect(top.score > 0 && top.score <= 1)
        #expect(top.evidence.contains { $0.term == "prime minister" && $0.count == 1 })
        #expect(top.evidence.contains { $0.term == "election" && $0.count == 2 }, "\(top.evidence)")
        let second = tagger.assigned(tagger.score(docs[1]))
        #expect(second.map(\.code) == ["S", "P"], "\(tagger.score(docs[1]))")
        #expect(tagger.score(docs[2]).isEmpty)
    }
}

@Suite struct TopicClassifierTests {
    static let bodies = [
        "The striker scored a goal and the team won the match in the league.",
        "The coach praised the players after the cup match and the late goal.",
        "Fans cheered as the club won the league title with a goal.",
        "Shares rose as the bank reported higher profit and revenue.",
        "Investors sold shares after the company cut its profit forecast.",
        "The bank said profit and revenue grew, lifting the shares.",
    ]
    static let labels = [0, 0, 0, 1, 1, 1]

    @Test func naiveBayesLearnsAndRoundTrips() throws {
        let (vocabulary, docs) = texts(Self.bodies + ["A goal in the match for the team.", "Profit at the bank lifted shares."])
        let keys = TopicFeatures(vocabulary: vocabulary)
        let bags = docs.map { TermBag($0, keys: keys) }
        for kind in NaiveBayesModel.Kind.allCases {
            let model = NaiveBayesModel.train(bags: Array(bags.prefix(6)), labels: Self.labels, labelNames: ["sport", "business"],
                                              keys: keys, kind: kind, alpha: 0.1, minDocumentFrequency: 1)
            let bound = try model.bind(to: keys)
            #expect(bound.predict(bags[6]) == 0)
            #expect(bound.predict(bags[7]) == 1)
            let ranked = bound.classify(bags[7])
            #expect(ranked.first?.label == "business")
            #expect(abs(ranked.map(\.score).reduce(0, +) - 1) < 1e-9)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-nb-\(UUID().uuidString).json").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try model.encoded().write(to: URL(fileURLWithPath: path))
            let loaded = try NaiveBayesModel.load(path: path)
            #expect(loaded.labels == model.labels && loaded.features == model.features && loaded.kind == kind)
            #expect(try loaded.bind(to: keys).predict(bags[6]) == 0)
        }
    }

    @Test func modelFilesFromAnotherVersionOrSchemeAreRefused() throws {
        let (vocabulary, docs) = texts(Self.bodies)
        let keys = TopicFeatures(vocabulary: vocabulary)
        var model = NaiveBayesModel.train(bags: docs.map { TermBag($0, keys: keys) }, labels: Self.labels, labelNames: ["a", "b"],
                                          keys: keys, minDocumentFrequency: 1)
        model.version = 99
        #expect(throws: ModelError.self) { try model.validate(file: "m.json") }
        model.version = NaiveBayesModel.formatVersion
        model.scheme = "raw-words"
        do { try model.validate(file: "m.json"); Issue.record("accepted") } catch {
            #expect("\(error)".contains("built on 'raw-words' features"))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-notmodel-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"hello\": 1}".utf8).write(to: URL(fileURLWithPath: path))
        do { _ = try NaiveBayesModel.load(path: path); Issue.record("accepted") } catch {
            #expect("\(error)".contains("not a lede Naive Bayes model"))
        }
        try Data("{\"format\": \"lede-naive-bayes\", \"version\": 7}".utf8).write(to: URL(fileURLWithPath: path))
        do { _ = try NaiveBayesModel.load(path: path); Issue.record("accepted") } catch {
            #expect("\(error)".hasSuffix("model format version 7; this lede reads version 1"))
        }
        // A model whose words the session has never seen.
        let (otherVocabulary, _) = texts(["Zebra quokka."])
        #expect(throws: ModelError.self) { try model.bind(to: TopicFeatures(vocabulary: otherVocabulary)) }
    }

    @Test func labelsNeedTwoClassesAndNoGaps() {
        #expect(throws: ModelError.self) { try LabelledSet(labels: ["a", "a"], source: .folder) }
        #expect(throws: ModelError.self) { try LabelledSet(labels: [], source: .folder) }
        #expect(throws: ModelError.self) { try LabelledSet(labels: ["a", nil, "b"], source: .field("source")) }
        #expect(throws: ModelError.self) { try LabelSource(parsing: "field:colour") }
        #expect((try? LabelSource(parsing: "FOLDER")) == .folder)
    }

    @Test func crossValidationIsStratifiedAndRepeats() throws {
        let labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
        let a = CrossValidation.stratifiedFolds(labels: labels, folds: 5, seed: 7)
        #expect(a == CrossValidation.stratifiedFolds(labels: labels, folds: 5, seed: 7))
        for f in 0..<5 { #expect(a.indices.filter { a[$0] == f }.count == 2) }
        let (vocabulary, docs) = texts(Self.bodies + Self.bodies.map { $0 + " Again." })
        let keys = TopicFeatures(vocabulary: vocabulary)
        let report = try CrossValidation.naiveBayes(bags: docs.map { TermBag($0, keys: keys) }, labels: Self.labels + Self.labels,
                                                    labelNames: ["sport", "business"], keyCount: keys.count, folds: 3,
                                                    minDocumentFrequency: 1)
        #expect(report.accuracy == 1)
        #expect(report.confusion == [[6, 0], [0, 6]])
        #expect(report.macroF1 == 1)
    }

    @Test func reportCountsMistakes() {
        let r = ClassificationReport(labels: ["a", "b"], truth: [0, 0, 1, 1], predicted: [0, 1, 1, 1], folds: 2, seed: 1)
        #expect(r.accuracy == 0.75)
        #expect(r.confusion == [[1, 1], [0, 2]])
        #expect(abs(r.perClass[1].precision - 2.0 / 3) < 1e-12)
    }
}

@Suite struct TopicLDATests {
    @Test func ldaSeparatesTwoVocabulariesAndRepeatsWithASeed() throws {
        var bodies: [String] = []
        for i in 0..<12 {
            bodies.append(i % 2 == 0 ? "goal striker match league goal cup striker match league referee penalty"
                                     : "profit shares bank revenue profit investors bank shares market dividend")
        }
        let (vocabulary, docs) = texts(bodies)
        let corpus = TopicCorpus(texts: docs, keys: TopicFeatures(vocabulary: vocabulary), minDocumentFrequency: 2, maxDocumentShare: 0.6)
        #expect(corpus.words.count == 14, "\(corpus.words)")
        var options = LDAModel.Options()
        options.iterations = 100
        options.alpha = 0.1
        let model = try LDAModel.fit(corpus, k: 2, options: options)
        let clusters = model.dominantTopics()
        #expect(TopicMetrics.purity(clusters: clusters, labels: bodies.indices.map { $0 % 2 == 0 ? "s" : "b" }) == 1)
        let again = try LDAModel.fit(corpus, k: 2, options: options)
        #expect(again.dominantTopics() == clusters)
        #expect(abs(model.mixture(0).reduce(0, +) - 1) < 1e-9)
        let top = model.topWords(clusters[0], n: 3).map { corpus.words[$0.word] }
        #expect(Set(top).isSubset(of: Set(corpus.words.filter { !["profit", "share", "bank", "revenu", "investor", "market", "dividend", "shares", "revenue", "investors"].contains($0) })))
        let coherence = TopicMetrics.umass(model.topWords(0, n: 5).map(\.word), corpus: corpus)
        // UMass with +1 smoothing: words that always co-occur score slightly above 0.
        #expect(coherence > -1 && coherence <= Foundation.log(2.0))
    }

    @Test func theCorpusDoesNotDependOnTheOrderFormsWereFirstSeen() throws {
        // Parallel loading interns forms in whatever order batches finish; the words a model sees (and so its
        // tie-breaks) must be the same whichever text was interned first.
        let bodies = (0..<8).map { $0 % 2 == 0 ? "goal striker match league goal cup referee penalty" : "profit shares bank revenue market dividend investors" }
        func corpus(_ order: [Int]) -> TopicCorpus {
            let v = Vocabulary()
            var tokenized = [TokenizedText?](repeating: nil, count: bodies.count)
            for i in order { tokenized[i] = Tokenizer().tokenize(bodies[i], vocabulary: v) }
            return TopicCorpus(texts: tokenized.map { $0! }, keys: TopicFeatures(vocabulary: v), minDocumentFrequency: 2, maxDocumentShare: 0.6)
        }
        let forward = corpus(Array(0..<8)), backward = corpus(Array((0..<8).reversed()))
        #expect(forward.words == forward.words.sorted())
        #expect(forward.words == backward.words)
        #expect(forward.documents == backward.documents)
    }

    @Test func purityOfMixedClusters() {
        #expect(TopicMetrics.purity(clusters: [0, 0, 1, 1], labels: ["a", "b", "b", "b"]) == 0.75)
    }
}

@Suite struct LineJSONTests {
    @Test func readsValuesWithLines() throws {
        let doc = try LineJSON.parse(Array("{\n \"a\": [1, 2.5, true, null],\n \"b\": \"x\\u00e9\\n\"\n}".utf8))
        #expect(doc["b"]?.line == 3)
        if case .string(let s, _) = doc["b"]! { #expect(s == "xé\n") } else { Issue.record("not a string") }
        if case .array(let items, let line) = doc["a"]! { #expect(items.count == 4 && line == 2) } else { Issue.record("not an array") }
        #expect(throws: LineJSON.SyntaxError.self) { try LineJSON.parse(Array("{\"a\" 1}".utf8)) }
        #expect(throws: LineJSON.SyntaxError.self) { try LineJSON.parse(Array("[1] x".utf8)) }
    }
}
