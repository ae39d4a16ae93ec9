import Foundation

/// A reference word list read from a file: terms with their counts, as AntConc and WordSmith export them, as a
/// spreadsheet saves them, or as lede's own `keywords` writes them in CSV. Parsing only; the caller turns each
/// term into token ids the way a loaded text's words are.
///
/// One entry a line; fields split by tabs when the first entry line has one, else by commas (CSV quoting).
/// - A first line naming its columns is a header: the term is the `word`, `term`, `type`, `n-gram`, `form` or
///   `stem` column, the count the `count`, `freq`, `frequency` or `n` column.
/// - Without one, the first entry line sets the columns: the term is its first field that is not a whole number,
///   the count its last one that is ("the\t61847", "1\t61847\tthe" as AntConc 3 writes it); later lines may
///   have numbers for terms.
/// - `#` starts a comment line (not `#,` or `#<tab>`: that is lede's header); `#Word Tokens: N` (AntConc) or
///   `# tokens: N` gives the size of the corpus the list was made from. Without it the size is the sum of the
///   counts, which is right only when the list holds every word, stopwords included.
/// The same term twice (after the caller's normalisation, or literally) adds up.
public struct WordCountList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var term: String
        public var count: Int
        /// 1-based line of the file, for messages.
        public var line: Int
    }

    public var entries: [Entry] = []
    /// The corpus size the file states, if any.
    public var declaredTokens: Int?

    /// Tokens of the corpus behind the list: the stated size, else the sum of the counts.
    public var tokens: Int { declaredTokens ?? entries.reduce(0) { $0 + $1.count } }

    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var line: Int?
        public var message: String
        public init(line: Int?, message: String) { self.line = line; self.message = message }
        public var description: String { line.map { "line \($0): \(message)" } ?? message }
    }

    static let termColumns: Set<String> = ["word", "term", "type", "n-gram", "ngram", "form", "stem", "token", "lemma"]
    static let countColumns: Set<String> = ["count", "freq", "frequency", "n", "occurrences"]

    /// Whether a file's name or first line says it is a word list rather than an article: a `.tsv` or `.csv`
    /// name, or AntConc's `#Word Types:` opening.
    public static func looksLikeList(path: String, firstLine: Substring) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".csv") { return true }
        let head = firstLine.drop { $0 == "\u{FEFF}" }.lowercased()
        return head.hasPrefix("#word types:") || head.hasPrefix("#total no. of word types:")
    }

    public init(parsing text: String) throws {
        var separator: Character?
        var termColumn: Int?, countColumn: Int?
        var sawEntryLine = false
        // "\r\n" is one Character in a String: split on either.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            var line = rawLine
            if lineNumber == 1 { line = line.drop { $0 == "\u{FEFF}" } }
            if line.allSatisfy(\.isWhitespace) { continue }
            if line.hasPrefix("#"), !line.dropFirst().hasPrefix(","), !line.dropFirst().hasPrefix("\t") {
                if let n = Self.statedTokens(line.dropFirst()) { declaredTokens = n }
                continue
            }
            let sep = separator ?? (line.contains("\t") ? "\t" : ",")
            separator = sep
            let fields = Self.fields(line, separator: sep).map(Self.trimmed)
            if !sawEntryLine {
                sawEntryLine = true
                let names = fields.map { $0.lowercased() }
                if fields.allSatisfy({ Self.wholeNumber($0) == nil }) {
                    let t = names.firstIndex(where: Self.termColumns.contains), c = names.firstIndex(where: Self.countColumns.contains)
                    if let t, let c { termColumn = t; countColumn = c; continue }
                    if t != nil || c != nil {
                        throw Problem(line: lineNumber, message: "a header needs a word (or term, type) column and a count (or freq) column; found \(fields.joined(separator: ", "))")
                    }
                    throw Problem(line: lineNumber, message: "no count in '\(fields.joined(separator: ", "))' (a whole number of 0 or more; or a first line naming word and count columns)")
                }
            }
            if termColumn == nil {
                // No header: the first entry line sets the columns for every line (a later term may be a number).
                guard let t = fields.firstIndex(where: { Self.wholeNumber($0) == nil }) else {
                    throw Problem(line: lineNumber, message: "no term: every field is a number")
                }
                guard let c = fields.lastIndex(where: { Self.wholeNumber($0) != nil }) else {
                    throw Problem(line: lineNumber, message: "no count for '\(fields[t])'")
                }
                termColumn = t; countColumn = c
            }
            guard let t = termColumn, let c = countColumn, t < fields.count, c < fields.count else {
                throw Problem(line: lineNumber, message: "\(fields.count) field\(fields.count == 1 ? "" : "s"), where the first line had \(max(termColumn ?? 0, countColumn ?? 0) + 1) or more")
            }
            let term = String(fields[t]), countField = fields[c]
            guard let count = Self.wholeNumber(countField) else {
                throw Problem(line: lineNumber, message: "'\(countField)' is not a count (a whole number of 0 or more)")
            }
            if term.isEmpty { throw Problem(line: lineNumber, message: "an empty term") }
            entries.append(Entry(term: term, count: count, line: lineNumber))
        }
        if entries.isEmpty { throw Problem(line: nil, message: "no terms with counts (expected lines like 'word<TAB>count')") }
        if let declared = declaredTokens, declared < entries.reduce(0, { $0 + $1.count }) {
            throw Problem(line: nil, message: "it states \(declared) tokens but its counts add up to more")
        }
    }

    /// "Word Tokens: 1,234" (AntConc) or "tokens: 1234", after the `#`.
    static func statedTokens(_ comment: Substring) -> Int? {
        let lower = trimmed(comment).lowercased()
        for prefix in ["word tokens:", "total no. of word tokens:", "tokens:"] where lower.hasPrefix(prefix) {
            return wholeNumber(trimmed(lower.dropFirst(prefix.count)))
        }
        return nil
    }

    /// A count: digits, optionally grouped by commas ("61,847").
    static func wholeNumber(_ field: Substring) -> Int? {
        if let n = Int(field), n >= 0 { return n }
        let groups = field.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, (1...3).contains(groups[0].count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return Int(groups.joined())
    }

    /// A field without the spaces and tabs around it (Foundation's trimming cost half of reading a large list).
    static func trimmed(_ field: Substring) -> Substring {
        guard let first = field.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return field[field.endIndex...] }
        let last = field.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return field[first...last]
    }

    /// Splits a line on `separator`; with commas, "…" quotes a field (a doubled quote inside stands for one).
    static func fields(_ line: Substring, separator: Character) -> [Substring] {
        guard separator == ",", line.contains("\"") else { return line.split(separator: separator, omittingEmptySubsequences: false) }
        var out: [Substring] = [], field = "", quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if quoted {
                if c == "\"" {
                    let next = line.index(after: i)
                    if next < line.endIndex, line[next] == "\"" { field.append("\""); i = next } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == separator {
                out.append(Substring(field)); field = ""
            } else {
                field.append(c)
            }
            i = line.index(after: i)
        }
        out.append(Substring(field))
        return out
    }
}
