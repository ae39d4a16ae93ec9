import CLibXML2
import Foundation
import LedeText

/// HTML pages: metadata (JSON-LD first, then OpenGraph/meta tags, then the page itself) and main content.
public enum HTMLArticleParser {
    /// `declaredCharset`: the charset the server named in `Content-Type`, which outranks `<meta charset>`;
    /// `stoplists`: where the stoplist of a page's declared language comes from (a load shares one); `languages`:
    /// what tells the language of a page that declares none or the wrong one (a load shares one).
    public static func parse(_ data: Data, path: String, declaredCharset: String? = nil,
                             stoplists: StopwordCatalog = StopwordCatalog(),
                             languages: SharedLanguageIdentifier = SharedLanguageIdentifier()) throws -> ParsedDocument {
        guard let page = HTMLPageReader.read(data, declaredCharset: declaredCharset) else {
            throw LoadError.noBody("HTML page could not be parsed")
        }
        let meta = page.metadata
        let metadata = meta.metadata
        let extraction = HTMLContentExtractor(declaredLanguage: metadata.language, stoplists: stoplists, languages: languages)
            .extract(page.collector, title: metadata.title)
        var paragraphs = extraction.paragraphs
        var dropped = extraction.dropped
        // JSON-LD articleBody is the publisher's own statement of the text: prefer it when the page's
        // visible text yields clearly less (paywalls, script-rendered pages).
        if let body = meta.articleBody {
            let fromPage = paragraphs.reduce(0) { $0 + $1.count }
            if body.count > fromPage * 2 && body.count > 200 {
                dropped = paragraphs.map { DroppedBlock(text: $0, reason: "replaced by JSON-LD articleBody") } + dropped
                paragraphs = splitParagraphs(body)
            }
        }
        if paragraphs.isEmpty { throw LoadError.noBody("HTML page with no extractable article text") }
        return ParsedDocument(path: path, format: .html, metadata: metadata, paragraphs: paragraphs, dropped: dropped,
                              warnings: page.warnings)
    }

    static func splitParagraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

func collapse(_ s: String) -> String {
    // Fast path: ASCII text with single inner spaces only is already collapsed.
    var previousSpace = true
    var alreadyCollapsed = true
    for b in s.utf8 {
        if b >= 0x80 || (b >= 0x09 && b <= 0x0D) || (b == 0x20 && previousSpace) { alreadyCollapsed = false; break }
        previousSpace = b == 0x20
    }
    if alreadyCollapsed && !previousSpace { return s }
    return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
