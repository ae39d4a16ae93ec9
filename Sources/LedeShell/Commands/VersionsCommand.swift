import ArgumentParser
import Foundation
import LedeText
import LedeAnalysis
import LedeSession

struct VersionsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "Timeline of each article's versions: date, words, % of sentences changed from the previous, similarity, trivial changes.")
    static let recordsResult = true

    @Argument(help: "Articles (default: all).") var selectors: [String] = []

    struct Row: Codable {
        var article: String, name: String?, version: Int, date: String?, words: Int
        /// Share of the version's sentences not unchanged from the previous version (nil for the first).
        var changedPercent: Double?
        var similarity: Double?
        /// "trivial" (same words; whitespace, punctuation or case changed), "identical", or nil.
        var flag: String?
        var title: String?
    }
    struct Result: CommandResult {
        var versions: [Row]
        var display: [DisplayBlock] {
            [.table(Table(columns: [.init("article"), .init("ver", .right), .init("date"), .init("words", .right),
                                    .init("changed", .right), .init("similarity", .right), .init("flag"), .init("title", shrinkable: true)],
                          rows: versions.map { r in
                              [r.name ?? r.article, String(r.version), r.date ?? "", Format.int(r.words),
                               r.changedPercent.map { Format.fixed($0, 1) + " %" } ?? "", r.similarity.map { Format.fixed($0, 3) } ?? "",
                               r.flag ?? "", r.title ?? ""]
                          },
                          footer: Format.plural(versions.count, "version")))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let articles = try shell.workspace.selectArticles(selectors)
        var rows: [Row] = []
        for a in articles {
            for (k, v) in a.versions.enumerated() {
                try Cancellation.check()
                var row = Row(article: a.id, name: a.name, version: v.number,
                              date: v.metadata.modified ?? v.metadata.published ?? Self.timestamp(v.loadedAt),
                              words: v.wordCount, title: v.metadata.title)
                if k > 0 {
                    let d = VersionDiff.compare(a.versions[k - 1], v)
                    row.changedPercent = (d.changedShare * 1000).rounded() / 10
                    row.similarity = (d.counts.similarity * 1000).rounded() / 1000
                    row.flag = d.identical ? "identical" : d.trivial ? "trivial" : d.rewritten ? "rewritten" : nil
                }
                rows.append(row)
            }
        }
        return Result(versions: rows)
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
