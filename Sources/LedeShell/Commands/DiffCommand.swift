import ArgumentParser
import Foundation
import LedeSession
import LedeEngine

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
    @Option(name: .long, help: "Unchanged sentences shown around each change (--unified; 0–1,000).") var context = 3
    @Flag(name: .customLong("side-by-side"), help: "Old and new side by side, fitted to the terminal width.") var sideBySide = false
    @Option(name: .long, help: "Width for --side-by-side (40–1,000; default: the terminal's).") var width: Int?
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

    func run(_ context: CommandContext) throws -> any CommandResult {
        let report = try context.engine.diff(DiffRequest(selectors: selectors, threshold: threshold))
        if json {
            guard let data = try? JSONEncoder.lede.encode(report) else { return DiffResult(report: report, blocks: []) }
            return DiffResult(report: report, blocks: [.text(Sanitizer.escapeJSON(String(decoding: data, as: UTF8.self)))])
        }
        let columns = width ?? context.output.columns
        let blocks = report.comparisons.flatMap { c -> [DisplayBlock] in
            var layout = DiffLayout(old: c.old.version.text, new: c.new.version.text, diff: c.diff, pair: c.pair)
            layout.unified = unified; layout.sideBySide = sideBySide; layout.summaryOnly = summary
            layout.onlyChanged = onlyChanged; layout.context = self.context; layout.width = columns
            return layout.blocks()
        }
        return DiffResult(report: report, blocks: blocks)
    }
}

/// A diff report with its layout, made for the terminal width and the form asked for.
struct DiffResult: CommandResult {
    var report: DiffReport
    var blocks: [DisplayBlock]
    var display: [DisplayBlock] { blocks }
    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }

    /// One row per changed sentence (or merged/split group): the versions, the change, where it lies in each body
    /// (bytes, [start, end)) and its text. The word edits are in --json.
    var dataTable: DataTable? {
        var rows: [[DataTable.Value]] = []
        func text(_ s: String?) -> DataTable.Value { s.map { .string($0) } ?? .null }
        func bound(_ r: [Int]?, _ k: Int) -> DataTable.Value { r.map { .int($0[k]) } ?? .null }
        func sentences(_ list: [Int]) -> DataTable.Value { list.isEmpty ? .null : .string(list.map { String($0 + 1) }.joined(separator: "; ")) }
        for pair in report.pairs {
            for e in pair.edits {
                rows.append([.string(pair.old.label), .string(pair.new.label), .string(e.change), .bool(e.moved), .double(e.similarity),
                              sentences(e.oldSentences), sentences(e.newSentences), bound(e.old, 0), bound(e.old, 1), bound(e.new, 0), bound(e.new, 1),
                              text(e.oldText), text(e.newText)])
            }
        }
        return DataTable(columns: ["old", "new", "change", "moved", "similarity", "oldSentences", "newSentences",
                                   "oldStart", "oldEnd", "newStart", "newEnd", "oldText", "newText"], rows: rows)
    }
}
