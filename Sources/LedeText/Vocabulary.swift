import Foundation

/// Interns normalised token forms to dense integer ids, shared by every text of a session.
/// Thread-safe: documents tokenised in parallel intern into a local `FormTable` without locking, then
/// merge it here under one lock, once per document. Lookups compare bytes against a hash table, so
/// merging never builds a `String` for a form that is already known.
public final class Vocabulary: @unchecked Sendable {
    private let lock = NSLock()
    private var table = FormTable(capacity: 1 << 14)
    private var forms: [String] = []

    public init() {}

    public var count: Int { lock.withLock { forms.count } }

    /// The normalised form of an id.
    public func form(_ id: UInt32) -> String { lock.withLock { forms[Int(id)] } }

    /// All forms, indexed by id (a snapshot).
    public func allForms() -> [String] { lock.withLock { forms } }

    /// The forms of a range of ids (clamped to the ids that exist), under one lock.
    public func forms(in range: Range<Int>) -> [String] {
        lock.withLock { Array(forms[min(range.lowerBound, forms.count)..<min(range.upperBound, forms.count)]) }
    }

    /// The id of a normalised form, if it has been seen.
    public func id(of form: String) -> UInt32? {
        var f = form
        return f.withUTF8 { bytes in lock.withLock { table.find(bytes, hash: FormTable.hash(bytes)) } }
    }

    public func intern(_ form: String) -> UInt32 {
        var f = form
        return f.withUTF8 { bytes in lock.withLock { internLocked(bytes, hash: FormTable.hash(bytes)) } }
    }

    /// Interns a batch of forms under one lock; returns their global ids in order.
    public func intern(_ batch: [String]) -> [UInt32] {
        lock.withLock {
            batch.map { form in
                var f = form
                return f.withUTF8 { internLocked($0, hash: FormTable.hash($0)) }
            }
        }
    }

    /// Merges a document's local table under one lock; the result maps local id → global id.
    public func intern(_ local: FormTable) -> [UInt32] {
        var global = [UInt32](repeating: 0, count: local.count)
        local.arena.withUnsafeBufferPointer { arena in
            lock.withLock {
                for i in 0..<local.count {
                    let bytes = UnsafeBufferPointer(rebasing: arena[Int(local.offsets[i])..<Int(local.offsets[i + 1])])
                    global[i] = internLocked(bytes, hash: local.hashes[i])
                }
            }
        }
        return global
    }

    private func internLocked(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
        let before = table.count
        let id = table.intern(bytes, hash: hash)
        if table.count > before { forms.append(String(decoding: bytes, as: UTF8.self)) }
        return id
    }
}

/// An open-addressing hash table of byte strings → dense ids (0, 1, 2… in insertion order), with the
/// bytes kept in one arena. Used per document by the tokenizer (no lock, no `String` per token) and,
/// inside `Vocabulary`, for the whole session.
public struct FormTable: Sendable {
    public private(set) var arena: [UInt8] = []
    /// offsets[i]..<offsets[i+1] are the bytes of form i.
    public private(set) var offsets: [Int32] = [0]
    public private(set) var hashes: [UInt64] = []
    private var slots: [Int32]          // -1 empty, else form id
    private var mask: Int

    public init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    public var count: Int { hashes.count }

    /// FNV-1a over the bytes, then a final mix so that the low bits used for slots are well spread.
    @inline(__always) public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in bytes { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return mix(h)
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h = h &* 0xff51afd7ed558ccd; h ^= h >> 33
        return h
    }

    @inline(__always) func equal(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id]), end = Int(offsets[id + 1])
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            bytes.count == 0 || memcmp(a.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    public func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32? {
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[s]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, equal(Int(id), bytes) { return UInt32(id) }
            s = (s + 1) & mask
        }
    }

    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[s]
            if id < 0 { break }
            if hashes[Int(id)] == hash, equal(Int(id), bytes) { return UInt32(id) }
            s = (s + 1) & mask
        }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        offsets.append(Int32(arena.count))
        hashes.append(hash)
        slots[s] = id
        if hashes.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (id, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(id)
        }
    }

    /// The bytes of form `id` as a string.
    public func form(_ id: Int) -> String {
        String(decoding: arena[Int(offsets[id])..<Int(offsets[id + 1])], as: UTF8.self)
    }
}
