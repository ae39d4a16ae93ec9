import Foundation

/// The rules of one robots.txt for one product token (RFC 9309): the groups whose `user-agent` names the token
/// (else the `*` groups), their `allow`/`disallow` rules matched by the longest pattern (`*` any run of characters,
/// `$` the end), allow winning a tie.
public struct RobotsRules: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        public var pattern: String
        /// The line as written, for messages: `Disallow: /private/`.
        public var line: String { "\(allow ? "Allow" : "Disallow"): \(pattern)" }
    }

    public enum Verdict: Sendable, Equatable {
        case allowed
        case disallowed(String)
    }

    public var rules: [Rule]
    /// A `Crawl-delay` in the chosen groups (not part of RFC 9309; honoured up to a limit).
    public var crawlDelay: Double?
    /// `Sitemap:` lines (they apply to every agent).
    public var sitemaps: [String]
    /// Why the host counts as disallowed as a whole (robots.txt unreachable or answering 5xx), nil otherwise.
    public var disallowAllReason: String?

    /// Everything allowed: no robots.txt (a 4xx answer), or robots ignored.
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil, sitemaps: [], disallowAllReason: nil)

    /// Everything disallowed: robots.txt could not be read (5xx, unreachable), RFC 9309 §2.3.1.4.
    public static func disallowAll(_ reason: String) -> RobotsRules {
        RobotsRules(rules: [], crawlDelay: nil, sitemaps: [], disallowAllReason: reason)
    }

    /// Parses robots.txt text for `productToken` (matched case-insensitively against each `user-agent` value's
    /// product name, the part before any `/` or space).
    public init(parsing text: String, productToken: String) {
        let token = productToken.lowercased()
        var sitemaps: [String] = []
        var ownRules: [Rule] = [], starRules: [Rule] = []
        var ownDelay: Double?, starDelay: Double?
        var foundOwn = false, foundStar = false
        var agents: [String] = []
        var inRules = false       // a rule line ended the run of user-agent lines
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if inRules { agents.removeAll(); inRules = false }
                let name = value.lowercased().split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
                agents.append(name)
                if name == token { foundOwn = true }
                if name == "*" { foundStar = true }
            case "allow", "disallow":
                inRules = true
                // An empty `disallow:` matches nothing; an empty `allow:` neither.
                guard !value.isEmpty else { continue }
                let rule = Rule(allow: key == "allow", pattern: value)
                if agents.contains(token) { ownRules.append(rule) }
                if agents.contains("*") { starRules.append(rule) }
            case "crawl-delay":
                inRules = true
                guard let seconds = Double(value), seconds >= 0, seconds.isFinite else { continue }
                if agents.contains(token), ownDelay == nil { ownDelay = seconds }
                if agents.contains("*"), starDelay == nil { starDelay = seconds }
            case "sitemap":
                if !value.isEmpty { sitemaps.append(value) }
            default:
                continue
            }
        }
        self.rules = foundOwn ? ownRules : (foundStar ? starRules : [])
        self.crawlDelay = foundOwn ? ownDelay : starDelay
        self.sitemaps = sitemaps
        self.disallowAllReason = nil
    }

    init(rules: [Rule], crawlDelay: Double?, sitemaps: [String], disallowAllReason: String?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.sitemaps = sitemaps
        self.disallowAllReason = disallowAllReason
    }

    /// The verdict for a URL's path and query (`/news/story?id=3`; an empty path is `/`).
    public func verdict(pathAndQuery: String) -> Verdict {
        if let disallowAllReason { return .disallowed(disallowAllReason) }
        let path = RobotsRules.normalise(pathAndQuery.isEmpty ? "/" : pathAndQuery)
        if path == "/robots.txt" { return .allowed }
        var best: (length: Int, rule: Rule)?
        for rule in rules {
            let pattern = RobotsRules.normalise(rule.pattern)
            guard RobotsRules.matches(pattern: Array(pattern.utf8), path: Array(path.utf8)) else { continue }
            let length = pattern.utf8.count
            if let current = best {
                if length > current.length || (length == current.length && rule.allow && !current.rule.allow) { best = (length, rule) }
            } else {
                best = (length, rule)
            }
        }
        guard let best, !best.rule.allow else { return .allowed }
        return .disallowed(best.rule.line)
    }

    /// Percent-encodes what a URL would (non-ASCII bytes, spaces) and upper-cases existing escapes, so a rule and a
    /// path written differently compare equal (RFC 9309 §2.2.2).
    static func normalise(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        let bytes = Array(s.utf8)
        var i = 0
        let hex = Array("0123456789ABCDEF".utf8)
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) {
                out.append(b); out.append(upper(bytes[i + 1])); out.append(upper(bytes[i + 2]))
                i += 3
                continue
            }
            if b >= 0x80 || b <= 0x20 {
                out.append(UInt8(ascii: "%")); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    private static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x66 ? b - 0x20 : b }

    /// Whether `pattern` matches a prefix of `path` (`*` any run, a final `$` the end of the path). Iterative with
    /// backtracking to the last `*`, so a pattern of many stars costs O(pattern × path) at worst.
    static func matches(pattern: [UInt8], path: [UInt8]) -> Bool {
        var pattern = pattern[...]
        var anchored = false
        if pattern.last == UInt8(ascii: "$") { anchored = true; pattern = pattern.dropLast() }
        let p = Array(pattern)
        var pi = 0, si = 0
        var star: Int? = nil, starSi = 0
        while true {
            if pi == p.count {
                if !anchored || si == path.count { return true }
            } else if p[pi] == UInt8(ascii: "*") {
                star = pi
                starSi = si
                pi += 1
                continue
            } else if si < path.count, p[pi] == path[si] {
                pi += 1
                si += 1
                continue
            }
            // Mismatch (or an anchored pattern ended before the path): let the last star take one more byte.
            guard let s = star, starSi < path.count else { return false }
            starSi += 1
            si = starSi
            pi = s + 1
        }
    }
}
