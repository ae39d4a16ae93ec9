import Testing
@testable import LedeSession

/// Counts as tables show them: thousands separated by commas, the sign kept.
@Suite struct CountFormatTests {
    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (-999, "-999"), (1000, "1,000"), (-1000, "-1,000"),
                      (12345, "12,345"), (1234567, "1,234,567"), (-100000, "-100,000"),
                      (Int.max, "9,223,372,036,854,775,807"), (Int.min, "-9,223,372,036,854,775,808")])
    func thousandsAreSeparated(value: Int, shown: String) {
        #expect(Format.int(value) == shown)
    }
}
