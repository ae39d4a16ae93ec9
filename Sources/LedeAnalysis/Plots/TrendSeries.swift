import LedeText

/// Articles counted by time bucket, every bucket from the first dated article to the last (empty ones too, so a
/// chart's time axis is even); undated articles are counted apart, never dropped.
public struct TrendSeries: Sendable, Equatable {
    public struct Item: Sendable {
        public var day: CivilDay?
        public var tokens: Int
        /// Matches of the term in the article, or 1/0 for carrying the tag.
        public var hits: Int
        public init(day: CivilDay?, tokens: Int, hits: Int) { self.day = day; self.tokens = tokens; self.hits = hits }
    }

    public struct Bucket: Sendable, Equatable, Codable {
        public var label: String
        /// First and last day (ISO dates).
        public var start: String
        public var end: String
        public var articles = 0
        public var tokens = 0
        public var hits = 0
        /// Articles with at least one hit.
        public var articlesWithHits = 0
    }

    public var unit: TimeUnit
    public var buckets: [Bucket]
    public var undated = Bucket(label: "undated", start: "", end: "")

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case tooManyBuckets(Int, TimeUnit)
        public var description: String {
            switch self {
            case .tooManyBuckets(let n, let unit):
                return "the dates span \(n) \(unit.rawValue)s; give a longer unit with --by (at most \(TrendSeries.maximumBuckets) buckets)"
            }
        }
    }

    public static let maximumBuckets = 20_000

    /// Buckets of `unit` (nil: a unit fitting the dates' span).
    public init(_ items: [Item], unit: TimeUnit?) throws {
        let days = items.compactMap(\.day)
        guard let first = days.min(), let last = days.max() else {
            self.unit = unit ?? .month
            buckets = []
            for item in items { TrendSeries.add(item, to: &undated) }
            return
        }
        let unit = unit ?? TimeUnit.fitting(days: last.number - first.number + 1)
        self.unit = unit
        var starts: [Int] = []
        var s = unit.start(of: first)
        while s <= last {
            starts.append(s.number)
            if starts.count > TrendSeries.maximumBuckets {
                let perBucket = [TimeUnit.day: 1, .week: 7, .month: 30, .year: 365][unit]!
                throw Problem.tooManyBuckets((last.number - first.number) / perBucket + 1, unit)
            }
            s = unit.next(after: s)
        }
        buckets = starts.indices.map { k in
            let start = CivilDay(number: starts[k])
            let end = CivilDay(number: (k + 1 < starts.count ? starts[k + 1] : unit.next(after: start).number) - 1)
            return Bucket(label: unit.label(of: start), start: start.iso, end: end.iso)
        }
        for item in items {
            guard let day = item.day else { TrendSeries.add(item, to: &undated); continue }
            // The last bucket starting on or before the day.
            var lo = 0, hi = starts.count - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if starts[mid] <= day.number { lo = mid } else { hi = mid - 1 } }
            TrendSeries.add(item, to: &buckets[lo])
        }
    }

    static func add(_ item: Item, to bucket: inout Bucket) {
        bucket.articles += 1
        bucket.tokens += item.tokens
        bucket.hits += item.hits
        if item.hits > 0 { bucket.articlesWithHits += 1 }
    }
}
