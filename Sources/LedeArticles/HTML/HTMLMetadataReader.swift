import CLibXML2
import Foundation
import LedeText

/// Reads a page's metadata in order of trust: JSON-LD (schema.org NewsArticle and kin), OpenGraph and
/// article:* meta tags, plain meta tags, then `<title>` and `<html lang>`.
struct HTMLMetadataReader {
    var jsonLD = ArticleMetadata()
    var og = ArticleMetadata()
    var plain = ArticleMetadata()
    var titleTag: String?
    var siteName: String?
    var canonical: String?
    var language: String?
    var articleBody: String?
    var firstTimeElement: String?

    static let articleTypes: Set<String> = ["newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                                            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
                                            "liveblogposting", "webpage", "techarticle", "scholarlyarticle", "report"]

    var metadata: ArticleMetadata {
        var m = ArticleMetadata()
        let rawTitle = jsonLD.title ?? og.title ?? titleTag
        m.title = rawTitle.map { HTMLMetadataReader.removeSiteSuffix($0, siteName: siteName ?? jsonLD.source) }
        m.published = jsonLD.published ?? og.published ?? plain.published ?? firstTimeElement
        m.modified = jsonLD.modified ?? og.modified ?? plain.modified
        m.source = jsonLD.source ?? siteName ?? plain.source
        m.author = jsonLD.author ?? og.author ?? plain.author
        m.url = canonical ?? og.url ?? jsonLD.url
        m.language = language
        m.published = m.published.flatMap(DateParser.normalise)
        m.modified = m.modified.flatMap(DateParser.normalise)
        return m
    }

    /// An element starts (events in document order, see `HTMLPageReader`); returns whose text to capture.
    mutating func start(tag: String, attributes: HTMLAttributes) -> HTMLTextCapture {
        switch tag {
        case "html":
            language = attributes.attribute("lang").flatMap(nonEmpty) ?? attributes.attribute("xml:lang").flatMap(nonEmpty)
        case "title":
            if titleTag == nil { return .title }
        case "meta":
            readMeta(attributes)
        case "link":
            if attributes.attribute("rel")?.lowercased() == "canonical", canonical == nil { canonical = attributes.attribute("href").flatMap(nonEmpty) }
        case "script":
            if attributes.attribute("type")?.lowercased().contains("ld+json") == true { return .jsonLD }
        case "time":
            if firstTimeElement == nil { firstTimeElement = attributes.attribute("datetime").flatMap(nonEmpty) }
        default: break
        }
        return .none
    }

    /// The text of the first <title> (all of it, nested elements included).
    mutating func endTitle(_ text: [UInt8]) {
        if titleTag == nil { titleTag = nonEmpty(collapse(String(decoding: text, as: UTF8.self))) }
    }

    mutating func endJSONLD(_ text: [UInt8]) { readJSONLD(text) }

    /// The meta keys `readMeta` uses; other meta tags (most of a page's) skip reading and collapsing content.
    static let knownMetaKeys: Set<String> = [
        "og:title", "og:site_name", "og:url", "article:published_time", "og:published_time", "article:published",
        "article:modified_time", "og:updated_time", "article:modified", "og:modified_time", "article:author",
        "og:article:author", "author", "byl", "dc.creator", "sailthru.author", "parsely-author", "date", "pubdate",
        "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date",
        "datepublished", "article.published", "publication_date", "date.release", "citation_publication_date", "lastmod",
        "last-modified", "dcterms.modified", "datemodified", "article.updated", "dc.date.modified", "dc.publisher",
        "publisher", "application-name", "twitter:site", "language", "dc.language", "og:locale",
    ]

    mutating func readMeta(_ node: HTMLAttributes) {
        let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "").lowercased()
        // An unknown key matters only through the http-equiv content-language branch below.
        if !Self.knownMetaKeys.contains(key) && (language != nil || !node.hasAttribute("http-equiv")) { return }
        guard let content = node.attribute("content").flatMap({ nonEmpty(collapse($0)) }) else {
            if language == nil, let l = node.attribute("http-equiv"), l.lowercased() == "content-language" { language = node.attribute("content") }
            return
        }
        func set(_ field: WritableKeyPath<ArticleMetadata, String?>, in target: inout ArticleMetadata) {
            if target[keyPath: field] == nil { target[keyPath: field] = content }
        }
        switch key {
        case "og:title": set(\.title, in: &og)
        case "og:site_name": if siteName == nil { siteName = content }
        case "og:url": set(\.url, in: &og)
        case "article:published_time", "og:published_time", "article:published": set(\.published, in: &og)
        case "article:modified_time", "og:updated_time", "article:modified", "og:modified_time": set(\.modified, in: &og)
        case "article:author", "og:article:author":
            if !content.hasPrefix("http") { set(\.author, in: &og) }
        case "author", "byl", "dc.creator", "sailthru.author", "parsely-author":
            set(\.author, in: &plain)
        case "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date",
             "sailthru.date", "datepublished", "article.published", "publication_date", "date.release", "citation_publication_date":
            set(\.published, in: &plain)
        case "lastmod", "last-modified", "dcterms.modified", "datemodified", "article.updated", "dc.date.modified":
            set(\.modified, in: &plain)
        case "dc.publisher", "publisher", "application-name", "twitter:site":
            if key != "twitter:site" { set(\.source, in: &plain) }
        case "language", "dc.language", "og:locale":
            if language == nil { language = content.replacingOccurrences(of: "_", with: "-") }
        default: break
        }
    }

    mutating func readJSONLD(_ text: [UInt8]) {
        guard let json = try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed]) else { return }
        visit(json)
    }

    private mutating func visit(_ value: Any) {
        if let array = value as? [Any] { for v in array { visit(v) }; return }
        guard let object = value as? [String: Any] else { return }
        if let graph = object["@graph"] { visit(graph) }
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        guard types.contains(where: { Self.articleTypes.contains($0.lowercased()) }) else {
            if let main = object["mainEntity"] { visit(main) }
            return
        }
        let isWebPage = types.allSatisfy { $0.lowercased() == "webpage" }
        if !isWebPage, jsonLD.title == nil { jsonLD.title = string(object["headline"]) ?? string(object["name"]) }
        if jsonLD.published == nil { jsonLD.published = string(object["datePublished"]) ?? string(object["dateCreated"]) }
        if jsonLD.modified == nil { jsonLD.modified = string(object["dateModified"]) }
        if !isWebPage, jsonLD.author == nil { jsonLD.author = names(object["author"]) ?? names(object["creator"]) }
        if jsonLD.source == nil { jsonLD.source = names(object["publisher"]) ?? names(object["sourceOrganization"]) }
        if jsonLD.url == nil { jsonLD.url = string(object["url"]) }
        if articleBody == nil, let body = string(object["articleBody"]) ?? string(object["text"]) {
            articleBody = HTMLMetadataReader.unescapeMarkup(body)
        }
    }

    private func string(_ v: Any?) -> String? {
        if let s = v as? String { return nonEmpty(s.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let a = v as? [Any], let first = a.first { return string(first) }
        if let o = v as? [String: Any] { return string(o["@value"]) ?? string(o["@id"]) }
        return nil
    }

    /// Author/publisher: a string, an object with a name, or a list of those (joined with ", ").
    private func names(_ v: Any?) -> String? {
        if let s = v as? String { return s.hasPrefix("http") ? nil : nonEmpty(s.trimmingCharacters(in: .whitespaces)) }
        if let o = v as? [String: Any] { return string(o["name"]) }
        if let a = v as? [Any] {
            let all = a.compactMap { names($0) }
            var seen = Set<String>()
            let unique = all.filter { seen.insert($0).inserted }
            return unique.isEmpty ? nil : unique.joined(separator: ", ")
        }
        return nil
    }

    /// articleBody sometimes carries HTML; libxml2 turns it into text (paragraph breaks kept as newlines).
    static func unescapeMarkup(_ body: String) -> String {
        guard body.contains("<") && body.contains(">") else { return body }
        let reader = MarkupText()
        var markup = "<div>" + body + "</div>"
        let parsed = markup.withUTF8 { HTMLEventParser.parse($0, encoding: "UTF-8", ignoreDeclared: true, into: reader).parsed }
        return parsed ? String(decoding: reader.out, as: UTF8.self) : body
    }

    /// The text of a markup fragment: a newline around each block element, scripts and styles left out.
    private final class MarkupText: HTMLEventSink {
        var out: [UInt8] = []
        private var blocks: [Bool] = []         // per open element: does it break lines?
        private var skipping = 0

        func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: HTMLAttributes) {
            let tag = HTMLTagName.lowercased(name)
            if skipping > 0 || tag == "script" || tag == "style" { skipping += 1; blocks.append(false); return }
            let block = !HTMLContentExtractor.inlineTags.contains(tag)
            if block { out.append(0x0A) }
            blocks.append(block)
        }

        func endElement() {
            guard let block = blocks.popLast() else { return }
            if skipping > 0 { skipping -= 1; return }
            if block { out.append(0x0A) }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            if skipping == 0 { out.append(contentsOf: bytes) }
        }
    }

    /// "Headline | Site", "Headline - Site", "Site: Headline": the site's part goes when it is the known site
    /// name, or when it is the short last part after " | ", " - ", " — " or " – ".
    static func removeSiteSuffix(_ title: String, siteName: String?) -> String {
        let t = collapse(title)
        for separator in [" | ", " - ", " — ", " – ", " :: ", " · ", " • "] {
            let parts = t.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            if let site = siteName?.lowercased() {
                if parts.last!.lowercased().contains(site) || site.contains(parts.last!.lowercased()) {
                    return parts.dropLast().joined(separator: separator)
                }
                if parts.first!.lowercased() == site { return parts.dropFirst().joined(separator: separator) }
            }
            let head = parts.dropLast().joined(separator: separator)
            if parts.last!.count < head.count && parts.last!.split(separator: " ").count <= 4 { return head }
        }
        return t
    }
}
