import Foundation

/// Gap codes (the low 5 bits of a token's code).
enum GapCode {
    static let none: UInt8 = 0, space: UInt8 = 1, blankLine: UInt8 = 2, comma: UInt8 = 3, stop: UInt8 = 4
    /// 5…30: that many bytes minus 4 (1…26), literal.
    static let firstLiteral: UInt8 = 5, maxShortLiteral = 26
    /// A varint length, then the bytes.
    static let long: UInt8 = 31
}

/// Surface codes (the top 2 bits of a token's code).
enum SurfaceCode {
    /// The form as it is; its first letter in capitals; every ASCII letter in capitals; a varint length and
    /// the bytes.
    static let form: UInt8 = 0, capitalised: UInt8 = 1, capitals: UInt8 = 2, literal: UInt8 = 3
    /// Not known yet (a token the tokenizer did not mark): found by comparing the surface with the form.
    static let unknown: UInt8 = 0xFF
}
