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
public final class VocabularyForms: @unchecked Sendable {
    @usableFromInline static let pageBits = 16, pageMask = (1 << 16) - 1
    private static let maxPages = 1 << 16
    /// Forms are packed into 1 MB pages (a form never spans two), each with 16 bytes to spare at its end, so a
    /// reader may load any form 16 bytes at a time.
    private static let arenaPageSize = 1 << 20
    public static let readSlack = 16
    /// Per id: the address of its bytes << 16 | a flag (bit 15: `CharacterCounts` must scan the form) | its
    /// length (user-space addresses fit in 48 bits).
    @usableFromInline let records: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>?>
    /// Per id: its kind's raw value.
    @usableFromInline let kinds: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    private var arenaPages: [UnsafeMutablePointer<UInt8>] = []
    /// The writer's place in the last page (callers serialise writes).
    private var arenaUsed = VocabularyForms.arenaPageSize

    /// The longest form kept whole. A longer one (a token of over 32 KB) is kept cut: no token's surface can
    /// equal it, so texts keep such a token's surface themselves.
    public static let maxFormLength = 0x7FFF
    @usableFromInline static let lengthMask: UInt64 = 0x7FFF, scanFlag: UInt64 = 0x8000

    public init() {
        // calloc: only the page pointers actually written become resident.
        records = calloc(VocabularyForms.maxPages, MemoryLayout<UnsafeMutablePointer<UInt64>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<UInt64>?.self, capacity: VocabularyForms.maxPages)
        kinds = calloc(VocabularyForms.maxPages, MemoryLayout<UnsafeMutablePointer<UInt8>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<UInt8>?.self, capacity: VocabularyForms.maxPages)
    }

    deinit {
        for p in 0..<VocabularyForms.maxPages {
            if let page = records[p] { free(page) }
            if let page = kinds[p] { free(page) }
        }
        for page in arenaPages { free(page) }
        free(records); free(kinds)
    }

    /// Records a new id's form and kind (callers serialise writes: the vocabulary's lock).
    func set(_ id: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind) {
        let length = min(bytes.count, VocabularyForms.maxFormLength)
        if arenaUsed + length > VocabularyForms.arenaPageSize {
            let page = calloc(VocabularyForms.arenaPageSize + VocabularyForms.readSlack, 1)!.bindMemory(to: UInt8.self, capacity: VocabularyForms.arenaPageSize + VocabularyForms.readSlack)
            arenaPages.append(page)
            arenaUsed = 0
        }
        let at = arenaPages[arenaPages.count - 1] + arenaUsed
        if length > 0 { memcpy(at, bytes.baseAddress!, length) }
        arenaUsed += length
        let address = UInt64(UInt(bitPattern: at))
        precondition(address >> 48 == 0, "form store: an address beyond 48 bits")
        let flag = CharacterCounts.needsScan(UnsafeBufferPointer(start: at, count: length)) ? VocabularyForms.scanFlag : 0
        let p = Int(id) >> VocabularyForms.pageBits
        if records[p] == nil {
            records[p] = calloc(VocabularyForms.pageMask + 1, 8)!.bindMemory(to: UInt64.self, capacity: VocabularyForms.pageMask + 1)
            kinds[p] = calloc(VocabularyForms.pageMask + 1, 1)!.bindMemory(to: UInt8.self, capacity: VocabularyForms.pageMask + 1)
        }
        records[p]![Int(id) & VocabularyForms.pageMask] = address << 16 | flag | UInt64(length)
        kinds[p]![Int(id) & VocabularyForms.pageMask] = kind.rawValue
    }

    @inlinable @inline(__always) func record(_ id: UInt32) -> UInt64 {
        guard let page = records[Int(id) >> VocabularyForms.pageBits] else { return 0 }
        return page[Int(id) & VocabularyForms.pageMask]
    }

    /// The kind of an id that a published text holds (`.word` for an id interned as a bare string).
    @inlinable @inline(__always) public subscript(id: UInt32) -> TokenKind {
        guard let page = kinds[Int(id) >> VocabularyForms.pageBits] else { return .word }
        // Only raw values of `TokenKind` are ever stored (a fresh page is zero: `.word`).
        return unsafeBitCast(page[Int(id) & VocabularyForms.pageMask], to: TokenKind.self)
    }

    /// The normalised bytes of an id that a published text holds (empty for an id never recorded). Valid as
    /// long as the store lives: pages never move; `readSlack` bytes past the end may be read (not used).
    @inlinable @inline(__always) public func bytes(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
        let r = record(id)
        return UnsafeBufferPointer(start: UnsafePointer(bitPattern: UInt(r >> 16)), count: Int(r & VocabularyForms.lengthMask))
    }

    /// The byte length of an id's form.
    @inlinable @inline(__always) public func length(_ id: UInt32) -> Int { Int(record(id) & VocabularyForms.lengthMask) }

}
