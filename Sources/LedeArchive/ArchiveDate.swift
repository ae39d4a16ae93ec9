import Foundation
import LedeText

/// Times in the archive: ISO 8601 in UTC with milliseconds (`2026-12-05T12:00:00.123Z`), which sorts as text
/// and which sqlite3, pandas, R and DuckDB all read. Written and read by hand (the calendar is LedeText's
/// `CivilDay`): a formatter object costs microseconds per call, and an archive holds tens of thousands of times.
enum ArchiveDate {
    static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let inDay = ms - days * 86_400_000
        let civil = CivilDay(number: Int(days)).components
        let (y, m, d) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        var out = [UInt8]()
        out.reserveCapacity(24)
        func put(_ v: Int64, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var x = v
            for k in stride(from: width - 1, through: 0, by: -1) { digits[k] = 0x30 + UInt8(x % 10); x /= 10 }
            out.append(contentsOf: digits)
        }
        put(y, 4); out.append(0x2D); put(m, 2); out.append(0x2D); put(d, 2); out.append(0x54)
        put(inDay / 3_600_000, 2); out.append(0x3A); put(inDay / 60_000 % 60, 2); out.append(0x3A)
        put(inDay / 1000 % 60, 2); out.append(0x2E); put(inDay % 1000, 3); out.append(0x5A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads the archive's own form; anything else ISO 8601 falls back to Foundation; nil when unreadable.
    static func parse(_ text: String) -> Date? {
        if let seconds = ISODate.seconds(text) { return Date(timeIntervalSince1970: seconds) }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }
}
