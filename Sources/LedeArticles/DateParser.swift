import Foundation

/// Recognises dates as news pages write them and normalises them to ISO 8601: `2022-03-31` for a day,
/// `2022-03-31T08:15:00Z`-style when an ISO timestamp was given (kept as written, with its offset).
public enum DateParser {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// The first date found in `text`, normalised; nil when there is none.
    public static func normalise(_ text: String) -> String? {
        // Every date form below has digits (a day, a year): text without one is not a date.
        guard text.utf8.contains(where: { $0 &- 0x30 < 10 }) else { return nil }
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = isoDate(s) { return iso }
        return writtenDate(s)
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD`, optionally followed by an ISO time (kept as given).
    static func isoDate(_ s: String) -> String? {
        let u = Array(s.utf8)
        var i = 0
        while i + 10 <= u.count {
            if isDigits(u, i, 4), u[i + 4] == u[i + 7], [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(u[i + 4]),
               isDigits(u, i + 5, 2), isDigits(u, i + 8, 2), i == 0 || !isDigit(u[i - 1]),
               i + 10 == u.count || !isDigit(u[i + 10]) {
                let y = number(u, i, 4), m = number(u, i + 5, 2), d = number(u, i + 8, 2)
                guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { i += 1; continue }
                let day = String(format: "%04d-%02d-%02d", y, m, d)
                // An ISO time right after the date (T or a space, as RFC 3339 allows, then hh:mm) is kept with its
                // zone, written with a T: `2022-03-31 18:40` → `2022-03-31T18:40`.
                var j = i + 10
                if j + 6 <= u.count, u[j] == UInt8(ascii: "T") || u[j] == UInt8(ascii: " "), isDigits(u, j + 1, 2),
                   u[j + 3] == UInt8(ascii: ":"), isDigits(u, j + 4, 2) {
                    j += 6
                    while j < u.count, isDigit(u[j]) || [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "Z")].contains(u[j]) { j += 1 }
                    return day + "T" + String(decoding: u[(i + 11)..<j], as: UTF8.self)
                }
                return day
            }
            i += 1
        }
        return nil
    }

    /// `March 31, 2022`, `31 March 2022`, `Mar. 31 2022`, `Thursday, 31st March 2022`.
    static func writtenDate(_ s: String) -> String? {
        let words = s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (k, w) in words.enumerated() {
            guard let m = months[w] else { continue }
            // Month Day Year
            if k + 2 < words.count, let d = day(words[k + 1]), let y = year(words[k + 2]) { return format(y, m, d) }
            // Day Month Year
            if k >= 1, k + 1 < words.count, let d = day(words[k - 1]), let y = year(words[k + 1]) { return format(y, m, d) }
        }
        return nil
    }

    private static func day(_ w: String) -> Int? {
        let digits = w.prefix(while: { $0.isNumber })
        guard !digits.isEmpty, digits.count <= 2, ["", "st", "nd", "rd", "th"].contains(String(w.dropFirst(digits.count))),
              let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }
    private static func year(_ w: String) -> Int? {
        guard w.count == 4, let y = Int(w), (1900...2100).contains(y) else { return nil }
        return y
    }
    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isDigits(_ u: [UInt8], _ at: Int, _ n: Int) -> Bool {
        guard at + n <= u.count else { return false }
        return (at..<(at + n)).allSatisfy { isDigit(u[$0]) }
    }
    private static func number(_ u: [UInt8], _ at: Int, _ n: Int) -> Int { (at..<(at + n)).reduce(0) { $0 * 10 + Int(u[$1] - 0x30) } }
}
