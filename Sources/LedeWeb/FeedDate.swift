import Foundation
import LedeArticles

/// Feed dates to ISO 8601. RSS writes RFC 822 dates (`Tue, 10 Jun 2003 04:00:00 GMT`), turned into UTC
/// (`2003-06-10T04:00:00Z`); Atom, JSON Feed and sitemaps write RFC 3339 / W3C dates, kept as written.
enum FeedDate {
    static func iso(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let first = trimmed.utf8.first, first >= 0x30 && first <= 0x39, trimmed.utf8.count >= 10,
           Array(trimmed.utf8)[4] == UInt8(ascii: "-") {
            return DateParser.normalise(trimmed)
        }
        return rfc822(trimmed) ?? DateParser.normalise(trimmed)
    }

    private static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                                 "oct": 10, "nov": 11, "dec": 12]
    private static let zones = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
                                "mst": -420, "mdt": -360, "pst": -480, "pdt": -420]

    /// `[Day,] DD Mon YYYY HH:MM[:SS] ZONE` (RFC 822 §5, with 4-digit years as RFC 1123 has them).
    static func rfc822(_ text: String) -> String? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map { $0.lowercased() }
        if let first = words.first, first.count >= 3, first.allSatisfy(\.isLetter), months[String(first.prefix(3))] == nil {
            words.removeFirst()   // the day name
        }
        guard words.count >= 4, let day = Int(words[0]), let month = months[String(words[1].prefix(3))],
              var year = Int(words[2]) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2, (1...31).contains(day), (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
        let seconds = time.count > 2 ? time[2] : 0
        var offset = 0
        if words.count > 4 {
            let zone = words[4]
            if let named = zones[zone] {
                offset = named
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let hhmm = Int(zone.dropFirst()) {
                offset = (sign == "-" ? -1 : 1) * ((hhmm / 100) * 60 + hhmm % 100)
            }
        }
        var components = DateComponents()
        components.year = year; components.month = month; components.day = day
        components.hour = time[0]; components.minute = time[1]; components.second = seconds
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        guard let local = calendar.date(from: components) else { return nil }
        let utc = local.addingTimeInterval(TimeInterval(-offset * 60))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: utc)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
