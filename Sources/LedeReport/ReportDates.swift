import Foundation

/// Dates as articles carry them (ISO 8601, with or without a time) turned into seconds, to place versions on
/// a time line.
enum ReportDates {
    static func seconds(_ iso: String) -> Double? {
        let full = ISO8601DateFormatter()
        if let d = full.date(from: iso) { return d.timeIntervalSince1970 }
        let noSeconds = ISO8601DateFormatter()
        noSeconds.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        if let d = noSeconds.date(from: iso) { return d.timeIntervalSince1970 }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: String(iso.prefix(10)))?.timeIntervalSince1970
    }
}
