import Foundation

/// Interns normalised token forms to dense integer ids, shared by every text of a session.
/// Thread-safe: documents tokenised in parallel intern into a local `InternTable` without locking, then
/// merge it here under one lock, once per document. Lookups compare bytes against a hash table, so
/// merging never builds a `String` for a form that is already known.
public final class Vocabulary: Sendable {
    private struct Interned {
        var table = InternTable(capacity: 1 << 14)
        var formStrings: [String] = []
    }
    private let interned = Locked(Interned())
    /// Each id's bytes and token kind, readable without the lock. The kind is the one the id was first
    /// interned with: a tokenised text's, or `.word` for a bare string.
    public let forms = VocabularyForms()

    public init() {}

    public var count: Int { interned.withLock { $0.formStrings.count } }

    /// The normalised form of an id.
    public func form(_ id: UInt32) -> String { interned.withLock { $0.formStrings[Int(id)] } }

    /// All forms, indexed by id (a snapshot).
    public func allForms() -> [String] { interned.withLock { $0.formStrings } }

    /// A 64-bit hash of each form's bytes, indexed by id (a snapshot). The hash depends on the bytes only, not
    /// on the order forms were interned, so it identifies a form across sessions.
    public func formHashes() -> [UInt64] { interned.withLock { $0.table.hashes } }

    /// The forms of a range of ids (clamped to the ids that exist), under one lock.
    public func forms(in range: Range<Int>) -> [String] {
        interned.withLock { state in
            let strings = state.formStrings
            return Array(strings[min(range.lowerBound, strings.count)..<min(range.upperBound, strings.count)])
        }
    }

    /// The id of a normalised form, if it has been seen.
    public func id(of form: String) -> UInt32? {
        var f = form
        return f.withUTF8 { bytes in interned.withLock { $0.table.find(bytes, hash: InternTable.hash(bytes)) } }
    }

    public func intern(_ form: String) -> UInt32 {
        var f = form
        return f.withUTF8 { bytes in interned.withLock { intern(bytes, hash: InternTable.hash(bytes), into: &$0) } }
    }

    /// Interns a batch of forms under one lock; returns their global ids in order.
    public func intern(_ batch: [String]) -> [UInt32] {
        interned.withLock { state in
            batch.map { form in
                var f = form
                return f.withUTF8 { intern($0, hash: InternTable.hash($0), into: &state) }
            }
        }
    }

    /// Merges a document's local table under one lock; the result maps local id → global id.
    /// `kinds` (by local id, when given) become the kinds of the ids this merge creates (else `.word`).
    public func intern(_ local: InternTable, kinds localKinds: [TokenKind]? = nil) -> [UInt32] {
        var global = [UInt32](repeating: .max, count: local.count)
        intern(local, ids: 0..<local.count, kinds: localKinds, into: &global)
        return global
    }

    /// Merges the local ids `ids` of `local` under one lock, writing each one's global id to `global[id]`
    /// (a caller that keeps its local table across merges passes only the ids it has not merged yet).
    public func intern<S: Sequence<Int>>(_ local: InternTable, ids: S, kinds localKinds: [TokenKind]?, into global: inout [UInt32]) {
        local.arena.withUnsafeBufferPointer { arena in
            interned.withLock { state in
                for i in ids {
                    let bytes = UnsafeBufferPointer(rebasing: arena[Int(local.offsets[i])..<Int(local.offsets[i + 1])])
                    global[i] = intern(bytes, hash: local.hashes[i], kind: localKinds?[i] ?? .word, into: &state)
                }
            }
        }
    }

    private func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, kind: TokenKind = .word, into state: inout Interned) -> UInt32 {
        let before = state.table.count
        let id = state.table.intern(bytes, hash: hash)
        if state.table.count > before {
            state.formStrings.append(String(decoding: bytes, as: UTF8.self))
            forms.set(id, bytes, kind)
        }
        return id
    }
}
