import Testing
import Foundation
import LedeText
@testable import LedeAnalysis

@Suite struct DispersionTests {
    @Test func juillandDIsOneWhenEvenZeroWhenAllInOnePart() throws {
        #expect(Dispersion.juillandD([3, 3, 3, 3]) == 1)
        #expect(try #require(Dispersion.juillandD([0, 0, 0, 8])) < 1e-12)
        // [1…5]: mean 3, population sd √2, V = √2/3, D = 1 − V/√4.
        let d = try #require(Dispersion.juillandD([1, 2, 3, 4, 5]))
        let expected: Double = 1 - (2.0.squareRoot() / 3) / 2
        #expect(abs(d - expected) < 1e-12)
        #expect(Dispersion.juillandD([0, 0, 0]) == nil)
        #expect(Dispersion.juillandD([5]) == nil)
    }

    @Test func griesDPAgainstAWorkedExample() throws {
        // Five equal parts, hits 1…5: |v − s| = 2/15, 1/15, 0, 1/15, 2/15 → DP = ½ · 6/15 = 0.2; DPnorm = 0.2 / (1 − 0.2).
        let hits = [1, 2, 3, 4, 5], sizes = [100, 100, 100, 100, 100]
        #expect(abs(try #require(Dispersion.griesDP(hits: hits, sizes: sizes)) - 0.2) < 1e-12)
        #expect(abs(try #require(Dispersion.griesDPNorm(hits: hits, sizes: sizes)) - 0.25) < 1e-12)
        // Hits spread exactly as the sizes: 0. All hits in the smallest part: 1 − its share, DPnorm 1.
        #expect(try #require(Dispersion.griesDP(hits: [1, 2, 7], sizes: [10, 20, 70])) < 1e-12)
        #expect(abs(try #require(Dispersion.griesDP(hits: [4, 0, 0], sizes: [10, 20, 70])) - 0.9) < 1e-12)
        #expect(abs(try #require(Dispersion.griesDPNorm(hits: [4, 0, 0], sizes: [10, 20, 70])) - 1) < 1e-12)
        #expect(Dispersion.griesDP(hits: [0, 0], sizes: [5, 5]) == nil)
    }

    @Test func partsCoverTheTextAndEachPositionFallsInItsPart() {
        let (hits, sizes) = Dispersion.partCounts(positions: [0, 1, 9], length: 10, parts: 5)
        #expect(hits == [2, 0, 0, 0, 1] && sizes == [2, 2, 2, 2, 2])
        let odd = Dispersion.partCounts(positions: [1, 2, 3, 4, 6], length: 7, parts: 3)
        #expect(odd.sizes == [2, 2, 3] && odd.hits == [1, 2, 2])
        // A text shorter than the parts: one part per token.
        #expect(Dispersion.partCounts(positions: [2], length: 3, parts: 10).sizes == [1, 1, 1])
        // Every position lands in the part whose bounds hold it, for many lengths.
        for length in 1...60 {
            for parts in 1...12 {
                let (h, s) = Dispersion.partCounts(positions: (0..<length).map { Int32($0) }, length: length, parts: parts)
                #expect(h == s, "length \(length), parts \(parts)")
            }
        }
    }

    @Test func termHitsFindEveryMatchOnAllCores() throws {
        let vocabulary = Vocabulary()
        let texts = (0..<700).map { i in Tokenizer().tokenize("Peace talks began. The talks \(i % 3 == 0 ? "stalled" : "went on") and peace held.", vocabulary: vocabulary) }
        let pattern = try TermPattern("talks", forms: vocabulary.allForms())
        let positions = try TermHits.positions(pattern, in: texts)
        #expect(positions.count == 700 && positions.allSatisfy { $0 == [1, 4] })
        let phrase = try TermPattern("peace talks", forms: vocabulary.allForms())
        #expect(try TermHits.positions(phrase, in: Array(texts.prefix(2))) == [[0], [0]])
    }
}

@Suite struct TimeBucketTests {
    @Test func civilDaysCountFromTheEpochAndRoundTrip() throws {
        #expect(CivilDay(year: 1970, month: 1, day: 1)?.number == 0)
        #expect(CivilDay(year: 2000, month: 3, day: 1)?.number == 11_017)
        #expect(CivilDay(year: 1969, month: 12, day: 31)?.number == -1)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let c = CivilDay(number: n).components
            #expect(CivilDay(year: c.year, month: c.month, day: c.day)?.number == n)
        }
        #expect(CivilDay(year: 2023, month: 2, day: 29) == nil && CivilDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDay(year: 1900, month: 2, day: 29) == nil && CivilDay(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDay(iso: "2024-03-05T10:00:00+01:00")?.iso == "2024-03-05")
        #expect(CivilDay(iso: "2024-13-05") == nil && CivilDay(iso: "5 March 2024") == nil && CivilDay(iso: "") == nil)
        #expect(CivilDay(iso: "2024-03-04")?.weekday == 0)  // a Monday
        #expect(CivilDay(iso: "1970-01-01")?.weekday == 3)  // a Thursday
    }

    @Test func bucketsStartAndAreNamedAsCalendarsDo() throws {
        let d = try #require(CivilDay(iso: "2024-03-07"))
        #expect(TimeUnit.week.start(of: d).iso == "2024-03-04")
        #expect(TimeUnit.month.start(of: d).iso == "2024-03-01" && TimeUnit.year.start(of: d).iso == "2024-01-01")
        #expect(TimeUnit.month.next(after: try #require(CivilDay(iso: "2024-12-01"))).iso == "2025-01-01")
        // ISO weeks: the week holding Thursday, in Thursday's year.
        #expect(TimeUnit.week.label(of: TimeUnit.week.start(of: try #require(CivilDay(iso: "2021-01-03")))) == "2020-W53")
        #expect(TimeUnit.week.label(of: TimeUnit.week.start(of: try #require(CivilDay(iso: "2024-12-30")))) == "2025-W01")
        #expect(TimeUnit.week.label(of: TimeUnit.week.start(of: d)) == "2024-W10")
        #expect(TimeUnit.month.label(of: d) == "2024-03" && TimeUnit.day.label(of: d) == "2024-03-07")
        #expect(TimeUnit.fitting(days: 30) == .day && TimeUnit.fitting(days: 200) == .week
                && TimeUnit.fitting(days: 2_000) == .month && TimeUnit.fitting(days: 20_000) == .year)
    }

    @Test func trendFillsEmptyBucketsAndCountsUndatedApart() throws {
        func day(_ s: String) -> CivilDay? { CivilDay(iso: s) }
        let items: [TrendSeries.Item] = [
            .init(day: day("2024-01-15"), tokens: 100, hits: 2), .init(day: day("2024-01-31"), tokens: 50, hits: 0),
            .init(day: day("2024-04-02"), tokens: 200, hits: 5), .init(day: nil, tokens: 70, hits: 1), .init(day: nil, tokens: 30, hits: 0),
        ]
        let series = try TrendSeries(items, unit: .month)
        #expect(series.buckets.map(\.label) == ["2024-01", "2024-02", "2024-03", "2024-04"])
        #expect(series.buckets.map(\.articles) == [2, 0, 0, 1] && series.buckets.map(\.hits) == [2, 0, 0, 5])
        #expect(series.buckets[0].tokens == 150 && series.buckets[0].articlesWithHits == 1)
        #expect(series.buckets[1].start == "2024-02-01" && series.buckets[1].end == "2024-02-29")
        #expect(series.undated.articles == 2 && series.undated.tokens == 100 && series.undated.hits == 1)
        // Nothing is lost: every article is in a bucket or undated.
        #expect(series.buckets.reduce(0) { $0 + $1.articles } + series.undated.articles == items.count)
        #expect(try TrendSeries(items, unit: nil).unit == .week)
        let undatedOnly = try TrendSeries([.init(day: nil, tokens: 5, hits: 1)], unit: .day)
        #expect(undatedOnly.buckets.isEmpty && undatedOnly.undated.articles == 1)
        #expect(throws: TrendSeries.Problem.self) {
            try TrendSeries([.init(day: day("1900-01-01"), tokens: 1, hits: 0), .init(day: day("2090-01-01"), tokens: 1, hits: 0)], unit: .day)
        }
    }
}

@Suite struct HistogramTests {
    @Test func roundBinsCoverEveryValue() throws {
        let h = Histogram((0..<10).map { Double($0) })
        // Sturges: ⌈log₂ 10⌉ + 1 = 5 bins; width 9/5 rounds up to 2.
        #expect(h.width == 2 && h.bins.map(\.low) == [0, 2, 4, 6, 8] && h.bins.map(\.count) == [2, 2, 2, 2, 2])
        #expect(h.count == 10 && h.missing == 0 && h.mean == 4.5 && h.median == 4.5)
        #expect(abs(try #require(h.standardDeviation) - 8.25.squareRoot()) < 1e-12)
        let readability = Histogram([61.2, 55.0, 70.4, nil, .nan, 48.9, 66.6], bins: 4)
        #expect(readability.missing == 2 && readability.count == 5)
        #expect(readability.bins.reduce(0) { $0 + $1.count } == 5)
        #expect(readability.width == 10 && readability.bins.first?.low == 40)
        for bin in readability.bins { #expect(bin.high - bin.low == readability.width) }
        // A value on an edge opens its bin; equal values make one bin.
        #expect(Histogram([0, 10], bins: 1).bins.map(\.count) == [1, 1])
        #expect(Histogram([7, 7, 7]).bins.map(\.count) == [3])
        #expect(Histogram([]).bins.isEmpty && Histogram([nil]).missing == 1)
        #expect(Histogram((0..<100_000).map(Double.init), bins: 10_000).bins.count <= Histogram.maximumBins)
    }

    @Test func statisticsAreNamedAsUsersTypeThem() {
        #expect(ArticleStatistic(name: "FRE") == .fre && ArticleStatistic(name: "flesch") == .fre)
        #expect(ArticleStatistic(name: "words") == .words && ArticleStatistic(name: "Dale_Chall") == .daleChall)
        #expect(ArticleStatistic(name: "nonsense") == nil)
    }
}
