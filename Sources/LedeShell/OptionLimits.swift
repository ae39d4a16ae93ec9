import ArgumentParser

/// The allowed values of numeric options, checked in each command's `validate()`: a value outside its range is
/// one line naming the option and the range, so no user-sized number reaches arithmetic that could overflow or
/// an allocation that could fail.
enum OptionLimits {
    static let count = 1...1_000_000
    static let rows = 0...100_000_000
    static let minCount = 1...Int(Int32.max)
    static let context = 0...1_000
    static let columns = 40...1_000
    /// Bodies keep 32-bit offsets, so a file must stay under 4 GiB.
    static let megabytes = 1...4_095

    static func check(_ value: Int, in range: ClosedRange<Int>, _ option: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) \(value): give \(range.lowerBound) to \(range.upperBound)")
        }
    }

    static func check(_ value: Double, in range: ClosedRange<Double>, _ option: String) throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(option) \(value): give a number from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    /// A positive, finite number (smoothing and Dirichlet priors).
    static func checkPositive(_ value: Double, _ option: String) throws {
        guard value.isFinite, value > 0, value <= 1e6 else {
            throw ValidationError("\(option) \(value): give a positive number up to 1000000")
        }
    }
}
