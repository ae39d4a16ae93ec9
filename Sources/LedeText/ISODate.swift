/// ISO 8601 dates and times as lede's loaders, session files and archives write them (`2026-03-05`,
/// `2026-03-05T18:40`, `2026-03-05T18:40:00.250+01:00`, `…Z`), read without Foundation: tens of thousands of
/// them are read when a session or an archive opens.
public enum ISODate {
    /// Seconds since 1970 in UTC (a date alone is its midnight, a time without a zone is read as UTC), or nil
    /// when the text is not such a date.
    public static func seconds(_ text: String) -> Double? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from..<(from + count) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let year = number(0, 4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0.0, offset = 0
        var i = 4
        if i < b.count, b[i] == UInt8(ascii: "-") {
            guard let m = number(i + 1, 2), (1...12).contains(m) else { return nil }
            month = m; i += 3
            if i < b.count, b[i] == UInt8(ascii: "-") {
                guard let d = number(i + 1, 2), (1...31).contains(d) else { return nil }
                day = d; i += 3
            }
        }
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") {
            guard let h = number(i + 1, 2), let mi = number(i + 4, 2), b.count > i + 3, b[i + 3] == UInt8(ascii: ":") else { return nil }
            hour = h; minute = mi; i += 6
            if i < b.count, b[i] == UInt8(ascii: ":"), let s = number(i + 1, 2) {
                second = Double(s); i += 3
                if i < b.count, b[i] == UInt8(ascii: ".") {
                    var scale = 0.1
                    i += 1
                    while i < b.count, b[i] >= 48 && b[i] <= 57 { second += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
                }
            }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") { i += 1 }
                else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
                    guard let oh = number(i + 1, 2) else { return nil }
                    var j = i + 3, om = 0
                    if j < b.count, b[j] == UInt8(ascii: ":") {
                        guard let m = number(j + 1, 2) else { return nil }
                        om = m; j += 3
                    } else if let m = number(j, 2) {
                        om = m; j += 2
                    }
                    i = j
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        guard i == b.count else { return nil }
        guard let days = CivilDay(year: year, month: month, day: day)?.number, hour < 24, minute < 60, second < 61 else { return nil }
        return Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
    }
}
