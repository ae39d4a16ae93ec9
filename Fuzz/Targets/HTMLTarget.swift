import Foundation
@testable import LedeArticles

/// The HTML loader (libxml2 events, charset choice, boilerplate classification, metadata) over any bytes. The first
/// byte picks a declared charset, as a server's `Content-Type` would give one.
final class HTMLTarget: FuzzTarget {
    static let charsets: [String?] = [nil, nil, nil, "utf-8", "windows-1252", "iso-8859-1", "utf-16", "shift_jis", "koi8-r", "bogus-charset"]

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let charset = Self.charsets[Int(first) % Self.charsets.count]
        let data = Data(bytes.dropFirst())
        if let doc = try? HTMLArticleParser.parse(data, path: "fuzz.html", declaredCharset: charset) {
            _ = doc.body
            _ = doc.dropped.count
        }
    }
}
