import Foundation

/// The command language's lexical rules: POSIX-shell quoting and escapes, `#` comments,
/// a trailing `\` continuing the line, and `> FILE` / `>> FILE` redirection of the rendered output.
public struct ParsedLine: Equatable, Sendable {
    public struct Redirect: Equatable, Sendable {
        public var path: String
        public var append: Bool
    }
    public var words: [String]
    public var redirect: Redirect?

    public var isEmpty: Bool { words.isEmpty }
}

public enum LineSyntaxError: Error, Equatable, CustomStringConvertible {
    case unterminatedQuote(Character), missingRedirectTarget, textAfterRedirect(String), danglingEscape, tooManyWords(Int), nulByte

    public var description: String {
        switch self {
        case .unterminatedQuote(let q): return "unterminated \(q == "'" ? "single" : "double") quote"
        case .missingRedirectTarget: return "'>' needs a file name"
        case .textAfterRedirect(let w): return "unexpected '\(w)' after the redirect target (put '> FILE' last)"
        case .danglingEscape: return "line ends with a lone '\\'"
        case .nulByte: return "the line holds a NUL byte (U+0000); nothing was run"
        case .tooManyWords(let n):
            return "the line has \(n) words; a command takes at most \(LineSyntax.maxWords) (use a glob, a folder or a selector pattern)"
        }
    }
}

public enum LineSyntax {
    /// Words a command line may hold. The option parser's work grows with the square of the words (40,000 took
    /// half a minute), so a longer line is refused at once rather than run for minutes.
    public static let maxWords = 4_096

    /// True when a physical line ends with an unescaped, unquoted backslash: the command continues on the next line.
    public static func continues(_ line: String) -> Bool {
        var inSingle = false, inDouble = false, escaped = false
        var lastWasBackslash = false
        var previous: Character = " "
        for ch in line {
            defer { previous = ch }
            lastWasBackslash = false
            if escaped { escaped = false; continue }
            if inSingle { if ch == "'" { inSingle = false }; continue }
            if ch == "\\" { escaped = true; lastWasBackslash = true; continue }
            if inDouble { if ch == "\"" { inDouble = false }; continue }
            if ch == "'" { inSingle = true } else if ch == "\"" { inDouble = true }
            else if ch == "#" && previous.isWhitespace { return false }
        }
        return lastWasBackslash && escaped
    }

    /// Joins a continued line with the next physical line (the backslash and newline vanish).
    public static func join(_ first: String, _ next: String) -> String {
        String(first.dropLast()) + next
    }

    /// Splits one logical line into words and an optional redirection.
    public static func split(_ line: String) throws -> ParsedLine {
        // A file name is cut at a NUL by the system (`save a<NUL>b.json` wrote "a") and Foundation's path
        // functions trap on one; no word of a command line needs it. It comes only from a script or a pipe.
        if line.utf8.contains(0) { throw LineSyntaxError.nulByte }
        var words: [String] = []
        var current = ""
        var inWord = false
        // Whether the current word had any quoted part: a quoted '>' or '#' is literal.
        var quoted = false
        var redirect: ParsedLine.Redirect?
        var pendingRedirect: Bool? = nil   // append flag while waiting for the target
        var chars = Array(line)
        if chars.last == "\n" { chars.removeLast() }
        var i = 0

        func finishWord() throws {
            guard inWord else { return }
            if let append = pendingRedirect {
                redirect = .init(path: current, append: append)
                pendingRedirect = nil
            } else if redirect != nil {
                throw LineSyntaxError.textAfterRedirect(current)
            } else {
                words.append(current)
            }
            current = ""; inWord = false; quoted = false
        }

        while i < chars.count {
            let ch = chars[i]
            switch ch {
            case " ", "\t", "\r", "\n":
                try finishWord()
            case "#" where !inWord:
                i = chars.count
                continue
            case ">" where !quoted || !inWord:
                try finishWord()
                if pendingRedirect != nil || redirect != nil { throw LineSyntaxError.missingRedirectTarget }
                if i + 1 < chars.count, chars[i + 1] == ">" { pendingRedirect = true; i += 1 } else { pendingRedirect = false }
            case "\\":
                guard i + 1 < chars.count else { throw LineSyntaxError.danglingEscape }
                current.append(chars[i + 1]); inWord = true; i += 1
            case "'":
                inWord = true; quoted = true
                i += 1
                while i < chars.count, chars[i] != "'" { current.append(chars[i]); i += 1 }
                if i >= chars.count { throw LineSyntaxError.unterminatedQuote("'") }
            case "\"":
                inWord = true; quoted = true
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    // Inside double quotes a backslash escapes only \ " $ `
                    if chars[i] == "\\", i + 1 < chars.count, "\\\"$`".contains(chars[i + 1]) { i += 1 }
                    current.append(chars[i]); i += 1
                }
                if i >= chars.count { throw LineSyntaxError.unterminatedQuote("\"") }
            default:
                current.append(ch); inWord = true
            }
            i += 1
        }
        try finishWord()
        if pendingRedirect != nil { throw LineSyntaxError.missingRedirectTarget }
        if words.count > maxWords { throw LineSyntaxError.tooManyWords(words.count) }
        return ParsedLine(words: words, redirect: redirect)
    }

    /// Quotes a word so that `split` gives it back unchanged (for completion and history).
    public static func quote(_ word: String) -> String {
        if word.isEmpty { return "''" }
        let special = Set(" \t\n'\"\\#><$`*?[]")
        if !word.contains(where: { special.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

