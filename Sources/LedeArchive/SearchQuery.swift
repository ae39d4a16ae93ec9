import Foundation

/// Turns what a user types after `search` into an FTS5 query. FTS5's own syntax passes through — words,
/// "phrases", prefix*, AND / OR / NOT (in capitals), NEAR(…), parentheses, `title:` / `body:` — and a word
/// FTS5 would reject as it stands (`five-year`, `U.S.`, `don't`) becomes a quoted phrase of its parts, as the
/// tokenizer would have split it in the text.
enum SearchQuery {
    static let operators: Set<String> = ["AND", "OR", "NOT"]
    static let columns = ["title:", "body:"]

    static func normalise(_ query: String) -> String {
        var out: [String] = []
        var i = query.startIndex
        while i < query.endIndex {
            let c = query[i]
            if c == " " || c == "\t" || c == "\n" { i = query.index(after: i); continue }
            if c == "\"" {
                // A phrase: kept as typed up to its closing quote (an unclosed one is closed).
                var j = query.index(after: i)
                while j < query.endIndex, query[j] != "\"" { j = query.index(after: j) }
                let phrase = query[query.index(after: i)..<j]
                var word = "\"" + phrase + "\""
                if j < query.endIndex { j = query.index(after: j) }
                if j < query.endIndex, query[j] == "*" { word += "*"; j = query.index(after: j) }
                out.append(word)
                i = j
                continue
            }
            var j = i
            while j < query.endIndex, !" \t\n\"".contains(query[j]) { j = query.index(after: j) }
            out.append(bare(String(query[i..<j])))
            i = j
        }
        return out.joined(separator: " ")
    }

    /// One bare word, with any opening and closing parentheses, column filter and trailing `*` kept.
    static func bare(_ word: String) -> String {
        if operators.contains(word) { return word }
        var core = Substring(word)
        var open = "", close = "", column = "", star = ""
        while core.first == "(" { open += "("; core = core.dropFirst() }
        while core.last == ")" { close += ")"; core = core.dropLast() }
        if core.hasSuffix("*") { star = "*"; core = core.dropLast() }
        for c in columns where core.lowercased().hasPrefix(c) { column = c; core = core.dropFirst(c.count) }
        if core.isEmpty || operators.contains(String(core)) || core.uppercased() == "NEAR" { return word }
        let plain = core.unicodeScalars.allSatisfy { $0.value > 127 || ASCIIWord.alnum($0) || $0 == "_" }
        let body = plain ? String(core) : "\"" + core.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return open + column + body + star + close
    }
}

private enum ASCIIWord {
    static func alnum(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }
}
