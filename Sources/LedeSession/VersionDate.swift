import Foundation
import LedeText

/// Dates as the loaders write them (ISO 8601: `2026-03-05`, `2026-03-05T18:40`, `2026-03-05T18:40:00+01:00`),
/// made comparable: versions are ordered by them and `date:` ranges compare them.
public enum VersionDate {
    /// Seconds since 1970 in UTC (a date alone is its midnight, a time without a zone is read as UTC), or nil
    /// when the text is not such a date.
    public static func key(_ text: String) -> Double? { ISODate.seconds(text) }
}
