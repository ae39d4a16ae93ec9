import Foundation

/// A stopword list: lower-case forms, from the bundled jusText stoplists (BSD, see Resources/stoplists/LICENSE.rst)
/// or a user's file (one word a line, `#` comments).
public struct Stopwords: Sendable {
    public let name: String
    public let words: Set<String>

    public init(name: String, words: Set<String>) { self.name = name; self.words = words }

    public func contains(_ form: String) -> Bool { words.contains(form) }

    /// The empty list (`--stopwords none`).
    public static let none = Stopwords(name: "none", words: [])

    /// English, loaded once.
    public static let english: Stopwords = (try? named("English")) ?? .none

    /// Names of the bundled languages ("English", "French", …).
    public static var availableLanguages: [String] {
        guard let dir = Bundle.module.url(forResource: "stoplists", withExtension: nil, subdirectory: "Resources"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// A bundled list by language name, case-insensitive.
    public static func named(_ language: String) throws -> Stopwords {
        guard let match = availableLanguages.first(where: { $0.caseInsensitiveCompare(language) == .orderedSame }),
              let url = Bundle.module.url(forResource: match, withExtension: "txt", subdirectory: "Resources/stoplists") else {
            throw StopwordsError.unknownLanguage(language)
        }
        return Stopwords(name: match, words: try parse(String(contentsOf: url, encoding: .utf8)))
    }

    /// A user's file.
    public static func load(path: String) throws -> Stopwords {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw StopwordsError.unreadable(path) }
        return Stopwords(name: path, words: parse(text))
    }

    /// `none`, a language name, or a file path.
    public static func resolve(_ spec: String) throws -> Stopwords {
        if spec.lowercased() == "none" { return .none }
        if spec.contains("/") || FileManager.default.fileExists(atPath: spec) { return try load(path: spec) }
        return try named(spec)
    }

    static func parse(_ text: String) -> Set<String> {
        var out = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let w = line.trimmingCharacters(in: .whitespaces)
            if w.isEmpty || w.hasPrefix("#") { continue }
            out.insert(w.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
        }
        return out
    }
}

public enum StopwordsError: Error, CustomStringConvertible {
    case unknownLanguage(String), unreadable(String)
    public var description: String {
        switch self {
        case .unknownLanguage(let l): return "no stopword list for '\(l)' (try a language name such as English, or a file, or none)"
        case .unreadable(let p): return "\(p): cannot read stopword file"
        }
    }
}
