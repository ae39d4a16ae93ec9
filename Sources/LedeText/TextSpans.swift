import Foundation

/// A text's sentences or paragraphs: a view of its storage (which it keeps alive).
public struct TextSpans: RandomAccessCollection, Equatable, @unchecked Sendable {
    private let owner: AnyObject
    private let base: UnsafeRawPointer
    private let length: Int
    private let narrow: Bool

    init(owner: AnyObject, base: UnsafeRawPointer, count: Int, narrow: Bool) {
        self.owner = owner; self.base = base; self.length = count; self.narrow = narrow
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { length }

    public subscript(i: Int) -> TextSpan {
        precondition(i >= 0 && i < length, "span index \(i) out of range")
        return withExtendedLifetime(owner) { narrow ? span(i, as: UInt16.self) : span(i, as: UInt32.self) }
    }

    @inline(__always) private func span<Bound: FixedWidthInteger>(_ i: Int, as _: Bound.Type) -> TextSpan {
        let p = base.assumingMemoryBound(to: Bound.self) + 4 * i
        return TextSpan(UInt32(p[0]), UInt32(p[1]), UInt32(p[2]), UInt32(p[3]))
    }

    public static func == (a: TextSpans, b: TextSpans) -> Bool { a.elementsEqual(b) }
}
