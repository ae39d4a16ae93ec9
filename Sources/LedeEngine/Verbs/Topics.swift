import Foundation
import LedeText
import LedeAnalysis
import LedeSession

/// `topics`: LDA by collapsed Gibbs sampling over word stems, for one k or the most coherent k of a range.
public struct TopicsRequest: Sendable {
    public var selectors: [String]
    public var k: ClosedRange<Int>
    public var iterations: Int
    public var seed: UInt64
    /// Dirichlet prior on article mixtures (nil: 5/k).
    public var alpha: Double?
    public var beta: Double
    public var topWords: Int
    public var minDocumentFrequency: Int
    /// Report purity against these labels.
    public var labelFrom: LabelSource?
    /// Write the modelled bag of words here (resolved path).
    public var exportCounts: String?

    public init(selectors: [String] = [], k: ClosedRange<Int> = 5...5, iterations: Int = 200, seed: UInt64 = 1, alpha: Double? = nil,
                beta: Double = 0.01, topWords: Int = 10, minDocumentFrequency: Int = 5, labelFrom: LabelSource? = nil,
                exportCounts: String? = nil) {
        self.selectors = selectors; self.k = k; self.iterations = iterations; self.seed = seed; self.alpha = alpha
        self.beta = beta; self.topWords = topWords; self.minDocumentFrequency = minDocumentFrequency
        self.labelFrom = labelFrom; self.exportCounts = exportCounts
    }
}

public struct TopicsReport: Codable, Sendable {
    public struct TopicRow: Codable, Sendable {
        public var topic: Int
        /// The top words, each its stem's commonest form in the selection; `stems` are what was modelled.
        public var words: [String]
        public var stems: [String]
        public var coherence: Double
        public var articles: Int
    }
    public struct Mixture: Codable, Sendable { public var id: String; public var title: String?; public var topic: Int; public var mixture: [Double] }
    public struct SweepRow: Codable, Sendable { public var k: Int; public var coherence: Double; public var purity: Double? }
    public var k: Int
    public var articles: Int
    public var vocabulary: Int
    public var tokens: Int
    public var iterations: Int
    public var seed: UInt64
    public var coherence: Double
    public var purity: Double?
    public var topics: [TopicRow]
    public var mixtures: [Mixture]
    public var sweep: [SweepRow]?
    public var seconds: Double
}

extension Engine {
    public func topics(_ request: TopicsRequest) throws -> TopicsReport {
        let start = Date()
        let range = request.k
        let selections = try workspace.select(request.selectors)
        try tokenizeTexts(of: selections.map(\.version))
        var labels: [String]?
        if let source = request.labelFrom {
            let raw = selections.map { source.label(of: $0.article, version: $0.version) }
            let missing = raw.filter { $0 == nil }.count
            if missing > 0 { throw EngineError("\(missing) of \(raw.count) selected articles have no \(source) label") }
            labels = raw.map { $0! }
        }
        if range.upperBound > selections.count {
            throw EngineError("--k \(range.upperBound) is more topics than the \(Format.plural(selections.count, "selected article"))")
        }
        let corpus = TopicCorpus(texts: selections.map(\.version.text), keys: indexes.termKeys(), minDocumentFrequency: request.minDocumentFrequency)
        if corpus.tokenCount == 0 { throw EngineError("the selected articles have no words left to model (try a lower --min-df)") }
        if let path = request.exportCounts { try Self.export(corpus, to: path, ids: selections.map(\.article.id)) }
        var options = LDAModel.Options()
        options.iterations = request.iterations
        options.seed = request.seed
        options.alpha = request.alpha
        options.beta = request.beta
        var best: (model: LDAModel, coherence: Double, perTopic: [Double])?
        var sweep: [TopicsReport.SweepRow] = []
        for k in range {
            let model = try LDAModel.fit(corpus, k: k, options: options)
            let perTopic = (0..<k).map { TopicMetrics.umass(model.topWords($0, n: 10).map(\.word), corpus: corpus) }
            let coherence = perTopic.reduce(0, +) / Double(k)
            sweep.append(TopicsReport.SweepRow(k: k, coherence: coherence,
                                               purity: labels.map { TopicMetrics.purity(clusters: model.dominantTopics(), labels: $0) }))
            if best == nil || coherence > best!.coherence { best = (model, coherence, perTopic) }
        }
        let model = best!.model
        let dominant = model.dominantTopics()
        var perTopicCount = [Int](repeating: 0, count: model.k)
        for t in dominant { perTopicCount[t] += 1 }
        let keys = indexes.termKeys()
        let topStems = (0..<model.k).map { t in model.topWords(t, n: request.topWords).map { corpus.words[$0.word] } }
        let wanted = Set(topStems.joined().compactMap { keys.key(ofStem: $0) })
        let forms = CommonestForms.of(keys: wanted, in: selections.map(\.version.text), keys: keys)
        let topics = (0..<model.k).map { t in
            TopicsReport.TopicRow(topic: t, words: topStems[t].map { stem in keys.key(ofStem: stem).flatMap { forms[$0] } ?? stem },
                                  stems: topStems[t], coherence: best!.perTopic[t], articles: perTopicCount[t])
        }
        let mixtures = selections.enumerated().map { i, s in
            TopicsReport.Mixture(id: s.article.id, title: s.version.metadata.title, topic: dominant[i],
                                 mixture: model.mixture(i).map { ($0 * 1000).rounded() / 1000 })
        }
        return TopicsReport(k: model.k, articles: selections.count, vocabulary: corpus.words.count, tokens: corpus.tokenCount,
                            iterations: request.iterations, seed: request.seed, coherence: best!.coherence,
                            purity: labels.map { TopicMetrics.purity(clusters: dominant, labels: $0) },
                            topics: topics, mixtures: mixtures, sweep: range.count > 1 ? sweep : nil, seconds: Date().timeIntervalSince(start))
    }

    /// {"words": [...], "articles": [...], "counts": [[[word, count], ...], ...]}: the bag of words modelled.
    static func export(_ corpus: TopicCorpus, to path: String, ids: [String]) throws {
        struct Export: Encodable { var words: [String]; var articles: [String]; var counts: [[[Int]]] }
        let counts = corpus.documents.map { doc -> [[Int]] in
            var c: [Int32: Int] = [:]
            for w in doc { c[w, default: 0] += 1 }
            return c.keys.sorted().map { [Int($0), c[$0]!] }
        }
        do {
            try AtomicFile.write(try JSONEncoder().encode(Export(words: corpus.words, articles: ids, counts: counts)), to: path)
        } catch let error as SessionFileError {
            throw EngineError("\(error)")
        } catch { throw EngineError("\(path): cannot write (\(error.localizedDescription))") }
    }
}
