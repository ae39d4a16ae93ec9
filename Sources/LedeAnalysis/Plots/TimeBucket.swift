import LedeText

/// The stretch of time a trend counts in: a day, an ISO week (Monday to Sunday), a calendar month or year.
public enum TimeUnit: String, Sendable, CaseIterable, Codable {
    case day, week, month, year

    /// The first day of the bucket holding `day`.
    public func start(of day: CivilDay) -> CivilDay {
        switch self {
        case .day: return day
        case .week: return CivilDay(number: day.number - day.weekday)
        case .month: let c = day.components; return CivilDay(year: c.year, month: c.month, day: 1)!
        case .year: return CivilDay(year: day.components.year, month: 1, day: 1)!
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    public func next(after start: CivilDay) -> CivilDay {
        switch self {
        case .day: return CivilDay(number: start.number + 1)
        case .week: return CivilDay(number: start.number + 7)
        case .month:
            let c = start.components
            return c.month == 12 ? CivilDay(year: c.year + 1, month: 1, day: 1)! : CivilDay(year: c.year, month: c.month + 1, day: 1)!
        case .year: return CivilDay(year: start.components.year + 1, month: 1, day: 1)!
        }
    }

    /// The bucket's name: `2024-03-05`, `2024-W10` (ISO week and week-year), `2024-03`, `2024`.
    public func label(of start: CivilDay) -> String {
        let c = start.components
        switch self {
        case .day: return start.iso
        case .week:
            // The ISO week is the one holding the week's Thursday, numbered in Thursday's year.
            let thursday = CivilDay(number: start.number + 3)
            let year = thursday.components.year
            let week = (thursday.number - CivilDay(year: year, month: 1, day: 1)!.number) / 7 + 1
            return CivilDay.pad(year, 4) + "-W" + CivilDay.pad(week, 2)
        case .month: return CivilDay.pad(c.year, 4) + "-" + CivilDay.pad(c.month, 2)
        case .year: return CivilDay.pad(c.year, 4)
        }
    }

    /// A unit that gives a readable number of buckets over `days` days: day up to 45, week up to 366, month up
    /// to ten years, else year.
    public static func fitting(days: Int) -> TimeUnit {
        days <= 45 ? .day : days <= 366 ? .week : days <= 3_660 ? .month : .year
    }
}
