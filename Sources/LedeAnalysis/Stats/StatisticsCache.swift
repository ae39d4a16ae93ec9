import Foundation
import LedeText

/// Per-text statistics kept for as long as the text's owner (its article version) lives; an entry whose
/// owner is gone is never returned, and such entries are swept out as the cache grows.
public final class StatisticsCache: Sendable {
    /// Owners are held weakly and only compared by identity, never read.
    private struct Entry: @unchecked Sendable { weak var owner: AnyObject?; var value: StatisticsCalculator.Detailed }
    private struct Entries {
        var byOwner: [ObjectIdentifier: Entry] = [:]
        var sweepAt = 1024
    }
    private let entries = Locked(Entries())

    public init() {}

    /// The entries of several owners under one lock (nil where there is none).
    func get(_ owners: [AnyObject]) -> [StatisticsCalculator.Detailed?] {
        let keys = owners.map(ObjectIdentifier.init)
        let found = entries.withLock { e in keys.map { e.byOwner[$0] } }
        return zip(found, owners).map { entry, owner in entry?.owner === owner ? entry?.value : nil }
    }

    func set(_ owner: AnyObject, _ value: StatisticsCalculator.Detailed) { set([(owner, value)]) }

    /// Stores several entries under one lock (a worker's whole share at once).
    func set(_ values: [(AnyObject, StatisticsCalculator.Detailed)]) {
        guard !values.isEmpty else { return }
        let new = values.map { (ObjectIdentifier($0.0), Entry(owner: $0.0, value: $0.1)) }
        entries.withLock { e in
            e.byOwner.reserveCapacity(e.byOwner.count + new.count)
            for (key, entry) in new {
                e.byOwner[key] = entry
                if e.byOwner.count >= e.sweepAt {
                    e.byOwner = e.byOwner.filter { $0.value.owner != nil }
                    e.sweepAt = max(1024, e.byOwner.count * 2)
                }
            }
        }
    }

    public var count: Int { entries.withLock { $0.byOwner.count } }
}

/// The owners of texts (article versions), handed to the workers: they are only compared by identity and
/// kept as weak keys by the cache, never read or changed.
struct UncheckedOwners: @unchecked Sendable {
    let objects: [AnyObject]
}
