import Foundation
@testable import LedeArticles
import LedeText

/// The HTML loader (libxml2 events, charset choice, boilerplate classification, metadata) over any bytes. The first
/// byte picks a declared charset, as a server's `Content-Type` would give one.
final class HTMLTarget: FuzzTarget {
    static let charsets: [String?] = [nil, nil, nil, "utf-8", "windows-1252", "iso-8859-1", "utf-16", "shift_jis", "koi8-r", "bogus-charset"]

    // Built once, as a session builds them: a fresh catalog and identifier per input would be most of the run.
    static let stoplists = StopwordCatalog()
    static let languages = SharedLanguageIdentifier()

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let charset = Self.charsets[Int(first) % Self.charsets.count]
        let data = Data(bytes.dropFirst())
        if let doc = try? HTMLArticleParser.parse(data, path: "fuzz.html", declaredCharset: charset, stoplists: Self.stoplists,
                                                       languages: Self.languages) {
            _ = doc.body
            _ = doc.dropped.count
        }
    }
}
