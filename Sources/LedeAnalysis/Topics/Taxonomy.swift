import Foundation
import LedeText

/// A topic taxonomy: topics with a code (an IPTC QCode for the built-in one), a short name used in
/// `tag:` selectors, a label, and weighted terms (in a main language, and optionally in others); a term with
/// spaces is a phrase. The file format and the scoring are documented in docs/topics.md; the built-in
/// taxonomy is `Resources/taxonomies/iptc-mediatopics.json`.
public struct Taxonomy: Sendable {
    public struct Topic: Sendable {
        public var code: String
        public var name: String
        public var label: String
        /// Term or phrase → weight (> 0), in file order, in the taxonomy's main `language`.
        public var terms: [(text: String, weight: Double)]
        /// Terms in other languages, by language code ("de", "fr", "es"), in file order.
        public var termsByLanguage: [String: [(text: String, weight: Double)]]

        public init(code: String, name: String, label: String, terms: [(text: String, weight: Double)],
                    termsByLanguage: [String: [(text: String, weight: Double)]] = [:]) {
            self.code = code; self.name = name; self.label = label; self.terms = terms; self.termsByLanguage = termsByLanguage
        }

        /// This topic's terms for a language code (the main terms for the taxonomy's main language).
        public func terms(in language: String, main: String) -> [(text: String, weight: Double)] {
            language == main ? terms : termsByLanguage[language] ?? []
        }
    }

    public var name: String
    public var source: String
    /// Topics scoring at least this are tagged besides the top one.
    public var threshold: Double
    /// Evidence added to the denominator so that a single weak match does not score near 1.
    public var smoothing: Double
    /// How much more a match in the title counts than one in the body (its share of a term's count).
    public var titleWeight: Double
    /// How much more a match in the first paragraph counts, when more paragraphs follow and it is not the title.
    public var leadWeight: Double
    /// The language code of each topic's `terms` ("en" unless the file says otherwise).
    public var language: String
    /// Inflection endings per language code: a stem in that language is compared with one of them removed
    /// (and accents folded), so "wahl" also matches "wahlen" (see `TaxonomyTermTable`).
    public var endings: [String: [String]]
    public var topics: [Topic]
    /// Snowball stems of the words of the English terms, computed once when the file is read (a tagger is
    /// built for every `tag`; words missing here are stemmed then).
    var stemOfTermWord: [String: String] = [:]

    /// The language codes this taxonomy has terms for: the main language first, then the others in order.
    public var languages: [String] {
        var others = Set<String>()
        for t in topics { others.formUnion(t.termsByLanguage.keys) }
        others.remove(language)
        return [language] + others.sorted()
    }

    public static let formatName = "lede-taxonomy"
    public static let formatVersion = 1

    /// The built-in IPTC Media Topics taxonomy, read from the bundle the first time it is asked for.
    public static func builtIn() throws -> Taxonomy { try builtInTaxonomy.get() }

    /// The bundled taxonomy, read on first use: a resource that never changes, not a cache.
    private static let builtInTaxonomy: Result<Taxonomy, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "iptc-mediatopics", withExtension: "json", subdirectory: "Resources/taxonomies") else {
            throw TaxonomyError(file: "iptc-mediatopics.json", line: nil, message: "the built-in taxonomy is missing from the bundle")
        }
        return try Taxonomy.parse(Array(try Data(contentsOf: url)), file: "built-in iptc-mediatopics.json")
    }

    /// Reads a user's taxonomy file.
    public static func load(path: String) throws -> Taxonomy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TaxonomyError(file: path, line: nil, message: "cannot read the file")
        }
        return try parse(Array(data), file: path)
    }

    /// Parses and checks a taxonomy document; every problem names its line.
    public static func parse(_ bytes: [UInt8], file: String) throws -> Taxonomy {
        let root: LineJSON
        do { root = try LineJSON.parse(bytes) } catch let e as LineJSON.SyntaxError {
            throw TaxonomyError(file: file, line: e.line, message: e.message)
        }
        func fail(_ node: LineJSON, _ message: String) -> TaxonomyError { TaxonomyError(file: file, line: node.line, message: message) }
        guard case .object = root else { throw fail(root, "the document must be an object with a \"topics\" array") }
        if let format = root["format"] {
            guard case .string(let f, _) = format, f == formatName else { throw fail(format, "\"format\" must be \"\(formatName)\"") }
        }
        if let version = root["version"] {
            guard case .number(let v, _) = version, Int(v) == formatVersion else {
                throw fail(version, "\"version\" \(version.typeName == "a number" ? "" : "must be a number; ")this lede reads version \(formatVersion)")
            }
        }
        func number(_ key: String, default d: Double, in range: ClosedRange<Double>) throws -> Double {
            guard let node = root[key] else { return d }
            guard case .number(let v, _) = node, range.contains(v) else {
                throw fail(node, "\"\(key)\" must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return v
        }
        let threshold = try number("threshold", default: 0.25, in: 0...1)
        let smoothing = try number("smoothing", default: 3, in: 0...1000)
        let titleWeight = try number("titleWeight", default: 3, in: 1...100)
        let leadWeight = try number("leadWeight", default: 2, in: 1...100)
        var name = file
        if let n = root["name"] {
            guard case .string(let s, _) = n else { throw fail(n, "\"name\" must be a string") }
            name = s
        }
        func languageKey(_ text: String, _ line: Int) throws -> String {
            guard let code = languageCode(text) else {
                throw TaxonomyError(file: file, line: line, message: "\"\(text)\" is not a language code (e.g. \"en\", \"de\")")
            }
            return code
        }
        var language = "en"
        if let l = root["language"] {
            guard case .string(let s, _) = l else { throw fail(l, "\"language\" must be a language code such as \"en\"") }
            language = try languageKey(s, l.line)
        }
        var endings: [String: [String]] = [:]
        if let e = root["endings"] {
            guard case .object(let members, _) = e else { throw fail(e, "\"endings\" must be an object of language: [ending, ...]") }
            for m in members {
                guard case .array(let items, _) = m.value else {
                    throw TaxonomyError(file: file, line: m.line, message: "endings of \"\(m.key)\" must be an array of strings")
                }
                var list: [String] = []
                for item in items {
                    guard case .string(let s, _) = item, !s.isEmpty, !s.contains(" "), !s.contains("*") else {
                        throw fail(item, "each ending of \"\(m.key)\" must be a non-empty string without spaces")
                    }
                    list.append(s.lowercased())
                }
                endings[try languageKey(m.key, m.line)] = list
            }
        }
        func readTerms(_ node: LineJSON, code: String, what: String) throws -> [(text: String, weight: Double)] {
            guard case .object(let members, _) = node else {
                throw fail(node, "\"\(what)\" of topic \"\(code)\" must be an object of term: weight")
            }
            var terms: [(text: String, weight: Double)] = []
            for m in members {
                guard case .number(let w, _) = m.value, w > 0, w.isFinite else {
                    throw TaxonomyError(file: file, line: m.line, message: "weight of \"\(m.key)\" in topic \"\(code)\" must be a positive number")
                }
                let t = m.key.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
                if t.isEmpty { throw TaxonomyError(file: file, line: m.line, message: "empty term in topic \"\(code)\"") }
                if t.contains("*") {
                    let body = t.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
                    let stars = t.count - body.count
                    guard stars == 1, !body.contains(" "), !body.contains("*"), body.count >= 3 else {
                        throw TaxonomyError(file: file, line: m.line, message:
                            "term \"\(m.key)\" in topic \"\(code)\": a wildcard term is one word of at least 3 letters with one * at its start or its end")
                    }
                }
                terms.append((t, w))
            }
            return terms
        }
        guard let topicsNode = root["topics"] else { throw fail(root, "missing \"topics\" (an array of topics)") }
        guard case .array(let items, _) = topicsNode else { throw fail(topicsNode, "\"topics\" must be an array, found \(topicsNode.typeName)") }
        if items.isEmpty { throw fail(topicsNode, "\"topics\" is empty") }
        var topics: [Topic] = []
        var codes = Set<String>()
        for item in items {
            guard case .object = item else { throw fail(item, "each topic must be an object, found \(item.typeName)") }
            func text(_ key: String, required: Bool) throws -> String? {
                guard let node = item[key] else {
                    if required { throw fail(item, "topic is missing \"\(key)\"") }
                    return nil
                }
                guard case .string(let s, _) = node, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail(node, "\"\(key)\" must be a non-empty string")
                }
                return s
            }
            let code = try text("code", required: true)!
            let label = try text("label", required: false) ?? code
            let shortName = try text("name", required: false) ?? label
            if !codes.insert(code).inserted { throw fail(item, "topic code \"\(code)\" appears twice") }
            guard let termsNode = item["terms"] else { throw fail(item, "topic \"\(code)\" is missing \"terms\"") }
            let terms = try readTerms(termsNode, code: code, what: "terms")
            if terms.isEmpty { throw fail(termsNode, "topic \"\(code)\" has no terms") }
            var byLanguage: [String: [(text: String, weight: Double)]] = [:]
            if let node = item["termsByLanguage"] {
                guard case .object(let members, _) = node else {
                    throw fail(node, "\"termsByLanguage\" of topic \"\(code)\" must be an object of language: {term: weight}")
                }
                for m in members {
                    let lang = try languageKey(m.key, m.line)
                    if lang == language {
                        throw TaxonomyError(file: file, line: m.line, message: "topic \"\(code)\": terms in \"\(lang)\", the main language, belong in \"terms\"")
                    }
                    byLanguage[lang, default: []] += try readTerms(m.value, code: code, what: "termsByLanguage.\(m.key)")
                }
            }
            topics.append(Topic(code: code, name: shortName.lowercased().replacingOccurrences(of: " ", with: "-"), label: label, terms: terms,
                                termsByLanguage: byLanguage))
        }
        var taxonomy = Taxonomy(name: name, source: file, threshold: threshold, smoothing: smoothing, titleWeight: titleWeight,
                                leadWeight: leadWeight, language: language, endings: endings, topics: topics)
        if language == "en" {
            for t in topics { for term in t.terms { for w in term.text.split(separator: " ") where taxonomy.stemOfTermWord[String(w)] == nil {
                taxonomy.stemOfTermWord[String(w)] = TopicFeatures.stem(String(w))
            } } }
        }
        return taxonomy
    }
}

public struct TaxonomyError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
