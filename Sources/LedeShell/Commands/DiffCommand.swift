import ArgumentParser
import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

struct DiffCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare versions: aligned sentences, word changes inside changed sentences, NewsEdits counts, change summary.",
        discussion: """
        diff A B compares two versions (e.g. talks@1 talks@2, or two articles); diff NAME walks every consecutive pair.
        Sentences are matched exactly, then fuzzily (--threshold), detecting moved, merged and split sentences;
        words are diffed only inside changed sentences. Inline output colours changes, or marks them [-old-]{+new+}.
        """)

    @Argument(help: "Two versions (A B), or one article whose consecutive versions are compared.") var selectors: [String] = []
    @Flag(name: .long, help: "Unified form: one sentence per line, - old, + new, ~ moved.") var unified = false
    @Option(name: .long, help: "Unchanged sentences shown around each change (--unified).") var context = 3
    @Flag(name: .customLong("side-by-side"), help: "Old and new side by side, fitted to the terminal width.") var sideBySide = false
    @Option(name: .long, help: "Width for --side-by-side (default: the terminal's).") var width: Int?
    @Flag(name: .long, help: "The edit list with byte offsets into both texts, as JSON.") var json = false
    @Flag(name: .customLong("only-changed"), help: "Inline: only the paragraphs that changed.") var onlyChanged = false
    @Flag(name: .long, help: "Only the counts and the change summary.") var summary = false
    @Option(name: .long, help: "Least word similarity (0–1) for two sentences to count as one edited sentence.") var threshold = 0.5

    func validate() throws {
        if selectors.isEmpty { throw ValidationError("give two versions (diff talks@1 talks@2) or one article (diff talks)") }
        if selectors.count > 2 { throw ValidationError("give at most two selectors, got \(selectors.count)") }
        try OptionLimits.check(context, in: OptionLimits.context, "--context")
        if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1], got \(threshold)") }
        if let width { try OptionLimits.check(width, in: OptionLimits.columns, "--width") }
        if [unified, sideBySide, json, summary].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --unified, --side-by-side, --json, --summary")
        }
    }

    struct VersionRef: Codable { var article: String; var name: String?; var version: Int; var label: String }
    struct WordEdit: Codable {
        var op: String
        var old: [Int]?, new: [Int]?
        var oldText: String?, newText: String?
    }
    struct Edit: Codable {
        var change: String
        var moved: Bool
        var similarity: Double
        var oldSentences: [Int], newSentences: [Int]
        /// Byte ranges [start, end) into each version's body.
        var old: [Int]?, new: [Int]?
        var oldText: String?, newText: String?
        var words: [WordEdit]
    }
    struct Pair: Codable {
        var old: VersionRef, new: VersionRef
        var counts: DiffCounts
        var changedPercent: Double
        var identical: Bool, trivial: Bool, rewritten: Bool
        var metadata: [MetadataChange]
        var summary: ChangeSummary
        var edits: [Edit]
    }
    struct Result: CommandResult {
        var pairs: [Pair]
        var blocks: [DisplayBlock] = []
        enum CodingKeys: String, CodingKey { case pairs }
        var display: [DisplayBlock] { blocks }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let ws = shell.workspace
        var comparisons: [(Selection, Selection)] = []
        if selectors.count == 2 {
            let sides = try selectors.map { s -> Selection in
                let picked = try ws.select([s])
                guard picked.count == 1 else {
                    throw CommandError("'\(s)' selects \(picked.count) versions; diff takes one per side (e.g. NAME@2)")
                }
                return picked[0]
            }
            comparisons = [(sides[0], sides[1])]
        } else {
            let articles = try ws.selectArticles(selectors)
            for a in articles where a.versions.count > 1 {
                for k in 1..<a.versions.count {
                    comparisons.append((Selection(article: a, version: a.versions[k - 1]), Selection(article: a, version: a.versions[k])))
                }
            }
            if comparisons.isEmpty {
                let what = articles.count == 1 ? "'\(articles[0].displayName)' has only one version" : "none of the \(articles.count) selected articles has two versions"
                throw CommandError("\(what); load another version with 'load FILE --as NAME', or give two articles: diff A B")
            }
        }
        let columns = width ?? (shell.terminal.stdoutIsTTY ? shell.terminal.size.columns : 160)
        var result = Result(pairs: [])
        for (x, y) in comparisons {
            try Cancellation.check()
            let diff = VersionDiff.compare(x.version, y.version, threshold: threshold)
            let pair = makePair(x, y, diff)
            result.pairs.append(pair)
            if json {
                continue
            }
            var layout = DiffLayout(old: x.version.text, new: y.version.text, diff: diff, pair: pair)
            layout.unified = unified; layout.sideBySide = sideBySide; layout.summaryOnly = summary
            layout.onlyChanged = onlyChanged; layout.context = context; layout.width = columns
            result.blocks += layout.blocks()
        }
        if json, let data = try? JSONEncoder.lede.encode(result) {
            result.blocks = [.text(String(decoding: data, as: UTF8.self))]
        }
        return result
    }

    static func ref(_ s: Selection) -> VersionRef {
        VersionRef(article: s.article.id, name: s.article.name, version: s.version.number,
                   label: "\(s.article.displayName)@\(s.version.number)")
    }

    func makePair(_ x: Selection, _ y: Selection, _ diff: VersionDiff) -> Pair {
        let a = x.version.text, b = y.version.text
        func span(_ t: TokenizedText, _ sentences: [Int]) -> Range<Int>? {
            guard let f = sentences.first, let l = sentences.last else { return nil }
            return t.sentences[f].bytes.lowerBound..<t.sentences[l].bytes.upperBound
        }
        /// The item's sentences on one side, rebuilt once: its word edits are slices of it.
        func passage(_ t: TokenizedText, _ sentences: [Int]) -> TextPassage? {
            guard let f = sentences.first, let l = sentences.last else { return nil }
            return TextPassage(t, tokens: t.sentences[f].tokens.lowerBound..<t.sentences[l].tokens.upperBound,
                               bytes: t.sentences[f].bytes.lowerBound..<t.sentences[l].bytes.upperBound)
        }
        /// A word edit's bytes and text, from the passage when it holds the tokens.
        func piece(_ t: TokenizedText, _ p: TextPassage?, _ tokens: Range<Int>) -> (Range<Int>, String)? {
            guard !tokens.isEmpty else { return nil }
            if let p, p.contains(token: tokens.lowerBound), p.contains(token: tokens.upperBound - 1) {
                let r = p.range(ofTokens: tokens)
                return (r, p.text(r))
            }
            let r = t.range(ofTokens: tokens)
            return (r, t.text(r))
        }
        let edits = diff.items.filter { $0.change != .unchanged }.map { item -> Edit in
            let ra = span(a, item.a), rb = span(b, item.b)
            let pa = passage(a, item.a), pb = passage(b, item.b)
            let words = item.words.filter { $0.kind != .equal }.map { op -> WordEdit in
                let oa = piece(a, pa, op.a), ob = piece(b, pb, op.b)
                return WordEdit(op: op.kind.rawValue, old: oa.map { [$0.0.lowerBound, $0.0.upperBound] }, new: ob.map { [$0.0.lowerBound, $0.0.upperBound] },
                                oldText: oa?.1, newText: ob?.1)
            }
            return Edit(change: item.change.rawValue, moved: item.moved || item.change == .moved, similarity: (item.similarity * 1000).rounded() / 1000,
                        oldSentences: item.a, newSentences: item.b,
                        old: ra.map { [$0.lowerBound, $0.upperBound] }, new: rb.map { [$0.lowerBound, $0.upperBound] },
                        oldText: ra.map { r in pa.map { $0.text(r) } ?? a.text(r) }, newText: rb.map { r in pb.map { $0.text(r) } ?? b.text(r) },
                        words: words)
        }
        var counts = diff.counts
        counts.similarity = (counts.similarity * 1000).rounded() / 1000
        return Pair(old: Self.ref(x), new: Self.ref(y), counts: counts, changedPercent: (diff.changedShare * 1000).rounded() / 10,
                    identical: diff.identical, trivial: diff.trivial, rewritten: diff.rewritten,
                    metadata: diff.metadata, summary: diff.summary, edits: edits)
    }
}
