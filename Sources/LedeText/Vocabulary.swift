import Foundation
import Synchronization

/// Interns normalised token forms to dense integer ids, shared by every text of a session.
/// Thread-safe: documents tokenised in parallel merge their local forms under one lock, once per document.
public final class Vocabulary: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: UInt32] = [:]
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
    public func id(of form: String) -> UInt32? { lock.withLock { ids[form] } }

    public func intern(_ form: String) -> UInt32 {
        lock.withLock { internLocked(form) }
    }

    /// Interns a batch of forms under one lock; returns their global ids in order.
    public func intern(_ batch: [String]) -> [UInt32] {
        lock.withLock { batch.map { internLocked($0) } }
    }

    private func internLocked(_ form: String) -> UInt32 {
        if let id = ids[form] { return id }
        let id = UInt32(forms.count)
        forms.append(form)
        ids[form] = id
        return id
    }
}
