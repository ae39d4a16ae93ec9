import Foundation

/// A text's token ids, 16-bit when every id of the text is below 65,536 (chosen per text: a news article of
/// a corpus with a vocabulary under 65,536 forms, or one using only its first 65,536 forms), else 32-bit.
/// A view of the text's storage (which it keeps alive).
public struct TokenIDs: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let owner: AnyObject?
    @usableFromInline let narrow: UnsafePointer<UInt16>?
    @usableFromInline let wide: UnsafePointer<UInt32>?
    @usableFromInline let length: Int

    init(owner: AnyObject?, narrow: UnsafePointer<UInt16>?, wide: UnsafePointer<UInt32>?, count: Int) {
        self.owner = owner; self.narrow = narrow; self.wide = wide; self.length = count
    }

    /// Whether ids are stored in 32 bits.
    @inlinable public var isWide: Bool { wide != nil }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { length }
    @inlinable @inline(__always) public subscript(i: Int) -> UInt32 {
        precondition(i >= 0 && i < length, "token index out of range")
        if let wide { return wide[i] }
        return UInt32(narrow.unsafelyUnwrapped[i])
    }

    /// The ids without bounds checks or copies, for loops over every token.
    @inlinable @inline(__always)
    public func withUnsafeIDs<R>(_ body: (TokenIDBuffer) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(TokenIDBuffer(narrow: narrow, wide: wide, count: length)) }
    }

    /// Bytes held per token id (2 or 4).
    public var bytesPerID: Int { isWide ? 4 : 2 }
}

/// Unsafe view of a text's ids (valid inside `TokenIDs.withUnsafeIDs` only).
public struct TokenIDBuffer: RandomAccessCollection {
    @usableFromInline let narrow: UnsafePointer<UInt16>?
    @usableFromInline let wide: UnsafePointer<UInt32>?
    public let count: Int
    @inlinable init(narrow: UnsafePointer<UInt16>?, wide: UnsafePointer<UInt32>?, count: Int) {
        self.narrow = narrow; self.wide = wide; self.count = count
    }
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable @inline(__always) public subscript(i: Int) -> UInt32 {
        if let wide { return wide[i] }
        return UInt32(narrow.unsafelyUnwrapped[i])
    }
}
