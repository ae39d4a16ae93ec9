import Foundation
import LedeText

/// Accuracy, macro-F1 and the confusion matrix of predictions against true labels.
public struct ClassificationReport: Sendable, Codable {
    public var labels: [String]
    /// confusion[true][predicted]
    public var confusion: [[Int]]
    public var accuracy: Double
    public var macroF1: Double
    public var perClass: [PerClass]
    public var folds: Int
    public var seed: UInt64

    public struct PerClass: Sendable, Codable {
        public var label: String, precision: Double, recall: Double, f1: Double, support: Int
    }

    public init(labels: [String], truth: [Int], predicted: [Int], folds: Int, seed: UInt64) {
        let n = labels.count
        var m = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for (t, p) in zip(truth, predicted) { m[t][p] += 1 }
        var perClass: [PerClass] = []
        for c in 0..<n {
            let tp = Double(m[c][c])
            let predictedC = Double((0..<n).reduce(0) { $0 + m[$1][c] })
            let actualC = Double(m[c].reduce(0, +))
            let p = predictedC > 0 ? tp / predictedC : 0
            let r = actualC > 0 ? tp / actualC : 0
            perClass.append(PerClass(label: labels[c], precision: p, recall: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0, support: Int(actualC)))
        }
        let correct = (0..<n).reduce(0) { $0 + m[$1][$1] }
        self.labels = labels
        confusion = m
        accuracy = truth.isEmpty ? 0 : Double(correct) / Double(truth.count)
        macroF1 = perClass.isEmpty ? 0 : perClass.map(\.f1).reduce(0, +) / Double(n)
        self.perClass = perClass
        self.folds = folds
        self.seed = seed
    }
}

public enum CrossValidation {
    /// Stratified folds: each class's items are shuffled with the seed and dealt round-robin to the folds.
    public static func stratifiedFolds(labels: [Int], folds k: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var fold = [Int](repeating: 0, count: labels.count)
        var next = 0
        for c in Set(labels).sorted() {
            var members = labels.indices.filter { labels[$0] == c }
            members.shuffle(using: &generator)
            for i in members { fold[i] = next % k; next += 1 }
        }
        return fold
    }

    /// k-fold cross-validated Naive Bayes: idf and weights are fitted on each training part only.
    public static func naiveBayes(bags: [TermBag], labels: [Int], labelNames: [String], keyCount: Int, folds k: Int,
                                  seed: UInt64 = 1, kind: NaiveBayesModel.Kind = .multinomial, alpha: Double = 0.1,
                                  minDocumentFrequency: Int = 2) throws -> ClassificationReport {
        let fold = stratifiedFolds(labels: labels, folds: k, seed: seed)
        var predicted = [Int](repeating: 0, count: bags.count)
        for f in 0..<k {
            try Cancellation.check()
            let train = bags.indices.filter { fold[$0] != f }
            let core = NaiveBayesModel.Core.train(bags: train.map { bags[$0] }, labels: train.map { labels[$0] },
                                                  classCount: labelNames.count, keyCount: keyCount, kind: kind,
                                                  alpha: alpha, minDocumentFrequency: minDocumentFrequency)
            for i in bags.indices where fold[i] == f {
                let s = core.scores(bags[i])
                predicted[i] = s.indices.max { s[$0] < s[$1] || (s[$0] == s[$1] && $0 > $1) } ?? 0
            }
        }
        return ClassificationReport(labels: labelNames, truth: labels, predicted: predicted, folds: k, seed: seed)
    }
}
