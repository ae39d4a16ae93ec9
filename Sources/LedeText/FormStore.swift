import Foundation

/// The bytes and kind of every id of a vocabulary, readable without a lock.
///
/// A text does not keep its body bytes: it rebuilds them from its token ids, whose forms live here once for
/// the whole session (see `TokenizedText`). Kinds live here too: in practice a token's kind follows from its
/// normalised form (a number starts with a digit, a URL holds "://" or "www.", an e-mail an "@", CJK forms
/// have no Latin letters), so it is kept once per id; a text records the rare token whose kind differs.
///
/// Append-only: an id's record is written under the vocabulary's lock before any text holding the id is
/// published, and pages never move or shrink, so readers take no lock.
public final class FormStore: @unchecked Sendable {
    @usableFromInline static let recordPageBits = 16, recordPageMask = (1 << 16) - 1
    private static let maxPages = 1 << 16
    /// Forms are packed into 1 MB pages (a form never spans two).
    private static let arenaPageSize = 1 << 20
    /// Per id, 64 bits: length (16) | kind (8) | arena page (16) | offset in the page (24).
    @usableFromInline let records: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>?>
    @usableFromInline let arenas: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    /// The writer's place (callers serialise writes).
    private var arenaPage = -1, arenaUsed = FormStore.arenaPageSize

    /// The longest form kept whole. A longer one (a 64 KB token whose lower case is longer still) is kept
    /// cut: no token's surface can equal it, so texts keep such a token's surface themselves.
    public static let maxFormLength = Int(UInt16.max)

    public init() {
        // calloc: only the page pointers actually written become resident.
        records = calloc(FormStore.maxPages, MemoryLayout<UnsafeMutablePointer<UInt64>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<UInt64>?.self, capacity: FormStore.maxPages)
        arenas = calloc(FormStore.maxPages, MemoryLayout<UnsafeMutablePointer<UInt8>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<UInt8>?.self, capacity: FormStore.maxPages)
    }

    deinit {
        for p in 0..<FormStore.maxPages {
            if let page = records[p] { free(page) }
            if let page = arenas[p] { free(page) }
        }
        free(records); free(arenas)
    }

    /// Records a new id's form and kind (callers serialise writes: the vocabulary's lock).
    func set(_ id: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind) {
        let length = min(bytes.count, FormStore.maxFormLength)
        if arenaUsed + length > FormStore.arenaPageSize {
            arenaPage += 1
            arenas[arenaPage] = malloc(FormStore.arenaPageSize)!.bindMemory(to: UInt8.self, capacity: FormStore.arenaPageSize)
            arenaUsed = 0
        }
        if length > 0 { memcpy(arenas[arenaPage]! + arenaUsed, bytes.baseAddress!, length) }
        let p = Int(id) >> FormStore.recordPageBits
        if records[p] == nil {
            records[p] = calloc(FormStore.recordPageMask + 1, 8)!.bindMemory(to: UInt64.self, capacity: FormStore.recordPageMask + 1)
        }
        records[p]![Int(id) & FormStore.recordPageMask] =
            UInt64(length) | UInt64(kind.rawValue) << 16 | UInt64(arenaPage) << 24 | UInt64(arenaUsed) << 40
        arenaUsed += length
    }

    @inlinable @inline(__always) func record(_ id: UInt32) -> UInt64 {
        guard let page = records[Int(id) >> FormStore.recordPageBits] else { return 0 }
        return page[Int(id) & FormStore.recordPageMask]
    }

    /// The kind of an id that a published text holds (`.word` for an id interned as a bare string).
    @inlinable @inline(__always) public subscript(id: UInt32) -> TokenKind {
        // Only raw values of `TokenKind` are ever stored (a fresh page is zero: `.word`).
        unsafeBitCast(UInt8(truncatingIfNeeded: record(id) >> 16), to: TokenKind.self)
    }

    /// The normalised bytes of an id that a published text holds (empty for an id never recorded). Valid as
    /// long as the store lives: pages never move.
    @inlinable @inline(__always) public func bytes(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
        let r = record(id)
        let length = Int(r & 0xFFFF)
        guard length > 0, let page = arenas[Int((r >> 24) & 0xFFFF)] else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: page + Int(r >> 40), count: length)
    }

    /// The byte length of an id's form.
    @inlinable @inline(__always) public func length(_ id: UInt32) -> Int { Int(record(id) & 0xFFFF) }
}
