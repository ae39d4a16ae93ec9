import CLibXML2
import Foundation
import LedeArticles

/// Reads RSS (2.0, 0.9x and 1.0/RDF), Atom 1.0 and sitemaps (`urlset`, news sitemaps, `sitemapindex`) with
/// libxml2's SAX2 parser: one pass, no tree built, no network (external entities and DTDs are never loaded).
/// Elements are matched by local name inside the item element, so namespaced extensions (`dc:date`,
/// `news:title`, `news:publication_date`) need no namespace table.
final class XMLFeedReader {
    private var root: String?
    private var depth = 0
    private var itemDepth: Int?
    private var item = FeedItem()
    private var itemUpdated: String?
    private var guidIsPermaLink = true
    private var text: [UInt8] = []
    private var textStarts: [Int] = []
    private var names: [String] = []
    private(set) var title: String?
    private(set) var link: String?
    private(set) var items: [FeedItem] = []

    /// Parses `data`; throws when the bytes are not XML or not a known feed, or when they are malformed and no item
    /// could be read. A malformed document that still gave items yields them with a warning.
    static func read(_ data: Data, baseURL: URL?) throws -> Feed {
        let reader = XMLFeedReader()
        let (wellFormed, error) = reader.parse(data)
        guard let root = reader.root else {
            throw FeedError.malformed(error ?? "no XML element")
        }
        let format: FeedFormat
        switch root {
        case "rss", "rdf": format = .rss
        case "feed": format = .atom
        case "urlset": format = .sitemap
        case "sitemapindex": format = .sitemapIndex
        default: throw FeedError.notAFeed("the document's root element is <\(root)>, not rss, feed, urlset or sitemapindex")
        }
        var warnings: [String] = []
        if !wellFormed {
            let why = error ?? "not well-formed XML"
            if reader.items.isEmpty { throw FeedError.malformed(why) }
            warnings.append("malformed XML (\(why)); \(reader.items.count) item\(reader.items.count == 1 ? "" : "s") read before or despite it")
        }
        let items = reader.items.map { item -> FeedItem in
            var item = item
            item.link = item.link.map { resolve($0, against: baseURL) }
            return item
        }
        return Feed(format: format, title: reader.title, link: reader.link.map { resolve($0, against: baseURL) }, items: items, warnings: warnings)
    }

    static func resolve(_ link: String, against base: URL?) -> String {
        guard let base, URLComponents(string: link)?.scheme == nil, let url = URL(string: link, relativeTo: base) else { return link }
        return url.absoluteString
    }

    private var itemElement: String {
        switch root {
        case "feed": "entry"
        case "urlset": "url"
        case "sitemapindex": "sitemap"
        default: "item"
        }
    }

    // MARK: - Events

    private func start(_ name: String, attributes: [String: String]) {
        if root == nil { root = name }
        depth += 1
        names.append(name)
        textStarts.append(text.count)
        if itemDepth == nil, name == itemElement, depth >= 2 {
            itemDepth = depth
            item = FeedItem()
            itemUpdated = nil
            text.removeAll(keepingCapacity: true)
            textStarts[textStarts.count - 1] = 0
            if root == "rdf", let about = attributes["about"] { item.id = about }
            return
        }
        if name == "link", root == "feed", let href = attributes["href"] {
            // Atom: the alternate link (a link without rel is one) is the page.
            let rel = attributes["rel"] ?? "alternate"
            if rel == "alternate" {
                if itemDepth != nil { if item.link == nil { item.link = href } } else if link == nil, depth == 2 { link = href }
            }
        }
        if name == "guid" { guidIsPermaLink = attributes["ispermalink"]?.lowercased() != "false" }
    }

    private func end() {
        guard let name = names.popLast(), let start = textStarts.popLast() else { return }
        defer { depth -= 1 }
        let value = String(decoding: text[min(start, text.count)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let itemDepth {
            if depth == itemDepth {
                if item.date == nil { item.date = itemUpdated }
                if item.link == nil, root == "rss", let id = item.id, id.hasPrefix("http") { item.link = id }
                items.append(item)
                self.itemDepth = nil
                text.removeAll(keepingCapacity: true)
                return
            }
            guard !value.isEmpty else { return }
            switch name {
            case "title": if item.title == nil { item.title = value }
            case "link": if item.link == nil, root != "feed" { item.link = value }
            case "loc": if item.link == nil { item.link = value }
            case "guid":
                if item.id == nil { item.id = value }
                if guidIsPermaLink, item.link == nil, value.hasPrefix("http") { item.link = value }
            case "id": if item.id == nil { item.id = value }
            case "pubdate", "published", "publication_date", "date", "issued", "created":
                if item.date == nil { item.date = FeedDate.iso(value) }
            case "updated", "lastmod", "modified":
                if itemUpdated == nil { itemUpdated = FeedDate.iso(value) }
            default: break
            }
            return
        }
        // Feed level: the channel's (RSS) or feed's (Atom) own title and link.
        guard !value.isEmpty else { return }
        let feedLevel = root == "feed" ? depth == 2 : depth == 3 && names.last == "channel"
        if feedLevel {
            if name == "title", title == nil { title = value }
            if name == "link", root != "feed", link == nil { link = value }
        }
    }

    private func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !names.isEmpty { text.append(contentsOf: bytes) }
    }

    // MARK: - libxml2

    private final class Box {
        let reader: XMLFeedReader
        init(_ reader: XMLFeedReader) { self.reader = reader }
    }

    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                                       | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// (well-formed, the first error as `line L: message`).
    private func parse(_ data: Data) -> (Bool, String?) {
        LibXML2.initialised
        guard let ctxt = xmlNewParserCtxt() else { return (false, "libxml2 could not start") }
        defer { xmlFreeParserCtxt(ctxt) }
        guard let sax = ctxt.pointee.sax else { return (false, "libxml2 could not start") }
        let box = Box(self)
        ctxt.pointee._private = Unmanaged.passUnretained(box).toOpaque()
        sax.pointee.startElement = nil
        sax.pointee.endElement = nil
        sax.pointee.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            guard let localname else { return }
            var map: [String: String] = [:]
            if let attributes, attributeCount > 0 {
                for i in 0..<Int(attributeCount) {
                    guard let name = attributes[i * 5], let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4] else { continue }
                    let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                    map[String(cString: name).lowercased()] = value
                }
            }
            XMLFeedReader.reader(ctx).start(String(cString: localname).lowercased(), attributes: map)
        }
        sax.pointee.endElementNs = { ctx, _, _, _ in XMLFeedReader.reader(ctx).end() }
        sax.pointee.characters = { ctx, bytes, length in
            guard let bytes, length > 0 else { return }
            XMLFeedReader.reader(ctx).characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.pointee.cdataBlock = sax.pointee.characters
        sax.pointee.comment = nil
        sax.pointee.processingInstruction = nil
        sax.pointee.reference = nil
        let doc: xmlDocPtr? = withExtendedLifetime(box) {
            data.withUnsafeBytes { raw in
                raw.baseAddress.map { base in
                    xmlCtxtReadMemory(ctxt, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, XMLFeedReader.options)
                } ?? nil
            }
        }
        if let doc { xmlFreeDoc(doc) }
        let wellFormed = ctxt.pointee.wellFormed != 0
        var message: String?
        if !wellFormed {
            let error = ctxt.pointee.lastError
            let text = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed XML"
            message = error.line > 0 ? "line \(error.line): \(text)" : text
        }
        return (wellFormed, message)
    }

    private static func reader(_ ctx: UnsafeMutableRawPointer?) -> XMLFeedReader {
        let ctxt = ctx!.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<Box>.fromOpaque(ctxt.pointee._private!).takeUnretainedValue().reader
    }
}
