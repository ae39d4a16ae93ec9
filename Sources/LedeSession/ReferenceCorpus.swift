import Foundation
import LedeText
import LedeArticles
import LedeAnalysis

/// A reference corpus read from disk for `keyness --vs PATH`, without adding anything to the workspace: a file
/// or folder of articles (loaded as `load` would, tokenised into the workspace's vocabulary so its ids compare
/// with the target's), or a word list with counts (`WordCountList`), each term tokenised the same way.
public struct ReferenceCorpus: Sendable {
    public enum Content: Sendable {
        case texts([TokenizedText])
        /// Each entry's token ids and kinds, with its count.
        case list(entries: [(ids: [UInt32], kinds: [TokenKind], count: Int)], tokens: Int, statedSize: Bool)
    }

    public var path: String
    public var content: Content
    /// Problems met loading articles (files skipped, bad bytes), for the caller to show as warnings.
    public var problems: [LoadProblem] = []

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads `path` (already resolved against the shell's folder).
    public static func load(_ path: String, vocabulary: Vocabulary, stoplists: StopwordCatalog = StopwordCatalog()) throws -> ReferenceCorpus {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Failure(description: "\(path): no such file or folder")
        }
        if !isFolder.boolValue, let list = try readList(path) {
            return ReferenceCorpus(path: path, content: entries(of: list, vocabulary: vocabulary))
        }
        let report: LoadedFiles
        var options = LoadOptions()
        options.stoplists = stoplists
        do { report = try ArticleLoader(options: options).load(paths: [path], vocabulary: vocabulary) }
        catch { throw Failure(description: "\(path): \(error)") }
        if report.texts.isEmpty {
            let why = report.problems.first.map { ": \($0.message)" } ?? ""
            throw Failure(description: "\(path): no articles to compare with\(why)")
        }
        return ReferenceCorpus(path: path, content: .texts(report.texts), problems: report.problems)
    }

    /// The file as a word list, or nil when it is not one (an article file).
    static func readList(_ path: String) throws -> WordCountList? {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        guard WordCountList.looksLikeList(path: path, firstLine: firstLine) else { return nil }
        do {
            let list = try WordCountList(parsing: text)
            if let big = list.entries.first(where: { $0.count > Int(Int32.max) }) {
                throw WordCountList.Problem(line: big.line, message: "a count of \(big.count) is more than lede counts (2,147,483,647)")
            }
            return list
        } catch let problem as WordCountList.Problem {
            throw Failure(description: "\(path): \(problem)")
        }
    }

    /// Tokenises every term in one batch (one merge into the vocabulary).
    static func entries(of list: WordCountList, vocabulary: Vocabulary) -> Content {
        let texts = Tokenizer().tokenize(batch: list.entries.map { Array($0.term.utf8) }, vocabulary: vocabulary)
        let entries = zip(list.entries, texts).map { entry, text in
            (ids: (0..<text.tokenCount).map { text.ids[$0] }, kinds: (0..<text.tokenCount).map { text.kind(ofToken: $0) }, count: entry.count)
        }
        return .list(entries: entries, tokens: list.tokens, statedSize: list.declaredTokens != nil)
    }
}
