/// A selection as the user wrote it, parsed: atoms (`a3`, `talks@2`, `tag:politics`, `date:2026-03..2026-04`)
/// joined by `and`, `or` (or nothing: juxtaposed selectors are a union, as they always were), `not`, and
/// parentheses. `not` binds tightest, then `and`, then `or`:
/// `tag:politics and not source:bbc`, `(tag:sport or tag:arts) and date:2005`.
public indirect enum SelectorExpression: Sendable, Equatable {
    case atom(String)
    /// Every operand's selection, in order, each version once.
    case union([SelectorExpression])
    /// The left selection's versions that the right one also holds, in the left's order.
    case intersection(SelectorExpression, SelectorExpression)
    /// Every article (latest version) the operand does not select.
    case complement(SelectorExpression)

    /// The operator words (any case). An article named like one is selected with `name:and`.
    public static let keywords: Set<String> = ["and", "or", "not"]

    /// Whether the expression uses `and`/`not` (then an atom that matches nothing is not an error by itself).
    public var filters: Bool {
        switch self {
        case .atom: return false
        case .union(let parts): return parts.contains { $0.filters }
        case .intersection, .complement: return true
        }
    }

    /// Parses selector words as the command line split them. Parentheses may stand alone or touch a word:
    /// `(tag:sport or tag:arts)`.
    public static func parse(_ words: [String]) throws -> SelectorExpression {
        var parser = Parser(tokens: tokenize(words))
        if parser.tokens.isEmpty { return .atom("all") }
        let expression = try parser.parseOr()
        if let extra = parser.peek {
            throw SelectorError.syntax(extra == .close ? "')' without a matching '('" : "unexpected '\(extra.text)'")
        }
        return expression
    }

    enum Token: Equatable {
        case word(String), and, or, not, open, close
        var text: String {
            switch self {
            case .word(let w): return w
            case .and: return "and"
            case .or: return "or"
            case .not: return "not"
            case .open: return "("
            case .close: return ")"
            }
        }
    }

    static func tokenize(_ words: [String]) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        for raw in words {
            var word = Substring(raw)
            while word.first == "(" { tokens.append(.open); depth += 1; word = word.dropFirst() }
            // Closing parentheses only as many as are open: `title:*(updated)` keeps its own.
            var closes = 0
            let onlyClosing = word.allSatisfy { $0 == ")" }
            while word.last == ")", closes < depth || onlyClosing { closes += 1; word = word.dropLast() }
            if !word.isEmpty {
                switch word.lowercased() {
                case "and": tokens.append(.and)
                case "or": tokens.append(.or)
                case "not": tokens.append(.not)
                default: tokens.append(.word(String(word)))
                }
            }
            for _ in 0..<closes { tokens.append(.close) }
            depth = max(0, depth - closes)
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func parseOr() throws -> SelectorExpression {
            var parts = [try parseAnd()]
            while let next = peek, next != .close {
                if next == .or {
                    position += 1
                    guard peek != nil, peek != .close else { throw SelectorError.syntax("'or' needs a selector after it") }
                }
                parts.append(try parseAnd())
            }
            return parts.count == 1 ? parts[0] : .union(parts)
        }

        mutating func parseAnd() throws -> SelectorExpression {
            var left = try parseNot()
            while peek == .and {
                position += 1
                guard peek != nil, peek != .close else { throw SelectorError.syntax("'and' needs a selector after it") }
                left = .intersection(left, try parseNot())
            }
            return left
        }

        mutating func parseNot() throws -> SelectorExpression {
            if peek == .not {
                position += 1
                guard peek != nil, peek != .close else { throw SelectorError.syntax("'not' needs a selector after it") }
                return .complement(try parseNot())
            }
            return try parsePrimary()
        }

        mutating func parsePrimary() throws -> SelectorExpression {
            guard let token = peek else { throw SelectorError.syntax("a selector is missing at the end") }
            position += 1
            switch token {
            case .word(let w): return .atom(w)
            case .open:
                guard peek != .close else { throw SelectorError.syntax("'()' holds no selector") }
                let inner = try parseOr()
                guard peek == .close else { throw SelectorError.syntax("'(' without a matching ')'") }
                position += 1
                return inner
            case .and, .or: throw SelectorError.syntax("'\(token.text)' needs a selector before it")
            case .not: throw SelectorError.syntax("'not' needs a selector after it")
            case .close: throw SelectorError.syntax("')' without a matching '('")
            }
        }
    }
}
