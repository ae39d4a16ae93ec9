import Foundation
import LedeText

/// Naive Bayes over TF-IDF features (Rennie et al. 2003 for the complement variant).
/// TF-IDF: tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1 as scikit-learn, rows L2-normalised.
/// Multinomial: log P(c) + Σ x_f log θ_cf with θ_cf = (N_cf + α) / (N_c + α·V).
/// Complement: θ̃_cf from every class but c, w_cf = log θ̃_cf normalised by Σ_f |w_cf|; the class
/// with the smallest Σ x_f w_cf wins.
public struct NaiveBayesModel: Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case complement, multinomial }

    public var format = NaiveBayesModel.formatName
    public var version = NaiveBayesModel.formatVersion
    /// The feature scheme (stemmer, stopwords) the feature strings were made with.
    public var scheme = TopicFeatures.scheme
    public var kind: Kind
    public var alpha: Double
    public var labels: [String]
    /// Feature stems and their idf.
    public var features: [String]
    public var idf: [Double]
    /// Per class, per feature: the log weights described above.
    public var weights: [[Double]]
    public var logPriors: [Double]
    public var trainedOn: Int
    public var minDocumentFrequency: Int

    public static let formatName = "lede-naive-bayes"
    public static let formatVersion = 1

    /// Trains on bags (keys of one `TopicFeatures`) with one label index per bag.
    public static func train(bags: [TermBag], labels: [Int], labelNames: [String], keys: TopicFeatures,
                             kind: Kind = .multinomial, alpha: Double = 0.1, minDocumentFrequency: Int = 2) -> NaiveBayesModel {
        let core = Core.train(bags: bags, labels: labels, classCount: labelNames.count, keyCount: keys.count,
                              kind: kind, alpha: alpha, minDocumentFrequency: minDocumentFrequency)
        return NaiveBayesModel(kind: kind, alpha: alpha, labels: labelNames,
                               features: core.featureKeys.map { keys.keyForms[Int($0)] },
                               idf: core.featureKeys.map { core.idfByKey[Int($0)] },
                               weights: core.weightsByClass.map { w in core.featureKeys.map { w[Int($0)] } },
                               logPriors: core.logPriors, trainedOn: bags.count, minDocumentFrequency: minDocumentFrequency)
    }

    /// Checks a model read from a file.
    public func validate(file: String) throws {
        func bad(_ m: String) -> ModelError { ModelError("\(file): \(m)") }
        if format != Self.formatName { throw bad("not a lede Naive Bayes model (format '\(format)')") }
        if version != Self.formatVersion { throw bad("model format version \(version); this lede reads version \(Self.formatVersion)") }
        if scheme != TopicFeatures.scheme {
            throw bad("model was built on '\(scheme)' features but this lede uses '\(TopicFeatures.scheme)': train it again")
        }
        if labels.count < 2 { throw bad("model has fewer than two labels") }
        if idf.count != features.count || weights.count != labels.count || logPriors.count != labels.count
            || weights.contains(where: { $0.count != features.count }) {
            throw bad("model arrays do not match its features and labels (damaged file)")
        }
    }

    /// Reads and checks a model file.
    public static func load(path: String) throws -> NaiveBayesModel {
        guard let data = FileManager.default.contents(atPath: path) else { throw ModelError("\(path): cannot read the file") }
        // Format and version first, so a model from another lede version gets that message, not a missing field.
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else { throw ModelError("\(path): not valid JSON") }
        if header.format != formatName { throw ModelError("\(path): not a lede Naive Bayes model (format '\(header.format ?? "none")')") }
        if header.version != formatVersion {
            throw ModelError("\(path): model format version \(header.version.map(String.init) ?? "none"); this lede reads version \(formatVersion)")
        }
        let model: NaiveBayesModel
        do { model = try JSONDecoder().decode(NaiveBayesModel.self, from: data) } catch let e as DecodingError {
            switch e {
            case .dataCorrupted: throw ModelError("\(path): not valid JSON")
            case .keyNotFound(let k, _): throw ModelError("\(path): not a lede model (no '\(k.stringValue)' field)")
            case .typeMismatch(_, let c), .valueNotFound(_, let c):
                throw ModelError("\(path): not a lede model (bad field '\(c.codingPath.map(\.stringValue).joined(separator: "."))')")
            @unknown default: throw ModelError("\(path): not a lede model")
            }
        }
        try model.validate(file: path)
        return model
    }

    /// The model file's bytes (written by the engine through `AtomicFile`).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// The model's weights indexed by the keys of a session's vocabulary.
    public func bind(to keys: TopicFeatures) throws -> BoundClassifier {
        var idfByKey = [Double](repeating: 0, count: keys.count)
        var weightsByClass = [[Double]](repeating: [Double](repeating: 0, count: keys.count), count: labels.count)
        var found = 0
        for (f, stem) in features.enumerated() {
            guard let k = keys.key(ofStem: stem) else { continue }
            found += 1
            idfByKey[Int(k)] = idf[f]
            for c in labels.indices { weightsByClass[c][Int(k)] = weights[c][f] }
        }
        if found == 0 { throw ModelError("the model shares no words with the loaded articles (another language or vocabulary?)") }
        return BoundClassifier(core: Core(kind: kind, featureKeys: [], idfByKey: idfByKey, weightsByClass: weightsByClass, logPriors: logPriors),
                               labels: labels, matchedFeatures: found)
    }

    /// The arithmetic, on arrays indexed by key.
    struct Core: Sendable {
        var kind: Kind
        var featureKeys: [UInt32]
        var idfByKey: [Double]
        var weightsByClass: [[Double]]
        var logPriors: [Double]

        static func train(bags: [TermBag], labels: [Int], classCount: Int, keyCount: Int, kind: Kind,
                          alpha: Double, minDocumentFrequency: Int) -> Core {
            var df = [Int32](repeating: 0, count: keyCount)
            for b in bags { for k in b.keys { df[Int(k)] += 1 } }
            let n = Double(bags.count)
            var idf = [Double](repeating: 0, count: keyCount)
            var featureKeys: [UInt32] = []
            for k in 0..<keyCount where Int(df[k]) >= minDocumentFrequency {
                idf[k] = Foundation.log((1 + n) / (1 + Double(df[k]))) + 1
                featureKeys.append(UInt32(k))
            }
            var mass = [[Double]](repeating: [Double](repeating: 0, count: keyCount), count: classCount)
            var docsPerClass = [Double](repeating: 0, count: classCount)
            for (b, bag) in bags.enumerated() {
                let c = labels[b]
                docsPerClass[c] += 1
                let (vs, _) = tfidf(bag, idf: idf)
                for (i, k) in bag.keys.enumerated() where vs[i] > 0 { mass[c][Int(k)] += vs[i] }
            }
            let v = Double(featureKeys.count)
            var weights = [[Double]](repeating: [Double](repeating: 0, count: keyCount), count: classCount)
            switch kind {
            case .multinomial:
                for c in 0..<classCount {
                    let total = featureKeys.reduce(0.0) { $0 + mass[c][Int($1)] }
                    let denominator = Foundation.log(total + alpha * v)
                    for k in featureKeys { weights[c][Int(k)] = Foundation.log(mass[c][Int(k)] + alpha) - denominator }
                }
            case .complement:
                var all = [Double](repeating: 0, count: keyCount)
                for c in 0..<classCount { for k in featureKeys { all[Int(k)] += mass[c][Int(k)] } }
                let allTotal = featureKeys.reduce(0.0) { $0 + all[Int($1)] }
                for c in 0..<classCount {
                    let total = allTotal - featureKeys.reduce(0.0) { $0 + mass[c][Int($1)] }
                    let denominator = Foundation.log(total + alpha * v)
                    var sumAbs = 0.0
                    for k in featureKeys {
                        let w = Foundation.log(all[Int(k)] - mass[c][Int(k)] + alpha) - denominator
                        weights[c][Int(k)] = w
                        sumAbs += abs(w)
                    }
                    if sumAbs > 0 { for k in featureKeys { weights[c][Int(k)] /= sumAbs } }
                }
            }
            let logPriors = docsPerClass.map { Foundation.log(max($0, 1) / max(n, 1)) }
            return Core(kind: kind, featureKeys: featureKeys, idfByKey: idf, weightsByClass: weights, logPriors: logPriors)
        }

        /// TF-IDF values of a bag (aligned with its keys), L2-normalised; and the norm before normalising.
        static func tfidf(_ bag: TermBag, idf: [Double]) -> ([Double], Double) {
            var vs = [Double](repeating: 0, count: bag.keys.count)
            var norm = 0.0
            for i in bag.keys.indices {
                let k = Int(bag.keys[i])
                guard k < idf.count, idf[k] > 0 else { continue }
                let x = (1 + Foundation.log(Double(bag.counts[i]))) * idf[k]
                vs[i] = x
                norm += x * x
            }
            norm = norm.squareRoot()
            if norm > 0 { for i in vs.indices { vs[i] /= norm } }
            return (vs, norm)
        }

        /// Per-class scores, higher is better.
        func scores(_ bag: TermBag) -> [Double] {
            let (vs, _) = Core.tfidf(bag, idf: idfByKey)
            return weightsByClass.indices.map { c in
                let w = weightsByClass[c]
                var s = 0.0
                for (i, k) in bag.keys.enumerated() where vs[i] > 0 && Int(k) < w.count { s += vs[i] * w[Int(k)] }
                switch kind {
                case .multinomial: return logPriors[c] + s
                case .complement: return -s
                }
            }
        }
    }
}
