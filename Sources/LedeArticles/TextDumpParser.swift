import Foundation

/// Plain-text page dumps: blocks separated by blank lines; the first short line without final punctuation is the title.
public enum TextDumpParser {
    public static func parse(_ text: String, path: String) throws -> ParsedDocument {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        guard !blocks.isEmpty else { throw LoadError.empty }
        var metadata = ArticleMetadata()
        var paragraphs = blocks
        let firstLine = blocks[0].components(separatedBy: "\n")[0]
        if firstLine.count < 200, let last = firstLine.last, !".!?".contains(last) {
            metadata.title = firstLine
            let rest = blocks[0].components(separatedBy: "\n").dropFirst().joined(separator: "\n")
            paragraphs[0] = rest
            paragraphs = paragraphs.filter { !$0.isEmpty }
        }
        return ParsedDocument(path: path, format: .text, metadata: metadata, paragraphs: paragraphs)
    }
}
