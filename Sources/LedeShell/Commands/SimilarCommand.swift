import ArgumentParser
import LedeText
import LedeAnalysis
import LedeSession

/// `--threshold`, declared once for `similar` and `group`.
struct SimilarityThreshold: ParsableArguments {
    @Option(name: .long, help: "Least estimated Jaccard similarity (0–1).") var threshold = 0.8

    func validate() throws {
        if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1], got \(threshold)") }
    }
}

struct SimilarCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Find near-duplicates (versions, wire copies): MinHash of 5-word shingles, 128 permutations, LSH.",
        discussion: "Similarity is the estimated Jaccard similarity of the bodies' 5-word shingles. 'group' turns each cluster into versions of one article.")

    @Argument(help: "Articles or versions to compare (default: all latest versions).") var selectors: [String] = []
    @OptionGroup var similarity: SimilarityThreshold
    var threshold: Double { similarity.threshold }

    struct Member: Codable { var article: String; var name: String?; var version: Int; var words: Int; var title: String?; var similarity: Double }
    struct PairRow: Codable { var first: String; var second: String; var similarity: Double }
    struct Result: CommandResult {
        var threshold: Double
        var compared: Int
        var clusters: [[Member]]
        var pairs: [PairRow]
        var display: [DisplayBlock] {
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

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let selections = try shell.workspace.select(selectors)
        let (clusters, pairs) = try NearDuplicates.find(selections.map(\.version.text), vocabulary: shell.workspace.vocabulary,
                                                        threshold: threshold)
        func label(_ s: Selection) -> String { "\(s.article.displayName)@\(s.version.number)" }
        return Result(threshold: threshold, compared: selections.count,
                      clusters: clusters.map { c in
                          zip(c.members.map { selections[$0] }, c.similarity).map { s, sim in
                              Member(article: s.article.id, name: s.article.name, version: s.version.number, words: s.version.wordCount,
                                     title: s.version.metadata.title, similarity: (sim * 1000).rounded() / 1000)
                          }
                      },
                      pairs: pairs.map { PairRow(first: label(selections[$0.first]), second: label(selections[$0.second]), similarity: $0.similarity) })
    }
}
