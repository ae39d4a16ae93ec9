import ArgumentParser
import LedeSession
import LedeEngine

struct SimilarCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Find near-duplicates (versions, wire copies): MinHash of 5-word shingles, 128 permutations, LSH.",
        discussion: "Similarity is the estimated Jaccard similarity of the bodies' 5-word shingles. 'group' turns each cluster into versions of one article.")

    @Argument(help: "Articles or versions to compare (default: all latest versions).") var selectors: [String] = []
    @OptionGroup var similarity: SimilarityThreshold

    func run(_ context: CommandContext) throws -> any CommandResult {
        try context.engine.similar(SimilarRequest(selectors: selectors, threshold: similarity.threshold))
    }
}

extension SimilarReport: CommandResult {
    public var display: [DisplayBlock] {
        if clusters.isEmpty { return [.text("no near-duplicates at threshold \(Format.fixed(threshold, 2)) among \(Format.plural(compared, "version"))")] }
        var rows: [[String]] = []
        for (k, c) in clusters.enumerated() {
            for m in c { rows.append([String(k + 1), m.article, "\(m.name ?? m.article)@\(m.version)", Format.int(m.words), Format.fixed(m.similarity, 2), m.title ?? ""]) }
        }
        return [.table(Table(columns: [.init("cluster", .right), .init("id"), .init("version"), .init("words", .right),
                                       .init("similarity", .right), .init("title", shrinkable: true)],
                             rows: rows,
                             footer: "\(Format.plural(clusters.count, "cluster")) among \(Format.plural(compared, "version")) (similarity to the cluster's first member; threshold \(Format.fixed(threshold, 2)))"))]
    }
}
