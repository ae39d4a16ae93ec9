import Foundation
import LedeArticles

/// Turns a fetched page into an article document with LedeArticles' loaders (HTML, or a plain-text page), the
/// server's charset passed on, and the page's URL recorded when the page names no canonical one.
public enum PageExtractor {
    public static func document(from result: FetchResult, options: LoadOptions = LoadOptions()) throws -> ParsedDocument {
        var options = options
        options.declaredCharset = result.charset.map(CharsetNames.decoderName)
        // The final URL stands in for a file path: formats are detected by content, and the URL is what users see.
        guard var document = try DocumentParser.parse(data: result.body, path: result.finalURL, options: options).first else {
            throw LoadError.noBody("page with no article text")
        }
        if document.metadata.url == nil { document.metadata.url = result.finalURL }
        return document
    }
}
