import Foundation
import Synchronization

/// An open-addressing hash table of byte strings → dense ids (0, 1, 2… in insertion order), with the
/// bytes kept in one arena. Used per document by the tokenizer (no lock, no `String` per token) and,
/// inside `Vocabulary`, for the whole session. A slot carries the form's id and a few bits of its hash, so a
/// probe touches one slot and, only on a tag match, the form's offsets and bytes.
public struct InternTable: Sendable {
    /// 4 bytes, so a worker's table of tens of thousands of forms stays in cache: the form id + 1 in the low
    /// 26 bits (0: empty), 6 bits of the hash's high half above it (a probe reads the form's bytes only on a
    /// tag match, which a different form passes 1 time in 64).
    struct Slot {
        var raw: UInt32 = 0
        static let idBits: UInt32 = 26, idMask: UInt32 = (1 << 26) - 1
        init() {}
        init(tag: UInt32, id: Int32) { raw = tag << Slot.idBits | (UInt32(id) + 1) }
        @inline(__always) static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 58) }
        @inline(__always) var isEmpty: Bool { raw == 0 }
        @inline(__always) var id: Int32 { Int32(bitPattern: (raw & Slot.idMask) &- 1) }
        @inline(__always) var tag: UInt32 { raw >> Slot.idBits }
    }

    public private(set) var arena: [UInt8] = []
    /// offsets[i]..<offsets[i+1] are the bytes of form i.
    public private(set) var offsets: [Int32] = [0]
    public private(set) var hashes: [UInt64] = []
    private var slots: [Slot]
    private var mask: Int

    public init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        hashes.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity + 1)
    }

    public var count: Int { hashes.count }

    /// Hashes 8 bytes at a time (little-endian words, the last one zero-padded), then a final mix so
    /// that the low bits used for slots are well spread. The tokenizer computes the same value inline.
    @inline(__always) public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed(count: bytes.count)
        var i = 0
        while i < bytes.count {
            var w: UInt64 = 0
            let n = min(8, bytes.count - i)
            for k in 0..<n { w |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            h = step(h, w)
            i += 8
        }
        return mix(h)
    }

    @inline(__always) static func seed(count: Int) -> UInt64 { 0x243F6A8885A308D3 ^ UInt64(count) }

    @inline(__always) static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x9E3779B97F4A7C15
        return x ^ (x >> 29)
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h = h &* 0xff51afd7ed558ccd; h ^= h >> 33
        return h
    }

    /// The slot index holding these bytes, or the empty slot where they would go.
    @inline(__always) private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, found: Bool) {
        let tag = Slot.tag(hash)
        return slots.withUnsafeBufferPointer { sl in
            offsets.withUnsafeBufferPointer { off in
                arena.withUnsafeBufferPointer { a in
                    var s = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let slot = sl[s]
                        if slot.isEmpty { return (s, false) }
                        if slot.tag == tag {
                            let start = Int(off[Int(slot.id)]), end = Int(off[Int(slot.id) + 1])
                            if end - start == bytes.count, InternTable.same(a.baseAddress! + start, bytes) {
                                return (s, true)
                            }
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// Byte equality; an inline loop beats a `memcmp` call for word-sized strings.
    @inline(__always) static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        if n > 24 { return memcmp(a, b.baseAddress!, n) == 0 }
        var k = 0
        while k < n { if a[k] != b[k] { return false }; k += 1 }
        return true
    }

    public func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32? {
        let p = probe(bytes, hash: hash)
        return p.found ? UInt32(slots[p.index].id) : nil
    }

    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
        let p = probe(bytes, hash: hash)
        if p.found { return UInt32(slots[p.index].id) }
        let id = Int32(hashes.count)
        precondition(id < Int32(Slot.idMask), "a form table holds at most 67 million forms")
        slots[p.index] = Slot(tag: Slot.tag(hash), id: id)
        arena.append(contentsOf: bytes)
        offsets.append(Int32(arena.count))
        hashes.append(hash)
        if hashes.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        for slot in old where !slot.isEmpty {
            var s = Int(truncatingIfNeeded: hashes[Int(slot.id)]) & mask
            while !slots[s].isEmpty { s = (s + 1) & mask }
            slots[s] = slot
        }
    }

    /// The bytes of form `id` as a string.
    public func form(_ id: Int) -> String {
        String(decoding: arena[Int(offsets[id])..<Int(offsets[id + 1])], as: UTF8.self)
    }
}
