import ArgumentParser
import LedeSession
import LedeEngine

/// `--threshold`, declared once for `similar` and `group`.
struct SimilarityThreshold: ParsableArguments {
    @Option(name: .long, help: "Least estimated Jaccard similarity (0–1).") var threshold = 0.8

    func validate() throws {
        if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1], got \(threshold)") }
    }
}
